import Foundation

/// What the desk's done-hash holds for one idempotency key: the command was started (with the
/// order ids it uses) or finished (with its result). Written as text: `started:12,13` or
/// `done:<result JSON>`.
public enum LedgerRecord: Sendable, Hashable {
    /// Marked before the bridge sent anything to the gateway.
    case started(orderIDs: [Int])
    /// Finished, with the result the bridge published.
    case finished(BusCommandResult)

    /// The value written to the done-hash.
    public var text: String {
        switch self {
        case let .started(orderIDs):
            return "started:" + orderIDs.map(String.init).joined(separator: ",")
        case let .finished(result):
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            // A result holds only strings and integers: the encoder cannot refuse it.
            let data = (try? encoder.encode(result)) ?? Data("{}".utf8)
            return "done:" + String(decoding: data, as: UTF8.self)
        }
    }

    /// Reads a done-hash value.
    ///
    /// - Throws: ``LedgerRecordError`` when the text is neither form.
    public init(text: String) throws(LedgerRecordError) {
        if text.hasPrefix("started:") {
            let list = text.dropFirst("started:".count)
            var ids: [Int] = []
            if !list.isEmpty {
                for part in list.split(separator: ",", omittingEmptySubsequences: false) {
                    guard let id = Int(part) else { throw .unreadable(String(text.prefix(64))) }
                    ids.append(id)
                }
            }
            self = .started(orderIDs: ids)
        } else if text.hasPrefix("done:") {
            do {
                self = .finished(try JSONDecoder().decode(BusCommandResult.self, from: Data(text.dropFirst("done:".count).utf8)))
            } catch {
                throw .unreadable(String(text.prefix(64)))
            }
        } else {
            throw .unreadable(String(text.prefix(64)))
        }
    }
}

/// A done-hash value that is neither a start mark nor a result.
public enum LedgerRecordError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The value (its first 64 characters).
    case unreadable(String)

    /// The problem in words.
    public var description: String {
        switch self {
        case let .unreadable(text): "the done-hash value '\(text)' is neither 'started:…' nor 'done:…'"
        }
    }
}
