#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Logging
import TWSClient
import TWSWire

/// `ibterm-stream HOST:PORT SYMBOL...`: ibterm's client alone, without Foundation.
///
/// Streams the stocks' quotes from an IB Gateway, TWS or `ibterm engine` and prints one line
/// per change of bid, ask or last (`SYMBOL BID ASK LAST VOLUME`), at most one a symbol per read
/// of the socket, until it is killed. It links
/// only IBClient (SwiftNIO, swift-log, the wire codec), so it shows what the client itself
/// costs in memory: `ibterm quote --watch` does the same inside the full `ibterm` binary,
/// which loads Foundation, GRDB and ncurses too (see `ibterm-bench rss`).
@main
enum StreamMain {
    static func main() async {
        let arguments = Array(CommandLine.arguments.dropFirst())
        guard arguments.count >= 2, let colon = arguments[0].lastIndex(of: ":"),
              let port = Int(arguments[0][arguments[0].index(after: colon)...]) else {
            fail("usage: ibterm-stream HOST:PORT SYMBOL...", status: 2)
        }
        let host = String(arguments[0][..<colon])
        let client = IBClient(logger: Logger(label: "tws.client") { _ in SwiftLogNoOpLogHandler() })
        do {
            try await client.connect(host: host, port: port, clientId: 23)
        } catch {
            fail("ibterm-stream: \(error)", status: 1)
        }
        // One feed for every symbol: the quotes of one socket read arrive as one array.
        let feed = client.makeQuoteFeed()
        let symbols = arguments.dropFirst().map { $0.uppercased() }
        for (tag, symbol) in symbols.enumerated() {
            await client.subscribeQuotes(Contract(symbol: symbol, secType: "STK", exchange: "SMART", currency: "USD"), feed: feed, tag: tag)
        }
        await follow(feed, symbols: symbols)
    }

    /// Writes `message` to standard error and exits with `status`.
    private static func fail(_ message: String, status: Int32) -> Never {
        let line = Array((message + "\n").utf8)
        _ = line.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
        exit(status)
    }

    /// Prints a line per change of bid, ask or last, for every symbol of the feed.
    private static func follow(_ feed: QuoteFeed, symbols: [String]) async {
        var shown = [(bid: Double?, ask: Double?, last: Double?)](repeating: (nil, nil, nil), count: symbols.count)
        var out = ""
        func text(_ value: Double?) -> String { value.map { "\($0)" } ?? "-" }
        var changed: [Int] = []
        for await events in feed.events {
            // One line per symbol whose bid, ask or last changed during the read (as ib_async
            // reports each ticker once per pass of its event loop).
            var latest: [Int: Quote] = [:]
            for item in events {
                guard case let .update(quote) = item.event, symbols.indices.contains(item.tag) else { continue }
                if latest.updateValue(quote, forKey: item.tag) == nil { changed.append(item.tag) }
            }
            for tag in changed {
                guard let quote = latest[tag], (quote.bid, quote.ask, quote.last) != shown[tag] else { continue }
                shown[tag] = (quote.bid, quote.ask, quote.last)
                out += "\(symbols[tag]) \(text(quote.bid)) \(text(quote.ask)) \(text(quote.last)) \(quote.volume.map { "\($0)" } ?? "-")\n"
            }
            changed.removeAll(keepingCapacity: true)
            guard !out.isEmpty else { continue }
            // One write per read of the socket.
            let bytes = Array(out.utf8)
            out.removeAll(keepingCapacity: true)
            var offset = 0
            while offset < bytes.count {
                let written = bytes.withUnsafeBytes { write(1, $0.baseAddress! + offset, $0.count - offset) }
                guard written > 0 else { return }
                offset += written
            }
        }
    }
}
