// GTMReport
