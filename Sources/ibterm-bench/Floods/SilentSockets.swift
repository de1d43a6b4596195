import Foundation

/// A handshake not completed within a few seconds closes the socket: 20 connections that send
/// nothing, timed from their connect to the gateway's close.
enum SilentSockets {
    static let count = 20

    static func run(_ target: FloodTarget) throws -> [FloodFigure] {
        var sockets: [(socket: FloodSocket, openedAt: ContinuousClock.Instant)] = []
        for _ in 0..<count { sockets.append((try FloodSocket(port: target.port), .now)) }
        var closedAfter: [Duration?] = Array(repeating: nil, count: count)
        let giveUp = ContinuousClock.now + .seconds(30)
        while ContinuousClock.now < giveUp, closedAfter.contains(where: { $0 == nil }) {
            for (index, entry) in sockets.enumerated() where closedAfter[index] == nil {
                if entry.socket.discard(timeout: .zero) == nil { closedAfter[index] = .now - entry.openedAt }
            }
            Thread.sleep(forTimeInterval: 0.005)
        }
        let closed = closedAfter.compactMap { $0 }
        let timing = closed.isEmpty ? "" : String(
            format: ", after p50 %.2f s, max %.2f s", BenchSetup.seconds(BenchSetup.percentile(closed, 0.5)), BenchSetup.seconds(closed.max()!))
        return [FloodFigure(name: "closed", value: "\(closed.count) of \(count) closed by the gateway\(timing) (its handshake deadline: 5 s)")]
    }
}
