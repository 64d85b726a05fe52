internal import CPCRE2

/// A compiled PCRE2 pattern, freed exactly once.
///
/// `@unchecked Sendable`: PCRE2 never writes to a compiled pattern while matching, so any
/// number of threads may match against one at the same time (pcre2api, "Multithreading"). The
/// JIT compilation, which does write to it, happens in `init`, before the pattern is shared.
final class PCRE2Code: @unchecked Sendable {
    private let pointer: OpaquePointer

    /// PCRE2's refusal: its error number and its own words.
    struct CompileError: Error {
        var code: Int32
        var message: String
    }

    init(pattern: String, options: UInt32, context: PCRE2CompileContext, jit: Bool) throws(CompileError) {
        var error: Int32 = 0
        var offset = 0
        let compiled = pattern.withCString { text in
            text.withMemoryRebound(to: UInt8.self, capacity: pattern.utf8.count + 1) { bytes in
                pcre2_compile_8(bytes, pattern.utf8.count, options, &error, &offset, context.pointer)
            }
        }
        guard let compiled else { throw CompileError(code: error, message: Self.message(error)) }
        pointer = compiled
        // Without JIT support (a platform PCRE2 has no JIT for) the interpreter runs instead.
        if jit { _ = pcre2_jit_compile_8(pointer, PCRE2_JIT_COMPLETE) }
    }

    deinit {
        pcre2_code_free_8(pointer)
    }

    /// One search of `length` bytes of UTF-8 at `subject`: PCRE2's result, a count of
    /// captured pairs when it matched, `PCRE2_ERROR_NOMATCH` or another error.
    func match(_ subject: UnsafePointer<UInt8>, _ length: Int, options: UInt32, data: PCRE2MatchData, context: PCRE2MatchContext) -> Int32 {
        pcre2_match_8(pointer, subject, length, 0, options, data.pointer, context.pointer)
    }

    /// PCRE2's message for an error number; the one place that asks for it.
    static func message(_ code: Int32) -> String {
        var buffer = [UInt8](repeating: 0, count: 256)
        let count = pcre2_get_error_message_8(code, &buffer, buffer.count)
        return count < 0 ? "PCRE2 error \(code)" : String(decoding: buffer.prefix(Int(count)), as: UTF8.self)
    }
}

/// The options every compilation shares, freed exactly once.
///
/// `@unchecked Sendable`: PCRE2 only reads a compile context while compiling; it is set up in
/// `init` and never changed after.
final class PCRE2CompileContext: @unchecked Sendable {
    let pointer: OpaquePointer

    init(extraOptions: UInt32) {
        guard let context = pcre2_compile_context_create_8(nil) else { fatalError("PCRE2 could not allocate a compile context") }
        pointer = context
        pcre2_set_compile_extra_options_8(pointer, extraOptions)
    }

    deinit {
        pcre2_compile_context_free_8(pointer)
    }
}

/// The limits of one match, freed exactly once: how many times PCRE2 may step (its match
/// limit, which counts backtracking), how deep it may nest, and how much heap it may take.
///
/// `@unchecked Sendable`: PCRE2 only reads a match context while matching; it is set up in
/// `init` and never changed after, so threads may share one.
final class PCRE2MatchContext: @unchecked Sendable {
    let pointer: OpaquePointer

    init(steps: Int, heapKibibytes: Int) {
        guard let context = pcre2_match_context_create_8(nil) else { fatalError("PCRE2 could not allocate a match context") }
        pointer = context
        let steps = UInt32(clamping: steps)
        pcre2_set_match_limit_8(pointer, steps)
        // Each level of depth is at least one step: the same number keeps PCRE2's own default
        // (ten million) from ever being the bound.
        pcre2_set_depth_limit_8(pointer, steps)
        pcre2_set_heap_limit_8(pointer, UInt32(clamping: heapKibibytes))
    }

    deinit {
        pcre2_match_context_free_8(pointer)
    }
}

/// Where one match writes its result, freed exactly once. Not Sendable: PCRE2 writes to it
/// during the match, so each match has its own, made and freed around it: a short string's
/// whole validation against a pattern, this allocation included, takes 0.3 µs
/// (`make bench-micro`), and no state is kept per thread.
final class PCRE2MatchData {
    let pointer: OpaquePointer

    init() {
        // One pair of offsets: the verdict is all JSON Schema asks, not the captures.
        guard let data = pcre2_match_data_create_8(1, nil) else { fatalError("PCRE2 could not allocate match data") }
        pointer = data
    }

    deinit {
        pcre2_match_data_free_8(pointer)
    }
}
