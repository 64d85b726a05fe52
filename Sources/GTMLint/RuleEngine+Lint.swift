import GTMCore
import GTMModel
import GTMRules

extension RuleEngine: WorkspaceChecking {}
