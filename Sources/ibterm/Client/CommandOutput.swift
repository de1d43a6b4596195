#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Where `ibterm order` and `ibterm cancel` write: lines of text, or JSON objects.
struct CommandOutput: Sendable {
    /// JSON instead of text.
    let json: Bool

    /// Writes `text` (text mode only) and flushes, so a pipe sees it at once.
    func say(_ text: String) {
        guard !json else { return }
        Self.emit(text)
    }

    /// Writes `line` as one compact JSON object (JSON mode only) and flushes.
    func record<Line: Encodable>(_ line: Line) {
        guard json else { return }
        Self.emit(Self.compactJSON(line))
    }

    /// `value` as one line of key-sorted JSON.
    static func compactJSON<Value: Encodable>(_ value: Value) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(value) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }

    private static func emit(_ text: String) {
        print(text)
        fflush(nil)
    }
}
