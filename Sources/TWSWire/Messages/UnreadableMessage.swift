/// A known server message whose fields could not be decoded: what it was, what it was about
/// (as far as its leading fields say), why it failed, and its raw fields.
///
/// It is what a client skips instead of dropping the connection. Memory stays bounded whatever
/// the peer sent: at most ``fieldLimit`` fields are kept, each cut to ``fieldLengthLimit``
/// bytes; ``fieldCount`` says how many there were.
public struct UnreadableMessage: Hashable, Sendable, CustomStringConvertible {
    /// The most fields kept in ``fields``.
    public static let fieldLimit = 40
    /// The most bytes kept of each field.
    public static let fieldLengthLimit = 64

    /// The message id (field 0).
    public var messageID: Int
    /// IB's name for the message, e.g. `TICK_PRICE`; `message <id>` for an id this codec
    /// does not know.
    public var messageName: String
    /// The part of the protocol the message belongs to.
    public var area: ServerMessageArea
    /// The request, ticker or order the message is about, when its leading fields say.
    public var subject: MessageSubject
    /// Why it could not be decoded.
    public var error: WireDecodingError
    /// The frame's fields as text, message id first (at most ``fieldLimit``, each at most
    /// ``fieldLengthLimit`` bytes).
    public var fields: [String]
    /// The number of fields in the frame.
    public var fieldCount: Int

    /// Creates a report.
    public init(
        messageID: Int, messageName: String, area: ServerMessageArea, subject: MessageSubject,
        error: WireDecodingError, fields: [String], fieldCount: Int
    ) {
        self.messageID = messageID
        self.messageName = messageName
        self.area = area
        self.subject = subject
        self.error = error
        self.fields = fields
        self.fieldCount = fieldCount
    }

    /// Describes the frame `payload` (NUL-terminated fields, message id first) that failed
    /// with `error`.
    public init(payload: UnsafeBufferPointer<UInt8>, serverVersion: Int, error: WireDecodingError) {
        var fields: [String] = []
        var numbers: [Int?] = []
        var count = 0
        var start = 0
        for index in payload.indices where payload[index] == 0 {
            let field = UnsafeBufferPointer(rebasing: payload[start..<index])
            if count < Self.fieldLimit {
                fields.append(String(decoding: field.prefix(Self.fieldLengthLimit), as: UTF8.self))
            }
            if count < 4 { numbers.append(field.isEmpty ? nil : FieldReader.parseInt(field)) }
            count += 1
            start = index + 1
        }
        if start < payload.count {
            // A last field without its terminator.
            if count < Self.fieldLimit {
                fields.append(String(decoding: payload[start...].prefix(Self.fieldLengthLimit), as: UTF8.self))
            }
            count += 1
        }
        let id = (numbers.first ?? nil) ?? -1
        let entry = ServerMessageDirectory.entry(id: id, serverVersion: serverVersion)
        var subject = MessageSubject.none
        if let entry, let index = entry.subjectIndex, let kind = entry.subjectKind, index < numbers.count, let value = numbers[index] {
            switch kind {
            case .request: subject = .request(value)
            case .order: subject = .order(value)
            case .noticeTarget: subject = .noticeTarget(value)
            }
        }
        self.init(
            messageID: id, messageName: entry?.name ?? "message \(id)", area: entry?.area ?? .session,
            subject: subject, error: error, fields: fields, fieldCount: count
        )
    }

    /// `TICK_PRICE (1) for request 7: TICK_PRICE field 6 'attrMask' "" is missing (the payload ended)`
    public var description: String {
        let about: String
        switch subject {
        case let .request(id): about = " for request \(id)"
        case let .order(id): about = " for order \(id)"
        case let .noticeTarget(id): about = id >= 0 ? " about id \(id)" : ""
        case .none: about = ""
        }
        return "\(messageName) (\(messageID))\(about): \(error)"
    }

    /// The raw fields joined with `|`, with `…` when some were left out.
    public var rawText: String {
        fields.joined(separator: "|") + (fieldCount > fields.count ? "|… (\(fieldCount) fields)" : "")
    }
}
