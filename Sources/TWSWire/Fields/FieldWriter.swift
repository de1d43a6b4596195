import Vocabulary

/// Writes NUL-terminated fields into a frame, in order.
///
/// The writer reserves the 4-byte length prefix up front and fills it in ``finishFrame()``, so a
/// whole frame is built in one buffer.
public struct FieldWriter {
    /// The frame being built: length prefix, then the fields so far.
    public private(set) var bytes: [UInt8]
    /// How numbers are spelled.
    public let style: WireStyle
    private let frameStart: Int

    /// Starts a frame at the end of `buffer`.
    public init(style: WireStyle, appendingTo buffer: [UInt8] = [], reserving capacity: Int = 64) {
        self.style = style
        var bytes = buffer
        bytes.reserveCapacity(buffer.count + capacity)
        self.frameStart = bytes.count
        bytes.append(contentsOf: [0, 0, 0, 0])
        self.bytes = bytes
    }

    /// Continues writing fields at the end of `buffer`, outside any frame (for fields a frame
    /// takes whole later, see ``rawFields(_:)``); ``finishFrame()`` must not be called on it.
    init(style: WireStyle, continuingFields buffer: [UInt8]) {
        self.style = style
        self.frameStart = -1
        self.bytes = buffer
    }

    /// Appends fields written elsewhere, NUL terminators included.
    mutating func rawFields(_ fields: [UInt8]) {
        bytes.append(contentsOf: fields)
    }

    /// Writes the length prefix and returns the buffer holding the finished frame.
    public mutating func finishFrame() -> [UInt8] {
        precondition(frameStart >= 0, "finishFrame() on a writer of loose fields")
        let length = UInt32(bytes.count - frameStart - 4)
        bytes[frameStart] = UInt8(truncatingIfNeeded: length >> 24)
        bytes[frameStart + 1] = UInt8(truncatingIfNeeded: length >> 16)
        bytes[frameStart + 2] = UInt8(truncatingIfNeeded: length >> 8)
        bytes[frameStart + 3] = UInt8(truncatingIfNeeded: length)
        return bytes
    }

    // MARK: Fields

    /// Writes text. NUL bytes cannot travel inside a field and are dropped.
    public mutating func string(_ value: String) {
        var value = value
        value.withUTF8 { utf8 in
            for byte in utf8 where byte != 0 { bytes.append(byte) }
        }
        bytes.append(0)
    }

    /// Writes text with non-ASCII characters escaped as `\uXXXX`, as TWS does (sv >= 153).
    public mutating func escapedString(_ value: String) {
        string(TextEscaping.escape(value))
    }

    /// Writes an integer.
    public mutating func int(_ value: Int) {
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        DecimalText.appendDigits(UInt64(value.magnitude), to: &bytes)
        bytes.append(0)
    }

    /// Writes an integer, or the chosen spelling of "no value".
    public mutating func int(_ value: Int?, unset: WireUnset.Spelling) {
        if let value { int(value) } else if unset == .sentinel { int(WireUnset.integer) } else { empty() }
    }

    /// Writes `1` or `0`.
    public mutating func bool(_ value: Bool) {
        bytes.append(value ? UInt8(ascii: "1") : UInt8(ascii: "0"))
        bytes.append(0)
    }

    /// Writes an empty field.
    public mutating func empty() {
        bytes.append(0)
    }

    /// Writes a number in the writer's style.
    public mutating func double(_ value: Double) {
        appendDouble(value)
        bytes.append(0)
    }

    /// Writes a number, or the chosen spelling of "no value".
    public mutating func double(_ value: Double?, unset: WireUnset.Spelling) {
        if let value {
            double(value)
        } else if unset == .sentinel {
            switch style {
            case .client: bytes.append(contentsOf: "1.7976931348623157e+308".utf8)
            case .server: bytes.append(contentsOf: "1.7976931348623157E308".utf8)
            }
            bytes.append(0)
        } else {
            empty()
        }
    }

    /// Writes a decimal quantity in its shortest form; `nil` as an empty field.
    public mutating func quantity(_ value: FixedDecimal?) {
        value?.appendText(to: &bytes)
        bytes.append(0)
    }

    // MARK: Formatting

    private mutating func appendDouble(_ value: Double) {
        if value.isInfinite {
            bytes.append(contentsOf: (value < 0 ? "-Infinity" : "Infinity").utf8)
            return
        }
        if style == .server, value == value.rounded(), abs(value) < 1e15 {
            let whole = Int(value)
            if whole == 0 && value.sign == .minus { bytes.append(UInt8(ascii: "0")); return }
            if whole < 0 { bytes.append(UInt8(ascii: "-")) }
            DecimalText.appendDigits(UInt64(whole.magnitude), to: &bytes)
            return
        }
        // Swift prints the shortest text that reads back exactly, as Python's repr does.
        bytes.append(contentsOf: value.description.utf8)
    }
}

extension FieldWriter {
    /// Writes a number that IB's clients keep as an integer until a fraction is set
    /// (e.g. `discretionaryAmt`): whole values without a decimal point.
    mutating func wholeOrDouble(_ value: Double) {
        if value == value.rounded(), abs(value) < 1e15 {
            int(Int(value))
        } else {
            double(value)
        }
    }
}
