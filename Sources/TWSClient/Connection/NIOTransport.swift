import NIOCore
import NIOPosix

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Opens a connection's channel with the client's pipeline (``InboundBatcher``, which frames
/// and decodes with ``TWSFrameDecoder``) and returns it with its inbound events: batches of decoded frames,
/// closure and errors, in order, and the ``ReadGate`` the client reports each handled batch to.
enum NIOTransport {
    /// Connects to `host:port` through `opener` and returns the channel and its inbound events.
    static func connect(
        host: String,
        port: Int,
        timeout: Duration,
        opener: TWSChannelOpener,
        clock: any TWSClock,
        recorder: FlightRecorder? = nil,
        traceConnection: UInt32 = 0
    ) async throws -> (channel: any Channel, events: AsyncStream<TransportEvent>, gate: ReadGate) {
        let (events, continuation) = AsyncStream.makeStream(of: TransportEvent.self)
        let gate = ReadGate()
        do {
            let channel = try await opener.open(host, port, timeout) { channel in
                try channel.pipeline.syncOperations.addHandler(InboundBatcher(
                    continuation: continuation, clock: clock, gate: gate, recorder: recorder, traceConnection: traceConnection))
            }
            return (channel, events, gate)
        } catch {
            continuation.finish()
            throw error
        }
    }
}

extension NIOTransport {
    /// A plain description of a connect or socket error, e.g. `connection refused`.
    static func describe(_ error: any Error) -> String {
        if let error = error as? NIOConnectionError {
            if let first = error.connectionErrors.first { return describe(first.error) }
            if error.dnsAError != nil || error.dnsAAAAError != nil { return "the host name could not be resolved" }
            return "the connection failed"
        }
        if let error = error as? IOError {
            return String(cString: strerror(error.errnoCode)).lowercased()
        }
        if let error = error as? ChannelError, case .connectTimeout = error {
            return "the gateway did not accept the connection in time"
        }
        return String(describing: error)
    }
}
