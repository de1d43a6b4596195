import Foundation
import TWSWire

/// A frame longer than the gateway accepts closes the connection without being buffered: 10
/// connections (5 in the handshake, as the version offer; 5 after START_API, as a request)
/// each announce a 16 MiB frame and then send 4 MiB of it, all at once. What the kernel took of
/// each before the gateway closed it, and how many were closed, are reported; the gateway's
/// memory shows whether it kept the bytes.
enum OversizedFrames {
    static let connections = 10
    static let announced = 16 * 1024 * 1024
    static let sentPart = 4 * 1024 * 1024

    static func run(_ target: FloodTarget) throws -> [FloodFigure] {
        var sockets: [FloodSocket] = []
        for index in 0..<connections {
            if index < connections / 2 {
                let socket = try FloodSocket(port: target.port)
                _ = socket.write(Handshake.prefix)
                sockets.append(socket)
            } else {
                guard let socket = try FloodSocket.ready(port: target.port, clientId: 300 + index) else {
                    throw BenchFailure("an oversized-frame client was refused before its frame")
                }
                sockets.append(socket)
            }
        }
        let header = [UInt8(announced >> 24 & 0xFF), UInt8(announced >> 16 & 0xFF), UInt8(announced >> 8 & 0xFF), UInt8(announced & 0xFF)]
        let chunk = [UInt8](repeating: UInt8(ascii: "x"), count: 64 * 1024)
        var sent = Array(repeating: 0, count: connections)
        var open = Array(repeating: true, count: connections)
        let start = ContinuousClock.now
        for (index, socket) in sockets.enumerated() {
            open[index] = socket.writer.write(header, deadline: .now + .seconds(1)).outcome == .written
        }
        // Round-robin, 64 KiB at a time, so that all ten partial frames are in flight together.
        while open.contains(true), ContinuousClock.now - start < .seconds(20) {
            for (index, socket) in sockets.enumerated() where open[index] {
                let result = socket.writer.write(chunk, deadline: .now + .milliseconds(200))
                sent[index] += result.sent
                if result.outcome != .written || sent[index] >= sentPart { open[index] = false }
            }
        }
        let closed = sockets.filter { $0.waitForClose(timeout: .seconds(5)) }.count
        let kib = sent.map { $0 / 1024 }
        return [FloodFigure(
            name: "closed",
            value: "\(closed) of \(connections) closed (5 in the handshake, 5 after START_API); of the \(sentPart / 1_048_576) MiB sent each, "
                + "the kernel took p50 \(BenchSetup.percentile(kib, 0.5)) KiB, max \(kib.max() ?? 0) KiB before the close")]
    }
}
