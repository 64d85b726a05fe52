import GTMCore

/// A reference from one document to another by id, where it stands: the one place that knows
/// which fields name other documents, so every rule follows them the same way.
public struct Reference: Sendable {
    public enum Role: String, Sendable {
        case beachhead, nextSegment, excludedSegment, planStrategy, planSegment, planTarget
    }

    public var place: NodeRef
    public var role: Role
    /// The kind of document the id names.
    public var kind: DocumentKind
    public var id: String
}

extension Workspace {
    /// Every reference every document makes, in document order.
    public var references: [Reference] {
        documents.flatMap(references(in:))
    }

    /// The references one document makes.
    public func references(in doc: GTMDocument) -> [Reference] {
        var places: [(NodeRef, Reference.Role, DocumentKind)] = []
        switch doc.kind {
        case .strategy:
            places += Self.beachheadPlaces(doc).map { ($0, .beachhead, .segment) }
            places += doc[.nextSegments].items.map { ($0, .nextSegment, .segment) }
            places += doc.all(.exclusionSegment).map { ($0, .excludedSegment, .segment) }
        case .segment:
            break
        case .salesPlan, .marketingPlan, .productPlan, .successPlan:
            places.append((doc[.planStrategy(doc.kind)], .planStrategy, .strategy))
            places += doc[.planSegments(doc.kind)].items.map { ($0, .planSegment, .segment) }
            let items: [Field] = doc.kind == .salesPlan ? [.salesTargetSegment] : doc.kind == .marketingPlan ? [.campaignSegment] : []
            places += items.flatMap { doc.all($0) }.map { ($0, .planTarget, .segment) }
        }
        return places.compactMap { place, role, kind in
            place.string.map { Reference(place: place, role: role, kind: kind, id: $0) }
        }
    }

    /// The beachhead is one segment id or a list of them.
    static func beachheadPlaces(_ strategy: GTMDocument) -> [NodeRef] {
        let field = strategy[.beachhead]
        return field.node?.sequence != nil ? field.items : (field.exists ? [field] : [])
    }

    /// The segments the strategy enters first, each with its place and the Segment it names
    /// (nil when the id names none; GTM001 reports that).
    public var beachheads: [(ref: NodeRef, segment: GTMDocument?)] {
        guard let strategy else { return [] }
        return Self.beachheadPlaces(strategy).compactMap { ref in
            ref.string.map { (ref, document($0, kind: .segment)) }
        }
    }
}

extension Workspace {
    /// The segments the strategy excludes: each id with the first exclusion that names it.
    public var excludedSegments: [String: NodeRef] {
        guard let strategy else { return [:] }
        var excluded: [String: NodeRef] = [:]
        for reference in references(in: strategy) where reference.role == .excludedSegment && excluded[reference.id] == nil {
            excluded[reference.id] = reference.place
        }
        return excluded
    }

    /// The references of one role a document makes, in document order.
    public func references(in doc: GTMDocument, _ role: Reference.Role) -> [Reference] {
        references(in: doc).filter { $0.role == role }
    }
}
