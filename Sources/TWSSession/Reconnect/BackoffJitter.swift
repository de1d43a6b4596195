/// How ``ReconnectPolicy`` randomises each delay (AWS Architecture Blog, "Exponential Backoff
/// and Jitter").
public enum BackoffJitter: Hashable, Sendable {
    /// `random(0 ... min(cap, initial * multiplier^(attempt - 1)))`.
    case full
    /// `min(cap, random(initial ... previous * 3))`, where `previous` starts at `initial`.
    case decorrelated
    /// `min(cap, initial * multiplier^(attempt - 1))` with no randomness (tests, diagnostics).
    case none
}
