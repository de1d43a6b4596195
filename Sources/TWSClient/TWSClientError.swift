import TWSSession

/// Why a ``IBClient`` call failed. The ``description`` is a plain sentence for the user.
public struct TWSClientError: Error, Sendable, CustomStringConvertible {
    /// The kind of failure.
    public enum Code: Hashable, Sendable {
        /// `connect` was called on a client that is already connecting or connected.
        case alreadyConnected
        /// The first connection could not be established.
        case connectFailed
        /// The call needs a usable connection and there is none right now.
        case notConnected
        /// The connection was lost while the request was outstanding.
        case connectionLost
        /// The gateway answered the request with an error (see ``notice``).
        case requestFailed
        /// The gateway did not answer in time.
        case timedOut
        /// The paper guard refused the order (see ``paperGuard``).
        case liveTradingRefused
        /// No order id may be issued now.
        case orderIDUnavailable
    }

    /// The kind of failure.
    public var code: Code
    /// A plain sentence describing it.
    public var message: String
    /// The gateway's error message, for ``Code/requestFailed``.
    public var notice: TWSNotice?
    /// The paper guard's refusal, for ``Code/liveTradingRefused``.
    public var paperGuard: PaperGuardError?

    /// Creates an error.
    public init(_ code: Code, _ message: String, notice: TWSNotice? = nil, paperGuard: PaperGuardError? = nil) {
        self.code = code
        self.message = message
        self.notice = notice
        self.paperGuard = paperGuard
    }

    /// The plain sentence.
    public var description: String { message }
}
