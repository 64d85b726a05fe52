public enum GTMMain {
    public static func run(toolName: String) {}
}
