/// Throw-free, allocation-free readers for the messages that stream by the thousand: TICK_PRICE
/// and TICK_SIZE. They accept only the plain shapes TWS sends (decimal digits, one point) and
/// return `nil` for anything else; the general reader then decodes the frame and reports any
/// error precisely. Both paths build the same value.
enum TickFastPath {
    /// 10^(8 - fraction digits): the factor from a mantissa to ``Quantity`` units.
    private static let unitScale: [Int64] = [100_000_000, 10_000_000, 1_000_000, 100_000, 10_000, 1000, 100, 10, 1]
    private static let powers: [Double] = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15]

    /// Reads a plain number up to its NUL: `(mantissa, fraction digits, empty)`.
    @inline(__always)
    private static func number(_ bytes: UnsafeBufferPointer<UInt8>, _ index: inout Int) -> (mantissa: Int, fraction: Int, empty: Bool)? {
        var i = index
        let count = bytes.count
        var negative = false
        if i < count && bytes[i] == UInt8(ascii: "-") {
            negative = true
            i += 1
        }
        var mantissa = 0
        var digits = 0
        var fraction = -1
        while i < count {
            let byte = bytes[i]
            if byte == 0 { break }
            if byte == UInt8(ascii: ".") {
                if fraction >= 0 { return nil }
                fraction = 0
            } else {
                let digit = Int(byte &- 48)
                if digit > 9 { return nil }
                mantissa = mantissa &* 10 &+ digit
                digits += 1
                if fraction >= 0 { fraction += 1 }
            }
            i += 1
        }
        if i >= count || digits > 15 { return nil }
        if digits == 0 && (negative || fraction >= 0) { return nil }
        index = i + 1
        return (negative ? -mantissa : mantissa, max(fraction, 0), digits == 0)
    }

    @inline(__always)
    private static func integer(_ bytes: UnsafeBufferPointer<UInt8>, _ index: inout Int) -> Int? {
        guard let n = number(bytes, &index), n.fraction == 0, !n.empty else { return nil }
        return n.mantissa
    }

    @inline(__always)
    private static func price(_ bytes: UnsafeBufferPointer<UInt8>, _ index: inout Int) -> Double?? {
        guard let n = number(bytes, &index) else { return nil }
        if n.empty { return .some(nil) }
        let value = Double(n.mantissa)
        return .some(n.fraction == 0 ? value : value / powers[n.fraction])
    }

    @inline(__always)
    private static func size(_ bytes: UnsafeBufferPointer<UInt8>, _ index: inout Int) -> Quantity?? {
        guard let n = number(bytes, &index) else { return nil }
        if n.empty { return .some(nil) }
        if n.fraction > Quantity.scale || (n.fraction == 0 && n.mantissa == WireUnset.integer) { return nil }
        if n.mantissa.magnitude >= 90_000_000_000 { return nil }
        return .some(Quantity(units: Int64(n.mantissa) &* unitScale[n.fraction]))
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
