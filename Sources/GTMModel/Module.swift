// GTMModel
