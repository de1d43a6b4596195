/// Keeps the state of every IB data farm from the farm-status notices (ERR_MSG with id -1),
/// each read by ``FarmNotice`` (kind and state from the code, the farm's name from the text).
public struct FarmStatusTracker: Hashable, Sendable {
    /// The farms' states, keyed by kind and name.
    public private(set) var farms: [FarmID: FarmState] = [:]
    /// Farms reported broken and not reported OK since.
    private var interrupted: Set<FarmID> = []

    /// One farm's identity.
    public struct FarmID: Hashable, Sendable {
        /// The farm's kind.
        public var kind: FarmKind
        /// The farm's name.
        public var name: String

        /// Creates a farm identity.
        public init(kind: FarmKind, name: String) {
            self.kind = kind
            self.name = name
        }
    }

    /// Creates a tracker that knows no farm yet.
    public init() {}

    /// The state of one farm, if it has been reported.
    public func state(of kind: FarmKind, named name: String) -> FarmState? {
        farms[FarmID(kind: kind, name: name)]
    }

    /// Applies a notice; returns the farm's transition, or `nil` when the code is not a
    /// farm-status code or the state did not change.
    public mutating func apply(code: Int, text: String) -> FarmTransition? {
        guard let notice = FarmNotice(code: code, text: text) else { return nil }
        let state = notice.state
        let id = FarmID(kind: notice.kind, name: notice.farmName ?? "")
        let previous = farms[id]
        guard previous != state else { return nil }
        farms[id] = state
        var isRecovery = false
        switch state {
        case .broken: interrupted.insert(id)
        case .ok: isRecovery = interrupted.remove(id) != nil
        case .inactive, .connecting: break
        }
        return FarmTransition(kind: notice.kind, farm: id.name, from: previous, to: state, isRecovery: isRecovery)
    }

    /// Forgets every farm (a new connection reports them afresh).
    public mutating func reset() {
        farms.removeAll()
        interrupted.removeAll()
    }
}
