// GTMGit
