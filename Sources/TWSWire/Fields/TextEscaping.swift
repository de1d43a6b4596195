/// TWS's escaping of non-ASCII text as `\uXXXX` (UTF-16 code units), used from server
/// version 153 for error texts and long names.
enum TextEscaping {
    /// Replaces every non-ASCII character with `\uXXXX` escapes.
    static func escape(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 >= 0x80 }) else { return text }
        var out = ""
        for unit in text.utf16 {
            if unit < 0x80 {
                out.unicodeScalars.append(Unicode.Scalar(UInt8(unit)))
            } else {
                out += "\\u" + hex4(unit)
            }
        }
        return out
    }

    /// Turns `\uXXXX` escapes back into characters; text without escapes is returned as is.
    static func unescape(_ text: String) -> String {
        guard text.contains("\\u") else { return text }
        var units: [UInt16] = []
        let scalars = Array(text.utf16)
        var index = 0
        while index < scalars.count {
            if scalars[index] == UInt16(UInt8(ascii: "\\")), index + 6 <= scalars.count,
               scalars[index + 1] == UInt16(UInt8(ascii: "u")),
               let value = parseHex(scalars[(index + 2)..<(index + 6)]) {
                units.append(value)
                index += 6
            } else {
                units.append(scalars[index])
                index += 1
            }
        }
        return String(decoding: units, as: UTF16.self)
    }

    private static func parseHex(_ units: ArraySlice<UInt16>) -> UInt16? {
        guard units.count == 4 else { return nil }
        var value: UInt16 = 0
        for unit in units {
            let digit: UInt16
            switch unit {
            case 48...57: digit = unit - 48
            case 65...70: digit = unit - 55
            case 97...102: digit = unit - 87
            default: return nil
            }
            value = value << 4 | digit
        }
        return value
    }

    private static func hex4(_ value: UInt16) -> String {
        let digits = Array("0123456789abcdef")
        return String([digits[Int(value >> 12)], digits[Int(value >> 8 & 0xF)], digits[Int(value >> 4 & 0xF)], digits[Int(value & 0xF)]])
    }
}
