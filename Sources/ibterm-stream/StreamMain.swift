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
/// per change of bid, ask or last (`SYMBOL BID ASK LAST VOLUME`) until it is killed. It links
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
        await withTaskGroup(of: Void.self) { group in
            for symbol in arguments.dropFirst() {
                let contract = Contract(symbol: symbol.uppercased(), secType: "STK", exchange: "SMART", currency: "USD")
                let stream = await client.subscribeQuotes(contract)
                group.addTask { await follow(stream, symbol: contract.symbol) }
            }
        }
    }

    /// Writes `message` to standard error and exits with `status`.
    private static func fail(_ message: String, status: Int32) -> Never {
        let line = Array((message + "\n").utf8)
        _ = line.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
        exit(status)
    }

    private static func follow(_ stream: AsyncStream<QuoteEvent>, symbol: String) async {
        var shown: (bid: Double?, ask: Double?, last: Double?) = (nil, nil, nil)
        for await event in stream {
            guard case let .update(quote) = event, (quote.bid, quote.ask, quote.last) != shown else { continue }
            shown = (quote.bid, quote.ask, quote.last)
            func text(_ value: Double?) -> String { value.map { "\($0)" } ?? "-" }
            print("\(symbol) \(text(quote.bid)) \(text(quote.ask)) \(text(quote.last)) \(quote.volume.map { "\($0)" } ?? "-")")
            fflush(nil)
        }
    }
}
