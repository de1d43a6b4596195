import NIOCore
import NIOPosix

/// How the client opens a connection's channel: over TCP with SwiftNIO (``tcp``), or, in
/// tests, an in-memory channel (`NIOAsyncTestingChannel`) that the test feeds and reads.
///
/// `open` gets the endpoint, the connect timeout and `setUp`, which adds the client's
/// handlers (framing, batching) to the channel's pipeline; it must run on the channel's event
/// loop before the channel is active.
package struct TWSChannelOpener: Sendable {
    /// Opens a channel set up by `setUp`.
    package typealias Open = @Sendable (
        _ host: String, _ port: Int, _ timeout: Duration, _ setUp: @escaping @Sendable (any Channel) throws -> Void
    ) async throws -> any Channel

    let open: Open

    /// An opener that calls `open`.
    package init(_ open: @escaping Open) {
        self.open = open
    }

    /// TCP with SwiftNIO's `ClientBootstrap`, without Nagle's delay.
    package static let tcp = TWSChannelOpener { host, port, timeout, setUp in
        let milliseconds = max(1, Int64(timeout.components.seconds * 1000 + timeout.components.attoseconds / 1_000_000_000_000_000))
        return try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connectTimeout(.milliseconds(milliseconds))
            .channelOption(ChannelOptions.tcpOption(.tcp_nodelay), value: 1)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture { try setUp(channel) }
            }
            .connect(host: host, port: port)
            .get()
    }
}
