import ArgumentParser

/// One flood of issue #12 item 7 ("a server that cannot be starved"), run against a fresh
/// `ibterm engine` while a well-behaved client probes it.
enum EngineFlood: String, CaseIterable, ExpressibleByArgument, Sendable {
    /// 10,000 reqMktData in one write, then a client that sends requests as fast as it can until
    /// the gateway disconnects it.
    case burst
    /// 40 connections attempted one after the other (the gateway serves 32).
    case connections
    /// 20 sockets that connect and never say a word.
    case silent
    /// 10 connections each announcing a 16 MiB frame and sending 4 MiB of it.
    case oversized
    /// A month of 1-minute bars asked 45 times a second for 20 s, plus one request of the largest
    /// legal size from another client.
    case history
    /// A client that sends contract-details requests as fast as it can and never reads the answers.
    case unread

    /// What the flood does, for the log.
    var summary: String {
        switch self {
        case .burst: "10,000 reqMktData in one write, then a client flooding reqCurrentTime until disconnected"
        case .connections: "40 connections attempted (the cap is 32)"
        case .silent: "20 sockets that never send the handshake"
        case .oversized: "10 connections announcing a 16 MiB frame and sending 4 MiB of it"
        case .history: "1 M of 1 min bars asked 45 times a second, plus one request of the largest legal size"
        case .unread: "contract-details requests as fast as possible from a client that never reads"
        }
    }

    /// Runs the flood against the gateway at `target` and returns what the attackers saw.
    func run(_ target: FloodTarget) throws -> [FloodFigure] {
        switch self {
        case .burst: try MessageFlood.run(target)
        case .connections: try ConnectionFlood.run(target)
        case .silent: try SilentSockets.run(target)
        case .oversized: try OversizedFrames.run(target)
        case .history: try HistoryFlood.run(target)
        case .unread: try UnreadFlood.run(target)
        }
    }
}

/// Where a flood is aimed and how long it may go on.
struct FloodTarget: Sendable {
    /// The gateway's loopback port.
    var port: Int
    /// How long the floods that run for a while (history, unread) go on.
    var seconds: Int
}

/// One `name: value` line of a flood's outcome.
struct FloodFigure: Sendable {
    var name: String
    var value: String
}
