// GTMRules
