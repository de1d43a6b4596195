import Foundation
import PaperGateway
import TWSWire

/// IB's 50 messages a second: a burst of 10,000 reqMktData in one write (every one must be
/// answered: the first 100 subscribed, the rest refused with 101, error 100 for the excess),
/// then a client that writes reqCurrentTime as fast as it can and reads its answers until the
/// gateway disconnects it.
enum MessageFlood {
    static let burstSize = 10_000

    static func run(_ target: FloodTarget) throws -> [FloodFigure] {
        try [burst(target), keepsFlooding(target)]
    }

    private static func burst(_ target: FloodTarget) throws -> FloodFigure {
        guard let socket = try FloodSocket.ready(port: target.port, clientId: 2) else { throw BenchFailure("the burst client was refused") }
        let writer = socket.writer
        let stocks = try GatewayResources.universe().instruments.filter { $0.secType == .stock }.map(\.symbol)
        var bytes: [UInt8] = []
        for index in 0..<burstSize {
            let request = RequestMarketData(reqId: index + 1, contract: Contract(symbol: stocks[index % stocks.count]))
            bytes += ClientMessage.requestMarketData(request).encoded(serverVersion: writer.serverVersion)
        }
        let counter = AnswerCounter(socket)
        defer { counter.stop() }
        let start = ContinuousClock.now
        let (_, outcome) = writer.write(bytes, deadline: start + .seconds(60))
        let written = ContinuousClock.now
        let counts = counter.wait(timeout: .seconds(60)) { answered($0) >= burstSize }
        let last = counts.lastReadAt ?? written
        return FloodFigure(
            name: "requests",
            value: "\(answered(counts)) of \(burstSize) reqMktData answered (\(counts.subscriptions) subscribed; errors \(counts.errorSummary)) "
                + "\(BenchSetup.milliseconds(last - start)) ms after the first byte (written in \(BenchSetup.milliseconds(written - start)) ms, \(outcome)); "
                + "connection \(counts.closed ? "closed" : "open")")
    }

    /// Answers to the burst: subscriptions and refusals (error 100 is a notice, not an answer).
    private static func answered(_ counts: AnswerCounter.Counts) -> Int {
        counts.subscriptions + counts.errors.filter { $0.key != 100 && $0.key < 2000 }.values.reduce(0, +)
    }

    private static func keepsFlooding(_ target: FloodTarget) throws -> FloodFigure {
        guard let socket = try FloodSocket.ready(port: target.port, clientId: 3) else { throw BenchFailure("the flooding client was refused") }
        let writer = socket.writer
        let request = ClientMessage.requestCurrentTime.encoded(serverVersion: writer.serverVersion)
        let batch = Array([[UInt8]](repeating: request, count: 1000).joined())
        let counter = AnswerCounter(socket)
        defer { counter.stop() }
        let start = ContinuousClock.now
        let giveUp = start + .seconds(max(30, target.seconds))
        var sent = 0
        var outcome = FloodWriter.WriteOutcome.written
        while ContinuousClock.now < giveUp, !counter.current.closed {
            let result = writer.write(batch, deadline: min(giveUp, .now + .seconds(1)))
            sent += result.sent
            outcome = result.outcome
            if outcome == .closed { break }
        }
        let counts = counter.wait(timeout: .seconds(5)) { $0.closed }
        let requests = sent / request.count
        let ended = counts.closedAt.map { "disconnected after \(String(format: "%.2f", BenchSetup.seconds($0 - start))) s" }
            ?? "not disconnected within \(Int(BenchSetup.seconds(giveUp - start))) s"
        return FloodFigure(
            name: "flooder",
            value: "\(ended): \(requests) reqCurrentTime written, \(counts.currentTimes) answered, errors \(counts.errorSummary)")
    }
}
