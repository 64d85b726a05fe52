/// Numbers as a strategist reads them in a message or on a page.
public enum Figures {
    /// A whole number with thousands separators: 120000 → "120,000", -4500 → "-4,500".
    /// Built from the digits' bytes: a history's sentences group thousands of numbers.
    public static func grouped(_ whole: Int) -> String {
        withGroupedDigits(whole) { String(decoding: $0, as: UTF8.self) }
    }

    /// `body` over the bytes of `grouped(whole)`, written backwards into room on the stack
    /// (20 digits, 6 commas and a sign at most).
    static func withGroupedDigits<R>(_ whole: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 27) { room in
            var at = room.count
            var rest = whole.magnitude
            var digits = 0
            repeat {
                if digits > 0 && digits % 3 == 0 {
                    at -= 1
                    room[at] = UInt8(ascii: ",")
                }
                at -= 1
                room[at] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
                digits += 1
            } while rest > 0
            if whole < 0 {
                at -= 1
                room[at] = UInt8(ascii: "-")
            }
            return body(UnsafeBufferPointer(start: room.baseAddress! + at, count: room.count - at))
        }
    }
}
