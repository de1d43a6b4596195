/// The state IB last reported for one data farm.
public enum FarmState: Hashable, Sendable {
    /// Connected (2104, 2106, 2158).
    case ok
    /// Disconnected; its streams pause (2103, 2105, 2157).
    case broken
    /// Idle, available on demand (2107, 2108). Not proof of health.
    case inactive
    /// Connecting (2119).
    case connecting
}
