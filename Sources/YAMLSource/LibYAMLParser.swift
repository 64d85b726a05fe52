internal import CYAML

/// One libyaml event, copied out into Swift values so that nothing of libyaml outlives the
/// parser that made it; only a scalar's text is lent, in place, until the next event is read
/// (the tree builder copies it into its buffer at once, without making a `String` of it).
enum YAMLEvent {
    case documentStart
    case documentEnd
    case alias(anchor: String)
    case scalar(text: UnsafeBufferPointer<UInt8>, anchor: String?, tag: String?, style: YAMLScalar.Style)
    case sequenceStart(anchor: String?, tag: String?)
    case sequenceEnd
    case mappingStart(anchor: String?, tag: String?)
    case mappingEnd
    case streamEnd
}

/// Owns one `yaml_parser_t` and frees it exactly once. It reads the caller's bytes in place:
/// the caller keeps them alive for the parser's lifetime (`YAMLLoader.load` does, by scope).
final class LibYAMLParser {
    private let parser: UnsafeMutablePointer<yaml_parser_t>
    /// The last event read, kept until the next one is read: a scalar's text is lent from it.
    private var current: UnsafeMutablePointer<yaml_event_t>?

    init(bytes: UnsafeBufferPointer<UInt8>) {
        parser = .allocate(capacity: 1)
        yaml_parser_initialize(parser)
        yaml_parser_set_input_string(parser, bytes.baseAddress, bytes.count)
    }

    deinit {
        if let current {
            yaml_event_delete(current)
            current.deallocate()
        }
        yaml_parser_delete(parser)
        parser.deallocate()
    }

    /// The next event with its start position, or a syntax problem with libyaml's own words.
    /// A scalar's text stays valid until the next call.
    func next() throws(YAMLProblem) -> (YAMLEvent, YAMLMark) {
        let slot: UnsafeMutablePointer<yaml_event_t>
        if let current {
            yaml_event_delete(current)
            slot = current
        } else {
            slot = .allocate(capacity: 1)
            current = slot
        }
        slot.initialize(to: yaml_event_t())
        guard yaml_parser_parse(parser, slot) == 1 else { throw syntaxProblem() }
        let event = slot.pointee
        let mark = YAMLMark(line: Int(event.start_mark.line) + 1, column: Int(event.start_mark.column) + 1)
        switch event.type {
        case YAML_DOCUMENT_START_EVENT: return (.documentStart, mark)
        case YAML_DOCUMENT_END_EVENT: return (.documentEnd, mark)
        case YAML_ALIAS_EVENT: return (.alias(anchor: string(event.data.alias.anchor) ?? ""), mark)
        case YAML_SCALAR_EVENT:
            let s = event.data.scalar
            let text = UnsafeBufferPointer(start: s.value, count: s.length)
            let style: YAMLScalar.Style = switch s.style {
            case YAML_SINGLE_QUOTED_SCALAR_STYLE: .singleQuoted
            case YAML_DOUBLE_QUOTED_SCALAR_STYLE: .doubleQuoted
            case YAML_LITERAL_SCALAR_STYLE: .literal
            case YAML_FOLDED_SCALAR_STYLE: .folded
            default: .plain
            }
            return (.scalar(text: text, anchor: string(s.anchor), tag: string(s.tag), style: style), mark)
        case YAML_SEQUENCE_START_EVENT:
            let s = event.data.sequence_start
            return (.sequenceStart(anchor: string(s.anchor), tag: string(s.tag)), mark)
        case YAML_SEQUENCE_END_EVENT: return (.sequenceEnd, mark)
        case YAML_MAPPING_START_EVENT:
            let m = event.data.mapping_start
            return (.mappingStart(anchor: string(m.anchor), tag: string(m.tag)), mark)
        case YAML_MAPPING_END_EVENT: return (.mappingEnd, mark)
        case YAML_STREAM_END_EVENT: return (.streamEnd, mark)
        default: return try next()  // stream start, no-ops
        }
    }

    /// The start and end of the next scalar, 0-based line and character column as libyaml
    /// counts them; nil at the end of the stream. Only `ScalarSpans` reads events this way.
    func nextScalarExtent() throws(YAMLProblem) -> (start: (line: Int, column: Int), end: (line: Int, column: Int))? {
        while true {
            var event = yaml_event_t()
            guard yaml_parser_parse(parser, &event) == 1 else { throw syntaxProblem() }
            defer { yaml_event_delete(&event) }
            switch event.type {
            case YAML_STREAM_END_EVENT: return nil
            case YAML_SCALAR_EVENT:
                return ((Int(event.start_mark.line), Int(event.start_mark.column)), (Int(event.end_mark.line), Int(event.end_mark.column)))
            default: continue
            }
        }
    }

    private func string(_ p: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        guard let p else { return nil }
        return String(cString: UnsafeRawPointer(p).assumingMemoryBound(to: CChar.self))
    }

    /// libyaml's error state, translated in this one place.
    private func syntaxProblem() -> YAMLProblem {
        let p = parser.pointee
        let problem = p.problem.map { String(cString: $0) } ?? "unknown YAML error"
        let mark = YAMLMark(line: Int(p.problem_mark.line) + 1, column: Int(p.problem_mark.column) + 1)
        var message = problem
        var related: YAMLMark?
        var relatedMessage: String?
        if let context = p.context.map({ String(cString: $0) }) {
            message += " " + context
            let contextMark = YAMLMark(line: Int(p.context_mark.line) + 1, column: Int(p.context_mark.column) + 1)
            if contextMark != mark {
                related = contextMark
                relatedMessage = "the construct started here"
            }
        }
        if p.error == YAML_READER_ERROR {
            return YAMLProblem(.encoding, message, at: mark)
        }
        return YAMLProblem(.syntax, message, at: mark, related: related, relatedMessage: relatedMessage)
    }
}
