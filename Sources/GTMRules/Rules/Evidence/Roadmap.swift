import GTMCore
import GTMModel

/// When a product capability can be sold: today, or later. A capability is on the roadmap
/// when its status is planned or building, when it is in beta and beta does not count, or when
/// its `available` date or quarter has not come yet. A capability with no status and no date
/// says nothing about its state and is taken as available: the rules refuse to guess.
struct Roadmap {
    var today: CalendarDate
    var betaIsAvailable: Bool

    /// A capability that cannot be sold today, with what says so.
    struct Pending {
        var capability: NodeRef
        /// The capability as people call it: its name, else its id.
        var name: String
        var status: String?
        /// The date or quarter it is due, as written, and the first day it can be.
        var due: (text: String, from: CalendarDate)?
        /// Whether the due date has passed while the status still says it is not shipped.
        var overdue: Bool
        /// The place that shows it is not available: its date, else its status, else itself.
        var place: NodeRef
    }

    /// The capability's state, or nil when it is available today.
    func pending(_ capability: NodeRef) -> Pending? {
        let status = capability[.capabilityStatus].string
        let available = capability[.capabilityAvailable]
        let due = available.text.flatMap { text in Self.firstDay(of: text).map { (text: text, from: $0) } }
        let future = due.map { $0.from > today } ?? false
        let byStatus = status == "planned" || status == "building" || (status == "beta" && !betaIsAvailable)
        guard byStatus || future else { return nil }
        let name = capability[.capabilityName].text ?? capability[.capabilityID].text ?? "a capability"
        let place = due != nil ? available : capability[.capabilityStatus].exists ? capability[.capabilityStatus] : capability
        return Pending(capability: capability, name: name, status: status, due: due, overdue: byStatus && due != nil && !future, place: place)
    }

    /// Every capability of the product plans that supports a promise, by promise id.
    static func supporters(in workspace: Workspace) -> [String: [NodeRef]] {
        var result: [String: [NodeRef]] = [:]
        for plan in workspace.documents(of: .productPlan) {
            for capability in plan[.capabilities].items {
                for promise in capability[.capabilitySupports].strings {
                    result[promise, default: []].append(capability)
                }
            }
        }
        return result
    }

    /// The capabilities behind a promise when every one of them is on the roadmap; nil when
    /// one is available today or when there are none (a promise without any capability is
    /// GTM217's).
    func allPending(_ capabilities: [NodeRef]) -> [Pending]? {
        guard !capabilities.isEmpty else { return nil }
        var result: [Pending] = []
        for capability in capabilities {
            guard let p = pending(capability) else { return nil }
            result.append(p)
        }
        return result
    }

    /// The first day of a date (`2027-06-30`) or a quarter (`2027-Q2`); nil for anything else.
    static func firstDay(of text: String) -> CalendarDate? {
        if let date = CalendarDate(iso: text) { return date }
        let parts = text.split(separator: "-")
        guard parts.count == 2, parts[0].count == 4, let year = Int(parts[0]),
              parts[1].count == 2, parts[1].first == "Q", let q = Int(parts[1].dropFirst()), (1...4).contains(q) else { return nil }
        return CalendarDate(year: year, month: (q - 1) * 3 + 1, dayOfMonth: 1)
    }
}

extension Roadmap.Pending {
    /// Where the capability stands, in words: `is planned for 2027-Q2`, `is in beta`.
    var words: String {
        if overdue, let due {
            return "was due \(due.text) and is still \(status == "building" ? "being built" : status == "beta" ? "in beta" : "planned")"
        }
        switch status {
        case "planned": return due.map { "is planned for \($0.text)" } ?? "is only planned"
        case "building": return "is still being built" + (due.map { ", due \($0.text)" } ?? "")
        case "beta": return "is in beta" + (due.map { " until \($0.text)" } ?? "")
        default: return "is available only from \(due?.text ?? "a later date")"
        }
    }
}
