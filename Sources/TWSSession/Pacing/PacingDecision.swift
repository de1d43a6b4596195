/// What a rate limiter says about one outgoing message.
public enum PacingDecision: Hashable, Sendable {
    /// Send the message now; the limiter has counted it.
    case sendNow
    /// Do not send yet; ask again at (or after) this instant. Nothing was counted.
    case wait(until: SessionInstant)
}
