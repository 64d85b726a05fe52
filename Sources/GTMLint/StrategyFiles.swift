/// What the working tree and git agree a strategy file is, and the words both use for the
/// files they will not read.
public enum StrategyFiles {
    public static let linkReason = "it is a symbolic link; gtm reads no links in the strategy folder (git stores the link, not the file): commit the file itself"
    public static let badNameReason = "the file name is not UTF-8; rename it so every tool shows the same name"
    public static let conflictReason = "the file is in conflict (a merge, rebase or cherry-pick left it unmerged); resolve the conflict and `git add` it, then commit"
}
