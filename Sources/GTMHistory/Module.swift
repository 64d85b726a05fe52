// GTMHistory
