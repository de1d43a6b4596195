/// An order reply message: the gateway asks a question about an order instead of placing it.
/// The order waits until `POST /iserver/reply/{id}` with `{"confirmed":true}` answers it; the
/// answer is then the next question or the order's acknowledgement.
///
/// Shape (https://www.interactivebrokers.com/campus/ibkr-api-page/webapi-doc/#order-reply-messages):
/// `{"id":"07a13a5a-4a48-44a5-bb25-5ab37b79186c","message":["The following order \"BUY 100 AAPL
/// NASDAQ.NMS @ 165.0\" price exceeds \nthe Percentage constraint of 3%.\nAre you sure you want to
/// submit this order?"],"isSuppressed":false,"messageIds":["o163"]}`.
public struct OrderReplyQuestion: Codable, Sendable, Equatable {
    /// The reply id, for `/iserver/reply/{id}`.
    public var id: String
    /// The question's text, one or more lines.
    public var message: [String]
    /// Internal to IB, always false.
    public var isSuppressed: Bool
    /// The kinds of question (`o163`), for `/iserver/questions/suppress`.
    public var messageIds: [String]

    /// A question.
    public init(id: String, message: [String], isSuppressed: Bool = false, messageIds: [String]) {
        self.id = id
        self.message = message
        self.isSuppressed = isSuppressed
        self.messageIds = messageIds
    }
}

/// The order's acknowledgement: `{"order_id":"987654","order_status":"Submitted","encrypt_message":"1"}`
/// (same source). `order_id` is a string here.
public struct OrderAcknowledgement: Codable, Sendable, Equatable {
    /// The order's id.
    public var order_id: String
    /// Its status on placement (`Submitted`, `PreSubmitted`, `Filled`, …).
    public var order_status: String
    /// Internal to IB (`"1"`).
    public var encrypt_message: String?

    /// An acknowledgement.
    public init(order_id: String, order_status: String, encrypt_message: String? = "1") {
        self.order_id = order_id
        self.order_status = order_status
        self.encrypt_message = encrypt_message
    }
}

/// The body of `POST /iserver/reply/{id}`: `{"confirmed":true}` to go on, false to drop the order.
public struct ReplyConfirmation: Codable, Sendable, Equatable {
    /// Whether the question is answered yes.
    public var confirmed: Bool

    /// An answer.
    public init(confirmed: Bool) { self.confirmed = confirmed }
}

/// One element of the answer to an order or a reply: a question or an acknowledgement. The
/// answer is a JSON array of these.
public enum OrderSubmissionAnswer: Codable, Sendable, Equatable {
    /// The gateway asks before placing.
    case question(OrderReplyQuestion)
    /// The order is placed.
    case acknowledged(OrderAcknowledgement)

    /// Reads an acknowledgement when `order_id` is there, else a question.
    public init(from decoder: any Decoder) throws {
        if let acknowledgement = try? OrderAcknowledgement(from: decoder) {
            self = .acknowledged(acknowledgement)
        } else {
            self = .question(try OrderReplyQuestion(from: decoder))
        }
    }

    /// Writes the element's own object.
    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .question(let question): try question.encode(to: encoder)
        case .acknowledged(let acknowledgement): try acknowledgement.encode(to: encoder)
        }
    }
}

/// The answer of `DELETE /iserver/account/{accountId}/order/{orderId}`: the request was received
/// (not that the order is cancelled). Shape (same source):
/// `{"msg":"Request was submitted","order_id":987654,"conid":265598,"account":"DU123456"}`.
public struct PortalCancelAnswer: Codable, Sendable, Equatable {
    /// `Request was submitted`.
    public var msg: String
    /// The order's id, a number here.
    public var order_id: Int
    /// The order's contract.
    public var conid: Int
    /// The account.
    public var account: String

    /// A cancel answer.
    public init(msg: String = "Request was submitted", order_id: Int, conid: Int, account: String) {
        self.msg = msg
        self.order_id = order_id
        self.conid = conid
        self.account = account
    }
}
