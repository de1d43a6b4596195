import Foundation
import PaperExchange

/// A JSON encoder for the ledger's bodies that writes bytes as `encode(to:)` runs.
///
/// Foundation's `JSONEncoder` first builds a tree of boxed values and then serialises it; for
/// the small, flat-ish records the ledger writes on every fill (an order, an execution, the
/// account) that costs more than the SQLite transaction itself. This encoder supports what
/// synthesized `Codable` conformances and single-value encodings use (keyed, unkeyed and single
/// value containers, one per value) and writes the same JSON that `JSONDecoder` reads back into
/// an equal value. Anything else (nested containers by key, super encoders, a second container
/// on one encoder, non-finite numbers) makes it fall back to `JSONEncoder` for that value.
///
/// Instruments are reference data that every order, execution and position repeats; their
/// JSON is kept by conId and reused while the instrument is unchanged.
final class LedgerJSONEncoder {
    private let fallback = JSONEncoder()
    private let instruments = InstrumentJSONCache()

    /// The value as JSON text.
    func encode(_ value: some Encodable) throws -> String {
        let writer = JSONStreamWriter(instruments: instruments)
        try writer.encodeValue(value)
        if writer.unsupported {
            return String(decoding: try fallback.encode(value), as: UTF8.self)
        }
        return String(decoding: writer.bytes, as: UTF8.self)
    }
}

/// The byte buffer and the stack of open containers shared by every encoder of one value.
final class JSONStreamWriter {
    enum Container {
        case object
        case array
    }

    var bytes: [UInt8] = []
    let instruments: InstrumentJSONCache?
    /// Open containers and whether each still awaits its first element.
    var open: [(container: Container, first: Bool)] = []
    /// Set when the value used an encoding this writer does not support.
    var unsupported = false

    init(instruments: InstrumentJSONCache? = nil) {
        self.instruments = instruments
        bytes.reserveCapacity(512)
        open.reserveCapacity(8)
    }

    /// Encodes a nested value, closing whatever containers its `encode(to:)` opened.
    func encodeValue<T: Encodable>(_ value: T) throws {
        if T.self == Instrument.self, let instruments, let instrument = value as? Instrument {
            try instruments.append(instrument, to: self)
            return
        }
        let depth = open.count
        let start = bytes.count
        try value.encode(to: JSONStreamEncoder(writer: self, depth: depth))
        while open.count > depth { close() }
        if bytes.count == start { bytes.append(contentsOf: "{}".utf8) }
    }

    func openContainer(_ container: Container, depth: Int) -> Bool {
        guard open.count == depth else {
            unsupported = true
            return false
        }
        bytes.append(container == .object ? UInt8(ascii: "{") : UInt8(ascii: "["))
        open.append((container, true))
        return true
    }

    func close() {
        let last = open.removeLast()
        bytes.append(last.container == .object ? UInt8(ascii: "}") : UInt8(ascii: "]"))
    }

    /// Writes the separator before an element of the innermost container.
    func element() {
        if open[open.count - 1].first {
            open[open.count - 1].first = false
        } else {
            bytes.append(UInt8(ascii: ","))
        }
    }

    func key(_ key: some CodingKey) {
        element()
        string(key.stringValue)
        bytes.append(UInt8(ascii: ":"))
    }

    func string(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        var text = text
        let plain = text.withUTF8 { utf8 -> Bool in
            guard !utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) else { return false }
            bytes.append(contentsOf: utf8)
            return true
        }
        if !plain { escaped(text) }
        bytes.append(UInt8(ascii: "\""))
    }

    private func escaped(_ text: String) {
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): bytes.append(contentsOf: #"\""#.utf8)
            case UInt8(ascii: "\\"): bytes.append(contentsOf: #"\\"#.utf8)
            case UInt8(ascii: "\n"): bytes.append(contentsOf: #"\n"#.utf8)
            case UInt8(ascii: "\r"): bytes.append(contentsOf: #"\r"#.utf8)
            case UInt8(ascii: "\t"): bytes.append(contentsOf: #"\t"#.utf8)
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                bytes.append(contentsOf: #"\u00"#.utf8)
                bytes.append(hex[Int(byte >> 4)])
                bytes.append(hex[Int(byte & 0xF)])
            default: bytes.append(byte)
            }
        }
    }

    func integer(_ value: some BinaryInteger) {
        bytes.append(contentsOf: String(value).utf8)
    }

    func floating(_ value: some BinaryFloatingPoint & LosslessStringConvertible) {
        guard value.isFinite else {
            unsupported = true
            bytes.append(UInt8(ascii: "0"))
            return
        }
        bytes.append(contentsOf: value.description.utf8)
    }

    func bool(_ value: Bool) {
        bytes.append(contentsOf: (value ? "true" : "false").utf8)
    }

    func null() {
        bytes.append(contentsOf: "null".utf8)
    }
}

/// The `Encoder` handed to each nested value's `encode(to:)`.
struct JSONStreamEncoder: Encoder {
    let writer: JSONStreamWriter
    /// How many containers were open when this value started.
    let depth: Int

    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        _ = writer.openContainer(.object, depth: depth)
        return KeyedEncodingContainer(JSONStreamKeyedContainer<Key>(writer: writer))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        _ = writer.openContainer(.array, depth: depth)
        return JSONStreamUnkeyedContainer(writer: writer)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        JSONStreamSingleValueContainer(writer: writer)
    }
}

/// Writes `"key":value` pairs into the innermost object.
struct JSONStreamKeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let writer: JSONStreamWriter
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil(forKey key: Key) throws { writer.key(key); writer.null() }
    mutating func encode(_ value: Bool, forKey key: Key) throws { writer.key(key); writer.bool(value) }
    mutating func encode(_ value: String, forKey key: Key) throws { writer.key(key); writer.string(value) }
    mutating func encode(_ value: Double, forKey key: Key) throws { writer.key(key); writer.floating(value) }
    mutating func encode(_ value: Float, forKey key: Key) throws { writer.key(key); writer.floating(value) }
    mutating func encode(_ value: Int, forKey key: Key) throws { writer.key(key); writer.integer(value) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { writer.key(key); writer.integer(value) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { writer.key(key); writer.integer(value) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { writer.key(key); writer.integer(value) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { writer.key(key); writer.integer(value) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { writer.key(key); writer.integer(value) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { writer.key(key); writer.integer(value) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { writer.key(key); writer.integer(value) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { writer.key(key); writer.integer(value) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { writer.key(key); writer.integer(value) }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        writer.key(key)
        try writer.encodeValue(value)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type, forKey key: Key
    ) -> KeyedEncodingContainer<NestedKey> {
        writer.unsupported = true
        return KeyedEncodingContainer(JSONStreamKeyedContainer<NestedKey>(writer: writer))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        writer.unsupported = true
        return JSONStreamUnkeyedContainer(writer: writer)
    }

    mutating func superEncoder() -> any Encoder {
        writer.unsupported = true
        return JSONStreamEncoder(writer: writer, depth: writer.open.count)
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder { superEncoder() }
}

/// Writes comma-separated elements into the innermost array.
struct JSONStreamUnkeyedContainer: UnkeyedEncodingContainer {
    let writer: JSONStreamWriter
    var codingPath: [any CodingKey] { [] }
    private(set) var count = 0

    init(writer: JSONStreamWriter) { self.writer = writer }

    mutating func encodeNil() throws { next(); writer.null() }
    mutating func encode(_ value: Bool) throws { next(); writer.bool(value) }
    mutating func encode(_ value: String) throws { next(); writer.string(value) }
    mutating func encode(_ value: Double) throws { next(); writer.floating(value) }
    mutating func encode(_ value: Float) throws { next(); writer.floating(value) }
    mutating func encode(_ value: Int) throws { next(); writer.integer(value) }
    mutating func encode(_ value: Int64) throws { next(); writer.integer(value) }
    mutating func encode<T: Encodable>(_ value: T) throws {
        next()
        try writer.encodeValue(value)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        writer.unsupported = true
        return KeyedEncodingContainer(JSONStreamKeyedContainer<NestedKey>(writer: writer))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        writer.unsupported = true
        return JSONStreamUnkeyedContainer(writer: writer)
    }

    mutating func superEncoder() -> any Encoder {
        writer.unsupported = true
        return JSONStreamEncoder(writer: writer, depth: writer.open.count)
    }

    private mutating func next() {
        writer.element()
        count += 1
    }
}

/// Writes one value in place.
struct JSONStreamSingleValueContainer: SingleValueEncodingContainer {
    let writer: JSONStreamWriter
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil() throws { writer.null() }
    mutating func encode(_ value: Bool) throws { writer.bool(value) }
    mutating func encode(_ value: String) throws { writer.string(value) }
    mutating func encode(_ value: Double) throws { writer.floating(value) }
    mutating func encode(_ value: Float) throws { writer.floating(value) }
    mutating func encode(_ value: Int) throws { writer.integer(value) }
    mutating func encode(_ value: Int8) throws { writer.integer(value) }
    mutating func encode(_ value: Int16) throws { writer.integer(value) }
    mutating func encode(_ value: Int32) throws { writer.integer(value) }
    mutating func encode(_ value: Int64) throws { writer.integer(value) }
    mutating func encode(_ value: UInt) throws { writer.integer(value) }
    mutating func encode(_ value: UInt8) throws { writer.integer(value) }
    mutating func encode(_ value: UInt16) throws { writer.integer(value) }
    mutating func encode(_ value: UInt32) throws { writer.integer(value) }
    mutating func encode(_ value: UInt64) throws { writer.integer(value) }
    mutating func encode<T: Encodable>(_ value: T) throws { try writer.encodeValue(value) }
}

/// The JSON of instruments already written, by conId.
final class InstrumentJSONCache {
    private var entries: [Int: (instrument: Instrument, json: [UInt8])] = [:]

    /// Appends the instrument's JSON to `writer`, encoding it only when it is new or changed.
    func append(_ instrument: Instrument, to writer: JSONStreamWriter) throws {
        if let entry = entries[instrument.conId], entry.instrument == instrument {
            writer.bytes.append(contentsOf: entry.json)
            return
        }
        let own = JSONStreamWriter()
        try own.encodeValue(instrument)
        if own.unsupported {
            writer.unsupported = true
            return
        }
        if entries.count >= 4096 { entries.removeAll(keepingCapacity: true) }
        entries[instrument.conId] = (instrument, own.bytes)
        writer.bytes.append(contentsOf: own.bytes)
    }
}
