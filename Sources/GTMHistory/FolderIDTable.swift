#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import GTMGit

/// Strategy folders by commit-graph position (`HistoryReader.folderID`): a slot per commit of
/// the graph, in zeroed memory the table frees in its `deinit`. A history asks for the folder
/// of thousands of commits; a dictionary keyed by id hashed each one, and grew and rehashed its
/// table as they came, each larger table in memory new to the process. Zeroed memory of a
/// graph's size is taken from the system as it is written, so that a graph of a million
/// commits costs only the pages of the commits asked about.
final class FolderIDTable {
    /// 0: not known yet; 1: the commit has no strategy folder; 2: its folder is `id`.
    private struct Slot {
        var state: UInt8
        var id: ObjectID
    }

    private let slots: UnsafeMutablePointer<Slot>
    let count: Int

    init?(count: Int) {
        guard count > 0, let memory = calloc(count, MemoryLayout<Slot>.stride) else { return nil }
        slots = memory.bindMemory(to: Slot.self, capacity: count)
        self.count = count
    }

    deinit { free(slots) }

    /// The folder at a position: nil when not known yet, `.some(nil)` for no folder.
    subscript(position: Int) -> ObjectID?? {
        get {
            precondition(position >= 0 && position < count, "graph position out of range")
            let slot = slots[position]
            switch slot.state {
            case 0: return nil
            case 1: return .some(nil)
            default: return .some(slot.id)
            }
        }
        set {
            precondition(position >= 0 && position < count, "graph position out of range")
            switch newValue {
            case nil: slots[position].state = 0
            case .some(nil): slots[position].state = 1
            case .some(.some(let id)): slots[position] = Slot(state: 2, id: id)
            }
        }
    }
}
