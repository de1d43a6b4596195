import Dashboard
import Vocabulary

/// The dashboard's view of its link when its source is a bridge: fed the bridge's heartbeats
/// as they arrive and the clock's ticks, it says whether the link is up and returns the
/// ``DashboardEvent``s that tell the dashboard so.
///
/// ### Rules
/// - The link is up while heartbeats arrive and the bridge's socket to the gateway is up
///   (``BusHeartbeat/gatewaySocketUp``): the first such heartbeat gives `.connected(...)`
///   (server version, accounts and next order id from the heartbeat).
/// - No heartbeat for ``silenceLimit`` (1.5 s by default) takes it down:
///   `.connectionLost(reason: "bridge silent …")`. The dashboard's freshness rules then take
///   every quote off LIVE at once. The runtime ticks by ``deadline``, so a bridge that dies
///   just after a beat shows 1.5 s later, within 2 s of its death.
/// - The next heartbeat brings it up again (`.connected(...)`).
/// - A heartbeat of another bridge id (a restarted bridge) or another gateway-connection
///   generation (the bridge reconnected) while up is a reconnect: `.connectionLost` then
///   `.connected`, so quotes of the old connection cannot pass for live.
/// - A heartbeat saying the bridge has no gateway socket takes the link down
///   (`.connectionLost`); the bridge is alive, so it is not silent.
/// - While up, a heartbeat whose next order id moved on (another screen placed orders) gives
///   `.nextValidOrderID`, so this screen's next order takes a free id.
/// - A heartbeat of the same bridge with a sequence not above the last taken is dropped (a
///   replayed or duplicated entry).
///
/// Pure: instants come in as values, and ``deadline`` says when the next tick matters.
public struct BridgeLinkMonitor: Sendable {
    /// Where the link stands.
    public enum State: Sendable, Hashable {
        /// No heartbeat yet.
        case waiting
        /// Up: heartbeats arrive from this bridge run and gateway connection.
        case up(bridgeID: String, generation: Int)
        /// The bridge is alive but has no gateway socket.
        case bridgeWithoutGateway(bridgeID: String)
        /// No heartbeat for the silence limit.
        case silent
    }

    /// How long without a heartbeat takes the link down.
    public var silenceLimit: Duration
    /// Where the link stands.
    public private(set) var state: State = .waiting
    /// The last heartbeat taken and when it arrived.
    public private(set) var last: (heartbeat: BusHeartbeat, arrivedAt: SessionInstant)?

    /// Creates a monitor; `silenceLimit` defaults to 1.5 s.
    public init(silenceLimit: Duration = .milliseconds(1500)) {
        self.silenceLimit = silenceLimit
    }

    /// Whether the link is up.
    public var isUp: Bool {
        if case .up = state { return true }
        return false
    }

    /// When the link goes silent if no heartbeat arrives before (nil when no heartbeat was
    /// ever taken or it is silent already): the runtime should tick by then.
    public var deadline: SessionInstant? {
        guard let last, state != .silent else { return nil }
        return last.arrivedAt + silenceLimit
    }

    /// Takes a heartbeat that arrived at `instant`; returns the events to apply (at that
    /// instant).
    public mutating func heartbeat(_ heartbeat: BusHeartbeat, at instant: SessionInstant) -> [DashboardEvent] {
        if let last, last.heartbeat.bridgeID == heartbeat.bridgeID, heartbeat.sequence <= last.heartbeat.sequence {
            return []
        }
        let previousNextOrderID = last?.heartbeat.nextOrderID
        last = (heartbeat, instant)
        let connected = DashboardEvent.connected(
            serverVersion: heartbeat.serverVersion ?? 0, accounts: heartbeat.accounts, nextOrderID: heartbeat.nextOrderID)
        switch state {
        case let .up(bridgeID, generation):
            guard heartbeat.gatewaySocketUp else {
                state = .bridgeWithoutGateway(bridgeID: heartbeat.bridgeID)
                return [.connectionLost(reason: "the bridge lost its gateway connection (\(heartbeat.link.rawValue))")]
            }
            if bridgeID == heartbeat.bridgeID && generation == heartbeat.generation {
                // Another screen's orders moved the gateway's next id on: take it now, so this
                // screen's next order does not choose an id already taken.
                guard let next = heartbeat.nextOrderID, next != previousNextOrderID else { return [] }
                return [.nextValidOrderID(next)]
            }
            let reason = bridgeID == heartbeat.bridgeID
                ? "the bridge reconnected to the gateway (connection \(heartbeat.generation))"
                : "the bridge restarted (new bridge \(Self.short(heartbeat.bridgeID)))"
            state = .up(bridgeID: heartbeat.bridgeID, generation: heartbeat.generation)
            return [.connectionLost(reason: reason), connected]
        case .waiting, .silent, .bridgeWithoutGateway:
            guard heartbeat.gatewaySocketUp else {
                state = .bridgeWithoutGateway(bridgeID: heartbeat.bridgeID)
                return []
            }
            state = .up(bridgeID: heartbeat.bridgeID, generation: heartbeat.generation)
            return [connected]
        }
    }

    /// Takes the clock's reading; returns `.connectionLost` when the link was up and the
    /// bridge has been silent for the limit.
    public mutating func tick(at instant: SessionInstant) -> [DashboardEvent] {
        guard let deadline, instant >= deadline else { return [] }
        let wasUp = isUp
        state = .silent
        guard wasUp else { return [] }
        let silence = last.map { $0.arrivedAt.duration(to: instant) } ?? silenceLimit
        return [.connectionLost(reason: "bridge silent: no heartbeat for \(Self.seconds(silence)) (limit \(Self.seconds(silenceLimit)))")]
    }

    /// A duration as seconds with one decimal: `1.5 s`.
    static func seconds(_ duration: Duration) -> String {
        let tenths = QuoteEvidence.wholeMilliseconds(duration) / 100
        return "\(tenths / 10).\(tenths % 10) s"
    }

    /// The first 8 characters of a bridge id, for a message.
    static func short(_ bridgeID: String) -> String { String(bridgeID.prefix(8)) }
}
