import RedisLink

/// Reads the replies of Redis's stream commands into ``BusBatch``es: `XRANGE`/`XREVRANGE`
/// (``batch(fromRange:)``), `XREAD`/`XREADGROUP` (``batches(fromRead:)``) and `XAUTOCLAIM`
/// (``claim(fromAutoClaim:)``).
///
/// An entry that does not read (garbage fields, an unknown version or kind, a deleted entry)
/// becomes a failure of its batch with its id; the other entries still decode. Only a reply
/// of the wrong shape as a whole (an error, not an array) throws ``BusReplyError``.
public enum BusReply {
    /// The entries of an `XRANGE` reply: an array of `[id, [field, value, …]]`.
    public static func batch(fromRange reply: RedisReply, stream: String = "") throws(BusReplyError) -> BusBatch {
        switch reply {
        case .null: return BusBatch(stream: stream)
        case let .error(text): throw .server(text)
        case let .array(entries): return decodeEntries(entries, stream: stream)
        default: throw .unexpectedShape("a range reply should be an array of entries, not \(describe(reply))")
        }
    }

    /// The batches of an `XREAD` or `XREADGROUP` reply: `[[stream, [entries…]], …]`, or nil
    /// (a blocking read that timed out: no batches).
    public static func batches(fromRead reply: RedisReply) throws(BusReplyError) -> [BusBatch] {
        switch reply {
        case .null: return []
        case let .error(text): throw .server(text)
        case let .array(streams):
            var result: [BusBatch] = []
            for stream in streams {
                guard let pair = stream.elements, pair.count == 2, let name = pair[0].text else {
                    throw .unexpectedShape("a read reply's stream should be [name, entries], not \(describe(stream))")
                }
                result.append(try batch(fromRange: pair[1], stream: name))
            }
            return result
        default:
            throw .unexpectedShape("a read reply should be an array of streams, not \(describe(reply))")
        }
    }

    /// An `XAUTOCLAIM` reply: the cursor to continue from (`0-0` when the scan is over), the
    /// claimed entries, and (Redis 7) the ids of pending entries that no longer exist.
    public static func claim(fromAutoClaim reply: RedisReply, stream: String = "") throws(BusReplyError) -> (next: String, batch: BusBatch, deletedIDs: [String]) {
        if let text = reply.errorText { throw .server(text) }
        guard let parts = reply.elements, parts.count >= 2, let next = parts[0].text else {
            throw .unexpectedShape("an autoclaim reply should be [cursor, entries, deleted], not \(describe(reply))")
        }
        let batch = try batch(fromRange: parts[1], stream: stream)
        let deleted = parts.count > 2 ? (parts[2].elements ?? []).compactMap(\.text) : []
        return (next, batch, deleted)
    }

    static func decodeEntries(_ entries: [RedisReply], stream: String) -> BusBatch {
        var batch = BusBatch(stream: stream)
        for entry in entries {
            guard let pair = entry.elements, pair.count == 2, let id = pair[0].text else {
                let id = entry.elements?.first?.text
                batch.failures.append((id, .malformedEntry("expected [id, fields], got \(describe(entry))")))
                if let id { batch.lastID = id }
                continue
            }
            batch.lastID = id
            if case .null = pair[1] {
                batch.failures.append((id, .deleted))
                continue
            }
            guard let values = pair[1].elements else {
                batch.failures.append((id, .malformedEntry("the fields are \(describe(pair[1])), not an array")))
                continue
            }
            var fields: [String] = []
            fields.reserveCapacity(values.count)
            for value in values {
                guard let text = value.text else { break }
                fields.append(text)
            }
            guard fields.count == values.count else {
                batch.failures.append((id, .malformedEntry("a field is not text")))
                continue
            }
            do {
                batch.entries.append((id, try BusEntry(fields: fields)))
                batch.stamps.append(BusStamp(fields: fields))
            } catch {
                batch.failures.append((id, error))
            }
        }
        return batch
    }

    /// A reply in a few words, for an error message (never the whole payload).
    static func describe(_ reply: RedisReply) -> String {
        switch reply {
        case let .string(text): "the string '\(text.prefix(32))'"
        case let .status(text): "the status '\(text.prefix(32))'"
        case let .error(text): "the error '\(text.prefix(64))'"
        case let .integer(value): "the integer \(value)"
        case let .array(elements): "an array of \(elements.count)"
        case .null: "nil"
        }
    }
}
