/// Where an order is in its life, in IB's words: `orderStatus.status` and `orderState.status`.
///
/// One definition for the client, the paper exchange and the dashboard. A word IB adds later
/// is kept as sent in ``other(_:)``; it is neither working nor final, so nothing takes an order
/// for finished (or for trading) on a word it does not know.
///
/// | | IB's words |
/// |---|---|
/// | working (``isWorking``) | `ApiPending`, `PendingSubmit`, `PreSubmitted`, `Submitted`, `PendingCancel` |
/// | final (``isFinal``) | `ApiCancelled`, `Cancelled`, `Filled`, `Inactive` |
///
/// Its text form is IB's spelling (``ibText``, also its `Codable` form: a single string), so
/// `OrderStatus(ibText: status.ibText) == status` for every value.
public enum OrderStatus: Sendable, Hashable, CustomStringConvertible {
    /// IB: `ApiPending`: accepted by the API, not yet by TWS.
    case apiPending
    /// IB: `PendingSubmit`: sent, not yet acknowledged by the destination.
    case pendingSubmit
    /// IB: `PreSubmitted`: accepted, held (a simulated order, a stop waiting for its trigger,
    /// outside hours).
    case preSubmitted
    /// IB: `Submitted`: working at the destination.
    case submitted
    /// IB: `PendingCancel`: a cancel was sent and is not yet confirmed.
    case pendingCancel
    /// IB: `ApiCancelled`: cancelled before TWS acknowledged it.
    case apiCancelled
    /// IB: `Cancelled` (by request, global cancel or DAY expiry).
    case cancelled
    /// IB: `Filled`: completely filled.
    case filled
    /// IB: `Inactive`: rejected, or not working (see the message that came with it).
    case inactive
    /// A word this vocabulary does not know, exactly as IB sent it.
    case other(String)

    /// Every status IB defines (without ``other(_:)``).
    public static let known: [OrderStatus] = [
        .apiPending, .pendingSubmit, .preSubmitted, .submitted, .pendingCancel,
        .apiCancelled, .cancelled, .filled, .inactive,
    ]

    /// Reads IB's word, ignoring case (`Submitted`, `presubmitted`); any other word is
    /// ``other(_:)``, kept as sent.
    public init(ibText: String) {
        switch ibText {
        case "ApiPending": self = .apiPending
        case "PendingSubmit": self = .pendingSubmit
        case "PreSubmitted": self = .preSubmitted
        case "Submitted": self = .submitted
        case "PendingCancel": self = .pendingCancel
        case "ApiCancelled": self = .apiCancelled
        case "Cancelled": self = .cancelled
        case "Filled": self = .filled
        case "Inactive": self = .inactive
        default:
            let lowered = ibText.lowercased()
            self = Self.known.first { $0.ibText.lowercased() == lowered } ?? .other(ibText)
        }
    }

    /// IB's spelling (`PreSubmitted`); for ``other(_:)`` the word as IB sent it.
    public var ibText: String {
        switch self {
        case .apiPending: "ApiPending"
        case .pendingSubmit: "PendingSubmit"
        case .preSubmitted: "PreSubmitted"
        case .submitted: "Submitted"
        case .pendingCancel: "PendingCancel"
        case .apiCancelled: "ApiCancelled"
        case .cancelled: "Cancelled"
        case .filled: "Filled"
        case .inactive: "Inactive"
        case let .other(text): text
        }
    }

    /// IB's spelling, as ``ibText``.
    public var description: String { ibText }

    /// Whether the order may still trade, and so can be cancelled.
    public var isWorking: Bool {
        switch self {
        case .apiPending, .pendingSubmit, .preSubmitted, .submitted, .pendingCancel: true
        case .apiCancelled, .cancelled, .filled, .inactive, .other: false
        }
    }

    /// Whether the order is finished and will not change again.
    public var isFinal: Bool {
        switch self {
        case .apiCancelled, .cancelled, .filled, .inactive: true
        case .apiPending, .pendingSubmit, .preSubmitted, .submitted, .pendingCancel, .other: false
        }
    }
}

extension OrderStatus: Codable {
    /// Reads IB's word from a single string.
    public init(from decoder: any Decoder) throws {
        self.init(ibText: try decoder.singleValueContainer().decode(String.self))
    }

    /// Writes IB's spelling as a single string.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(ibText)
    }
}
