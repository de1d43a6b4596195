import Foundation

/// TWS serves 32 API clients: 40 connections are attempted one after the other (each
/// handshake completed when admitted), held for two seconds, then one leaves and a new client
/// must be admitted in its place.
enum ConnectionFlood {
    static let attempts = 40

    static func run(_ target: FloodTarget) throws -> [FloodFigure] {
        var admitted: [FloodSocket] = []
        var refused = 0
        let start = ContinuousClock.now
        for index in 0..<attempts {
            if let socket = try? FloodSocket.ready(port: target.port, clientId: 100 + index, timeout: .seconds(5)) {
                admitted.append(socket)
            } else {
                refused += 1
            }
        }
        let attempted = ContinuousClock.now - start
        Thread.sleep(forTimeInterval: 2)
        let stillOpen = admitted.filter { $0.discard(timeout: .zero) != nil }.count
        admitted.removeFirst()
        var readmitted = false
        for attempt in 0..<50 where !readmitted {
            readmitted = (try? FloodSocket.ready(port: target.port, clientId: 200 + attempt, timeout: .seconds(2))) != nil
            if !readmitted { Thread.sleep(forTimeInterval: 0.02) }
        }
        return [
            FloodFigure(
                name: "admitted",
                value: "\(admitted.count + 1) of \(attempts) admitted, \(refused) refused (the probe holds one of the 32) in \(BenchSetup.milliseconds(attempted)) ms; \(stillOpen) still open after 2 s"),
            FloodFigure(name: "slot-freed", value: readmitted ? "a new client was admitted after one left" : "no new client admitted after one left"),
        ]
    }
}
