import Foundation
import TWSWire

/// A client that never reads: it writes reqContractDetails (each answered with about a
/// kilobyte) as fast as the gateway takes them for the flood's seconds and reads nothing, so
/// every answer waits in the gateway's output (and the kernel's socket buffers) unless the
/// gateway bounds what it keeps for one connection.
enum UnreadFlood {
    static func run(_ target: FloodTarget) throws -> [FloodFigure] {
        guard let socket = try FloodSocket.ready(port: target.port, clientId: 2) else { throw BenchFailure("the unread client was refused") }
        let writer = socket.writer
        var batch: [UInt8] = []
        for index in 0..<200 {
            let request = RequestContractDetails(reqId: index + 1, contract: Contract(symbol: "AAPL"))
            batch += ClientMessage.requestContractDetails(request).encoded(serverVersion: writer.serverVersion)
        }
        let perRequest = batch.count / 200
        let start = ContinuousClock.now
        let end = start + .seconds(target.seconds)
        var sent = 0
        var outcome = FloodWriter.WriteOutcome.written
        var stalledFor = Duration.zero
        while ContinuousClock.now < end {
            let before = ContinuousClock.now
            let result = writer.write(batch, deadline: min(end, before + .seconds(1)))
            sent += result.sent
            outcome = result.outcome
            if outcome == .timedOut { stalledFor += ContinuousClock.now - before }
            if outcome == .closed { break }
        }
        let elapsed = ContinuousClock.now - start
        let state = outcome == .closed ? "disconnected after \(String(format: "%.2f", BenchSetup.seconds(elapsed))) s"
            : "still connected after \(Int(BenchSetup.seconds(elapsed))) s"
        return [FloodFigure(
            name: "outcome",
            value: "\(sent / perRequest) reqContractDetails written, none read; \(state); writes blocked for "
                + "\(String(format: "%.1f", BenchSetup.seconds(stalledFor))) s in all (the gateway stopped reading)")]
    }
}
