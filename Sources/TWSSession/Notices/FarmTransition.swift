/// A change of one farm's state, as applied by ``FarmStatusTracker``.
public struct FarmTransition: Hashable, Sendable {
    /// The farm's kind.
    public var kind: FarmKind
    /// The farm's name (`usfarm`, `ushmds`, ...); empty when the notice text named none.
    public var farm: String
    /// The state before the notice; `nil` when the farm was not known yet.
    public var from: FarmState?
    /// The state the notice reported.
    public var to: FarmState
    /// Whether the farm reached ``FarmState/ok`` after having been broken since its last OK
    /// (2103, perhaps 2119, then 2104).
    public var isRecovery: Bool

    /// Creates a transition.
    public init(kind: FarmKind, farm: String, from: FarmState?, to: FarmState, isRecovery: Bool = false) {
        self.kind = kind
        self.farm = farm
        self.from = from
        self.to = to
        self.isRecovery = isRecovery
    }

    /// Whether a data farm (market data or HMDS) recovered from an outage: a blip after which
    /// every market-data subscription must be seen ticking again.
    public var isDataFarmRecovery: Bool {
        kind != .securityDefinition && isRecovery
    }
}
