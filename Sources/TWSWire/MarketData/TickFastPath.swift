import Vocabulary

/// Throw-free, allocation-free readers for the messages that stream by the thousand: TICK_PRICE
/// and TICK_SIZE. They accept only the plain shapes TWS sends (decimal digits, one point) and
/// return `nil` for anything else; the general reader then decodes the frame and reports any
/// error precisely. Both paths build the same value.
///
/// Each field is read by one tight loop over its digits (at most 15, so no overflow check),
/// and the field must end with its NUL right after the digits; an empty, signed, dotted or
/// otherwise unusual field ends the fast path.
enum TickFastPath {
    /// 10^(8 - fraction digits): the factor from a mantissa to ``Quantity`` units.
    private static let unitScale: [Int64] = [100_000_000, 10_000_000, 1_000_000, 100_000, 10_000, 1000, 100, 10, 1]
    private static let powers: [Double] = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15]

    /// Reads digits from `index` into `value` (which may already hold digits) and returns how
    /// many it read; stops at the first byte that is not a digit or at the end.
    @inline(__always)
    private static func digits(_ bytes: UnsafeBufferPointer<UInt8>, _ index: inout Int, into value: inout Int) -> Int {
        let start = index
        var i = index
        let count = bytes.count
        var v = value
        while i < count {
            let digit = bytes[i] &- UInt8(ascii: "0")
            if digit > 9 { break }
            v = v &* 10 &+ Int(digit)
            i += 1
        }
        index = i
        value = v
        return i - start
    }

    /// Whether the byte at `index` is the field's NUL; steps over it if so.
    @inline(__always)
    private static func endOfField(_ bytes: UnsafeBufferPointer<UInt8>, _ index: inout Int) -> Bool {
        guard index < bytes.count, bytes[index] == 0 else { return false }
        index += 1
        return true
    }

    /// A plain non-negative integer of 1 to 15 digits, then NUL.
    @inline(__always)
    private static func integer(_ bytes: UnsafeBufferPointer<UInt8>, _ index: inout Int) -> Int? {
        var value = 0
        let count = digits(bytes, &index, into: &value)
        guard count > 0, count <= 15, endOfField(bytes, &index) else { return nil }
        return value
    }

    /// `[-]digits[.digits]` (15 digits at most in all), then NUL: `(mantissa, fraction digits)`.
    /// An empty field is `(0, -1)`.
    @inline(__always)
    private static func decimal(_ bytes: UnsafeBufferPointer<UInt8>, _ index: inout Int) -> (mantissa: Int, fraction: Int)? {
        var i = index
        guard i < bytes.count else { return nil }
        if bytes[i] == 0 {
            index = i + 1
            return (0, -1)
        }
        let negative = bytes[i] == UInt8(ascii: "-")
        if negative { i += 1 }
        var mantissa = 0
        var total = digits(bytes, &i, into: &mantissa)
        var fraction = 0
        if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
            i += 1
            fraction = digits(bytes, &i, into: &mantissa)
            total += fraction
        }
        guard total > 0, total <= 15, endOfField(bytes, &i) else { return nil }
        index = i
        return (negative ? -mantissa : mantissa, fraction)
    }

    /// A price field: `.some(nil)` when empty, `nil` to take the general path.
    @inline(__always)
    private static func price(_ bytes: UnsafeBufferPointer<UInt8>, _ index: inout Int) -> Double?? {
        guard let n = decimal(bytes, &index) else { return nil }
        if n.fraction < 0 { return .some(nil) }
        let value = Double(n.mantissa)
        // Exact: the mantissa is below 2^53 and the power of ten is exact, so one division
        // gives the correctly rounded double, as the general reader's Clinger fast path does.
        return .some(n.fraction == 0 ? value : value / powers[n.fraction])
    }

    /// A size field: `.some(nil)` when empty, `nil` to take the general path.
    @inline(__always)
    private static func size(_ bytes: UnsafeBufferPointer<UInt8>, _ index: inout Int) -> FixedDecimal?? {
        guard let n = decimal(bytes, &index) else { return nil }
        if n.fraction < 0 { return .some(nil) }
        if n.fraction > FixedDecimal.fractionDigits || (n.fraction == 0 && n.mantissa == WireUnset.integer) { return nil }
        if n.mantissa.magnitude >= 90_000_000_000 { return nil }
        return .some(FixedDecimal(raw: Int64(n.mantissa) &* unitScale[n.fraction]))
    }

    /// TICK_PRICE after its message id, or `nil` to take the general path.
    static func tickPrice(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> TickPrice? {
        var i = start
        guard integer(bytes, &i) != nil,
              let reqId = integer(bytes, &i),
              let tickType = integer(bytes, &i),
              let price = price(bytes, &i),
              let size = size(bytes, &i),
              let mask = integer(bytes, &i),
              i == bytes.count
        else { return nil }
        return TickPrice(reqId: reqId, tickType: TickType(rawValue: tickType), price: price, size: size, attributes: TickAttributes(mask: mask))
    }

    /// TICK_SIZE after its message id, or `nil` to take the general path.
    static func tickSize(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> TickSize? {
        var i = start
        guard integer(bytes, &i) != nil,
              let reqId = integer(bytes, &i),
              let tickType = integer(bytes, &i),
              let size = size(bytes, &i),
              i == bytes.count
        else { return nil }
        return TickSize(reqId: reqId, tickType: TickType(rawValue: tickType), size: size)
    }
}
