import GTMCore
import YAMLSource

/// Compares two workspaces by meaning, not by lines: documents are matched by kind and id
/// (so a moved file is a move, not a removal and an addition), mappings by key, and lists by
/// the `id` or `name` of their items where every item has a unique one (so reordering is not a
/// change). Lists of plain values are compared as sets of values.
public enum SemanticDiff {
    /// The changes between two workspaces; `only` limits the comparison to some documents
    /// (`gtm log` follows one segment and need not compare the rest). Without `details`, a
    /// change of a segment's ICP comes without the edits that make it (`SemanticChange.details`)
    /// and points at the first criterion edited, not into it: `gtm log`'s text shows the ICP's
    /// sentence alone, and comparing the criteria node by node, then folding the edits into that
    /// sentence, was a third of comparing each version of a history.
    public static func changes(from old: Workspace, to new: Workspace,
                               only: ((DocumentKind, String) -> Bool)? = nil, details: Bool = true) -> [SemanticChange] {
        var changes: [SemanticChange] = []
        let oldDocs = index(old, only: only), newDocs = index(new, only: only)
        for (key, newDoc) in newDocs {
            guard let oldDoc = document(key, in: oldDocs) else {
                // Its file could not be read before: it is not new, only known again.
                let again = old.unreadable[newDoc.path] != nil
                var added = SemanticChange(
                    kind: .added, documentKind: newDoc.kind, document: key.id, path: newDoc.path,
                    pointer: .root, old: nil, new: newDoc.root, classification: again ? .documentReadableAgain : .documentAdded)
                let profile = newDoc.kind == .segment ? ICPProfile(newDoc).description : nil
                if again {
                    added.note = "its file \(newDoc.path) can be read again" + (profile.map { ": " + $0 } ?? "")
                } else if let profile {
                    added.note = "the segment is added: " + profile
                }
                changes.append(added)
                continue
            }
            // One parsed document on both sides (a file no commit between them touched).
            if oldDoc.isSameDocument(as: newDoc) { continue }
            if oldDoc.path != newDoc.path {
                changes.append(SemanticChange(
                    kind: .moved, documentKind: newDoc.kind, document: key.id, path: newDoc.path, oldPath: oldDoc.path,
                    pointer: .root, old: nil, new: nil, classification: .documentMoved))
            }
            if !details, newDoc.kind == .segment, appendICPChange(from: oldDoc, to: newDoc, id: key.id, to: &changes) { continue }
            var nodeChanges: [SemanticChange] = []
            compare(oldDoc.root, newDoc.root, at: .root) { kind, pointer, before, after in
                nodeChanges.append(SemanticChange(
                    kind: kind, documentKind: newDoc.kind, document: key.id, path: newDoc.path,
                    pointer: pointer, old: before, new: after))
            }
            for i in nodeChanges.indices { Classifier.classify(&nodeChanges[i]) }
            if newDoc.kind == .segment { foldICP(&nodeChanges, from: oldDoc, to: newDoc) }
            changes.append(contentsOf: consume nodeChanges)
        }
        for (key, oldDoc) in oldDocs where document(key, in: newDocs) == nil {
            // Its file is there but cannot be read: what it says now is unknown, not gone.
            let why = new.unreadable[oldDoc.path]
            var removed = SemanticChange(
                kind: .removed, documentKind: oldDoc.kind, document: key.id, path: oldDoc.path,
                pointer: .root, old: oldDoc.root, new: nil, classification: why == nil ? .documentRemoved : .documentUnreadable)
            if let why {
                removed.note = "its file \(oldDoc.path) cannot be read here (\(why)), so what it says is unknown; it is not removed"
            } else if oldDoc.kind == .segment {
                removed.note = "the segment is removed: it was " + ICPProfile(oldDoc).description
            }
            changes.append(removed)
        }
        return changes
    }

    /// The edits to a segment's criteria are one change of meaning: the ICP narrowed, broadened,
    /// shifted or re-targeted, said in one sentence, with the edits as its details. Edits that
    /// move no account in or out (reworded signals) stay as they are.
    static func foldICP(_ changes: inout [SemanticChange], from old: GTMDocument, to new: GTMDocument) {
        guard let first = changes.firstIndex(where: { isICPCriterion($0.pointer.tokens.first) }) else { return }
        let comparison = ICPProfile(old).compare(to: ICPProfile(new))
        guard comparison.scope != .same else { return }
        var folded = changes[first]
        folded.kind = .changed
        folded.old = nil
        folded.new = nil
        folded.classification = classification(of: comparison.scope)
        folded.meaning = comparison
        // The edits become the details, moved rather than copied; the rest keep their order.
        var details: [SemanticChange] = []
        var rest: [SemanticChange] = [folded]
        rest.reserveCapacity(changes.count)
        for change in consume changes {
            if isICPCriterion(change.pointer.tokens.first) { details.append(change) } else { rest.append(change) }
        }
        rest[0].details = details
        changes = rest
    }

    /// A segment's changes when its ICP moved, its criteria read as profiles only (`changes`
    /// without `details`): the ICP's change, pointing at the first criterion edited, then the
    /// edits outside the criteria, as `foldICP` would leave them. False, with nothing appended,
    /// when the ICP did not move (its criteria's edits then stay as they are) or a root is not
    /// a mapping: the caller compares the two documents whole.
    static func appendICPChange(from old: GTMDocument, to new: GTMDocument, id: String,
                                to changes: inout [SemanticChange]) -> Bool {
        guard let x = old.root.mapping, let y = new.root.mapping else { return false }
        let comparison = ICPProfile(old).compare(to: ICPProfile(new))
        guard comparison.scope != .same else { return false }
        var edited: String?
        var others: [SemanticChange] = []
        compareEntries(x, y, at: .root, leaving: { isICPCriterion($0) }, left: { key in if edited == nil { edited = key } }) { kind, pointer, before, after in
            others.append(SemanticChange(kind: kind, documentKind: new.kind, document: id, path: new.path,
                                         pointer: pointer, old: before, new: after))
        }
        // Profiles that differ come from criteria that do; were none found, the whole
        // comparison says what happened.
        guard let edited else { return false }
        var folded = SemanticChange(kind: .changed, documentKind: new.kind, document: id, path: new.path,
                                    pointer: JSONPointer.root.appending(edited), old: nil, new: nil,
                                    classification: classification(of: comparison.scope))
        folded.meaning = comparison
        for i in others.indices { Classifier.classify(&others[i]) }
        changes.append(folded)
        changes.append(contentsOf: consume others)
        return true
    }

    /// The classification of an ICP's change.
    static func classification(of scope: Scope) -> Classification {
        switch scope {
        case .narrowed: .icpNarrowed
        case .broadened: .icpBroadened
        case .shifted: .icpShifted
        case .retargeted, .same: .icpRetargeted
        }
    }

    /// The parts of a segment that say which accounts it admits.
    /// (Compared as text rather than looked up in a set: every edit of every commit is asked.)
    static func isICPCriterion(_ key: String?) -> Bool {
        key == "firmographic" || key == "technographic" || key == "accounts"
    }

    struct DocumentKey: Hashable, Comparable {
        var kind: String
        var id: String
        static func < (a: DocumentKey, b: DocumentKey) -> Bool { (a.kind, a.id) < (b.kind, b.id) }
    }

    /// Documents sorted by kind and id, those `only` keeps (a history follows one or two among
    /// many), the first of each key; a document without an id is keyed by its path and
    /// position. Sorted pairs rather than a dictionary: a history matches the documents of
    /// thousands of versions, mostly a few each, and hashing their keys cost more than this.
    static func index(_ workspace: Workspace, only: ((DocumentKind, String) -> Bool)? = nil) -> [(key: DocumentKey, doc: GTMDocument)] {
        var result: [(key: DocumentKey, doc: GTMDocument)] = []
        for doc in workspace.documents {
            let id = doc.id ?? "\(doc.path)#\(doc.index)"
            if let only, !only(doc.kind, id) { continue }
            result.append((DocumentKey(kind: doc.kind.rawValue, id: id), doc))
        }
        guard result.count > 1 else { return result }
        // Stable, so that the first of a key stays first; then the others of that key go.
        let sorted = result.enumerated().sorted { ($0.element.key, $0.offset) < ($1.element.key, $1.offset) }.map(\.element)
        var unique: [(key: DocumentKey, doc: GTMDocument)] = []
        unique.reserveCapacity(sorted.count)
        for pair in sorted where unique.last?.key != pair.key { unique.append(pair) }
        return unique
    }

    /// The document with this key among sorted pairs (`index`), by halving.
    static func document(_ key: DocumentKey, in pairs: [(key: DocumentKey, doc: GTMDocument)]) -> GTMDocument? {
        let i = pairs.partitionPoint { $0.key < key }
        return i < pairs.count && pairs[i].key == key ? pairs[i].doc : nil
    }

    typealias Emit = (SemanticChange.Kind, JSONPointer, YAMLNode?, YAMLNode?) -> Void

    static func compare(_ a: YAMLNode, _ b: YAMLNode, at pointer: JSONPointer, emit: Emit) {
        // Collections first: a scalar's content is its text made into a string, which only a
        // change needs. Each view is made only when the one before it does not apply (each
        // holds the tree, counted once more).
        if let x = a.mapping, let y = b.mapping {
            compareEntries(x, y, at: pointer, emit: emit)
            return
        }
        if let x = a.sequence, let y = b.sequence {
            compareLists(x, y, at: pointer, emit: emit)
            return
        }
        if !NodeEquality.equal(a, b) { emit(.changed, pointer, a, b) }
    }

    /// Two mappings compared entry by entry, by key. The entries whose keys `leaving` takes are
    /// not compared here: `left` is told each such key whose value differs, or that one side
    /// alone has, in the order its changes would have come.
    static func compareEntries(_ x: YAMLEntries, _ y: YAMLEntries, at pointer: JSONPointer,
                               leaving: ((String) -> Bool)? = nil, left: (String) -> Void = { _ in }, emit: Emit) {
        // Two versions of a file mostly keep a mapping's keys in the same order: compared
        // pair by pair, no key is searched for or made into a string unless its value changed.
        if let aligned = alignedKeys(x, y) {
            // Values only: an entry would make its key's node too.
            for i in y.indices {
                // Most values are the same: told in place, without making their nodes. A
                // value told different in place is so for `NodeEquality` too (it asks the
                // same first), and is not compared whole again before its parts are.
                let same = x.sameValueInPlace(at: i, as: y)
                if same == true { continue }
                let before = x.value(at: i), after = y.value(at: i)
                if same == false || !NodeEquality.equal(before, after) {
                    let key = aligned[i]
                    if let leaving, leaving(key) { left(key) } else { compare(before, after, at: pointer.appending(key), emit: emit) }
                }
            }
            return
        }
        // Strategy mappings are small: a linear search beats building dictionaries.
        for entry in y {
            guard let key = entry.keyText else { continue }
            let isLeft = leaving?(key) ?? false
            if let i = x.index(ofKey: key) {
                let before = x[i]
                if !NodeEquality.equal(before.value, entry.value) {
                    if isLeft { left(key) } else { compare(before.value, entry.value, at: pointer.appending(key), emit: emit) }
                }
            } else if isLeft {
                left(key)
            } else {
                emit(.added, pointer.appending(key), nil, entry.value)
            }
        }
        for entry in x {
            guard let key = entry.keyText, y.index(ofKey: key) == nil else { continue }
            if leaving?(key) ?? false { left(key) } else { emit(.removed, pointer.appending(key), entry.value, nil) }
        }
    }

    /// When both mappings have the same string keys in the same order, a lazy list of those
    /// keys as text (made only for the entries whose values differ); nil otherwise.
    static func alignedKeys(_ x: YAMLEntries, _ y: YAMLEntries) -> LazyMapCollection<YAMLEntries, String>? {
        guard x.hasSameKeys(as: y) else { return nil }
        return y.lazy.map { $0.keyText ?? "" }
    }

    static func compareLists(_ x: YAMLNodes, _ y: YAMLNodes, at pointer: JSONPointer, emit: Emit) {
        if let keyName = identifyingKey(x, y) {
            let old = Dictionary(x.map { ($0[keyName]!.text!, $0) }, uniquingKeysWith: { f, _ in f })
            let newIDs = Set(y.map { $0[keyName]!.text! })
            for (i, item) in y.enumerated() {
                let id = item[keyName]!.text!
                if let before = old[id] {
                    compare(before, item, at: pointer.appending(i), emit: emit)
                } else {
                    emit(.added, pointer.appending(i), nil, item)
                }
            }
            for (i, item) in x.enumerated() where !newIDs.contains(item[keyName]!.text!) {
                emit(.removed, pointer.appending(i), item, nil)
            }
            return
        }
        // Items matched by meaning: equal ones first (so reordering is not a change), then
        // the same `id` or `name`, then the most similar text. A replaced item whose identity
        // is kept is one change, not a removal and an addition.
        var unmatchedOld = Array(x.indices), unmatchedNew: [Int] = []
        for (i, item) in y.enumerated() {
            if let k = unmatchedOld.firstIndex(where: { NodeEquality.equal(x[$0], item) }) {
                unmatchedOld.remove(at: k)
            } else {
                unmatchedNew.append(i)
            }
        }
        var pairs: [(Int, Int)] = []
        for key in ["id", "name"] {
            for i in unmatchedNew {
                guard let value = y[i][key]?.text, let k = unmatchedOld.firstIndex(where: { x[$0][key]?.text == value }) else { continue }
                pairs.append((unmatchedOld.remove(at: k), i))
            }
            unmatchedNew.removeAll { i in pairs.contains { $0.1 == i } }
        }
        for i in unmatchedNew {
            let text = ValueText.compact(y[i])
            let scored = unmatchedOld.map { ($0, Similarity.of(ValueText.compact(x[$0]), text)) }
            guard let best = scored.max(by: { $0.1 < $1.1 }), best.1 >= Similarity.threshold else { continue }
            unmatchedOld.removeAll { $0 == best.0 }
            pairs.append((best.0, i))
        }
        unmatchedNew.removeAll { i in pairs.contains { $0.1 == i } }
        for (old, new) in pairs.sorted(by: { $0.1 < $1.1 }) {
            compare(x[old], y[new], at: pointer.appending(new), emit: emit)
        }
        for i in unmatchedNew { emit(.added, pointer.appending(i), nil, y[i]) }
        for i in unmatchedOld { emit(.removed, pointer.appending(i), x[i], nil) }
    }

    /// `id` or `name`, when every item of both lists is a mapping with a unique scalar value there.
    static func identifyingKey(_ x: YAMLNodes, _ y: YAMLNodes) -> String? {
        guard !(x.isEmpty && y.isEmpty) else { return nil }
        for key in ["id", "name"] {
            func unique(_ list: YAMLNodes) -> Bool {
                let values = list.compactMap { $0[key]?.text }
                return values.count == list.count && Set(values).count == values.count
            }
            if unique(x), unique(y) { return key }
        }
        return nil
    }
}

/// How alike two texts are, from 0 to 1: the better of the share of words they have in common
/// and their edit distance against their length. Items at or above the threshold are one item
/// edited, not one removed and another added.
enum Similarity {
    static let threshold = 0.6

    static func of(_ a: String, _ b: String) -> Double {
        let x = a.lowercased(), y = b.lowercased()
        if x == y { return 1 }
        func words(_ s: String) -> Set<Substring> { Set(s.split { !$0.isLetter && !$0.isNumber }) }
        let wx = words(x), wy = words(y)
        let jaccard = wx.isEmpty && wy.isEmpty ? 0 : Double(wx.intersection(wy).count) / Double(wx.union(wy).count)
        let longest = max(x.unicodeScalars.count, y.unicodeScalars.count)
        // Edit distance is quadratic: long texts are compared by their words alone.
        let edits = longest > 400 ? 0 : 1 - Double(Suggestion.distance(x, y)) / Double(max(longest, 1))
        return max(jaccard, edits)
    }
}

/// Equality of meaning: positions, styles and key order do not matter.
public enum NodeEquality {
    public static func equal(_ a: YAMLNode, _ b: YAMLNode) -> Bool {
        if let same = a.sameValueInPlace(as: b) { return same }
        switch (a.content, b.content) {
        case (.scalar(let x), .scalar(let y)):
            switch (x.value, y.value) {
            case (.integer(let p), .float(let q)), (.float(let q), .integer(let p)):
                return Double(p) == YAMLScalarValue.double(q)
            case (.float(let p), .float(let q)):
                return YAMLScalarValue.double(p) == YAMLScalarValue.double(q)
            default:
                return x.value == y.value
            }
        case (.sequence(let x), .sequence(let y)):
            return x.count == y.count && zip(x, y).allSatisfy { equal($0, $1) }
        case (.mapping(let x), .mapping(let y)):
            guard x.count == y.count else { return false }
            // The same keys in the same order, compared pair by pair in place.
            if x.hasSameKeys(as: y) {
                return x.indices.allSatisfy { equal(x.value(at: $0), y.value(at: $0)) }
            }
            // Strategy mappings are small: a search in order beats building a dictionary,
            // which history replays would build for every node they compare.
            if y.count <= 16 {
                return x.allSatisfy { e in
                    guard let key = e.keyText, let i = y.index(ofKey: key) else { return false }
                    return equal(e.value, y[i].value)
                }
            }
            let other = Dictionary(y.compactMap { e in e.keyText.map { ($0, e.value) } }, uniquingKeysWith: { f, _ in f })
            return x.allSatisfy { e in e.keyText.flatMap { other[$0] }.map { equal(e.value, $0) } ?? false }
        default:
            return false
        }
    }
}
