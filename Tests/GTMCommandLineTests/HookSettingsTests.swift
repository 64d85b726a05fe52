import Foundation
import Testing

/// The hook reads the folders the commit's settings name with the shell alone (a commit that
/// stages no strategy file pays for no other process), and must read them as `sed` read them
/// before: the value, quoted or not, before an optional comment; `.` for anything else.
@Suite("The hook reads its settings with the shell alone")
struct HookSettingsTests {
    /// What follows `strategy:` on a line of `.gtm.yaml`.
    @Test(arguments: [
        " gtm", "gtm", "   gtm   ", " gtm # where it lives", " gtm#note", " \"gtm\"", " 'gtm'", " \"gtm'", " gtm\"",
        " strategy/gtm-2.0_x", " ./gtm", " ../gtm", "", "   ", " # only a note", " gtm x", " gtm'x", " \"\"",
        " [gtm]", " {a: b}", " gtm\r", " \tgtm\t", " g tm", " gtm: x", " ~", " \"gtm\" # \"note\"", " *",
    ])
    func aSettingReadsAsSedReadIt(_ rest: String) throws {
        let hook = try String(contentsOf: Paths.packageRoot.appendingPathComponent(".githooks/pre-commit"), encoding: .utf8)
        let lines = hook.split(separator: "\n", omittingEmptySubsequences: false)
        let start = try #require(lines.firstIndex { $0.hasPrefix("gtm_setting() {") })
        let end = try #require(lines[start...].firstIndex { $0 == "}" })
        let function = lines[start...end].joined(separator: "\n")
        let script = function + #"""

            gtm_setting "$1"
            printf 'shell=%s\n' "$value"
            old=$(printf '%s\n' "strategy:$1" | sed -n "s/^strategy:[[:space:]]*[\"']\{0,1\}\([A-Za-z0-9._/-]\{1,\}\)[\"']\{0,1\}[[:space:]]*\(#.*\)\{0,1\}\$/\1/p")
            [ -z "$old" ] && old=.
            printf 'sed=%s\n' "$old"
            """#
        let result = try run(URL(fileURLWithPath: "/bin/sh"), ["-c", script, "sh", rest], in: Paths.packageRoot)
        #expect(result.status == 0, "\(result.stderr)")
        let out = result.stdout.split(separator: "\n").map(String.init)
        #expect(out.count == 2 && out[0].dropFirst(6) == out[1].dropFirst(4), "\(out)")
    }
}
