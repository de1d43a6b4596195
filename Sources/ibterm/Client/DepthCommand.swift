#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ArgumentParser
import Foundation
import Synchronization
import TWSClient
import TWSWire
import Vocabulary

/// `ibterm depth SYMBOL`: the order book, bids beside asks.
struct DepthCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "depth",
        abstract: "Print a symbol's order book: bids beside asks, with sizes.",
        discussion: """
            Subscribes to the book (reqMktDepth, --rows levels a side) and prints it each time it \
            changes, a blank line between books, until SIGINT or SIGTERM; with --once prints the \
            first whole book (every row of both sides, or what arrived within --timeout) and \
            exits. --json writes one JSON object per book per line ({"symbol", "bids", "asks"}, \
            each row {"price", "size", "marketMaker"}).

            Exit status: 0 after the book (or after a signal); 2 when the gateway knows no such \
            contract (IB 200); 1 when it refuses the book (354: no market-data subscription; 309: \
            too many depth requests at once), no book arrives within --timeout, the connection is \
            lost, or the gateway cannot be reached; 64 for a usage error.
            """
    )

    @Argument(help: "The symbol, e.g. AAPL.")
    var symbol: String

    @Option(help: "How many levels of each side (1 to 20).")
    var rows = 5

    @Flag(help: "Print the first whole book and exit.")
    var once = false

    @Flag(help: "Print one JSON object per book instead of a table.")
    var json = false

    @Flag(help: "The book over every exchange SMART routes to, each row naming its exchange.")
    var smartDepth = false

    @OptionGroup var contract: ContractOptions

    @OptionGroup var gateway: GatewayOptions

    func validate() throws {
        try OrderCommand.validateSymbol(symbol)
        guard (1...20).contains(rows) else { throw ValidationError("--rows must be between 1 and 20.") }
    }

    /// One book as `--json` writes it.
    struct Book: Encodable {
        struct Level: Encodable {
            var price: Double
            var size: String?
            var marketMaker: String?
        }
        var symbol: String
        var bids: [Level]
        var asks: [Level]
    }

    func run() async throws {
        try await runReportingFailures {
            let contract = contract.contract(symbol)
            let client = try await gateway.connect(command: "depth", kind: once ? .command : .stream)
            let stream = await client.marketDepth(contract, rows: rows, smartDepth: smartDepth)
            let outcome: Result<Void, CommandFailure>
            if once {
                outcome = await Self.first(of: stream, symbol: contract.symbol, within: gateway.timeLimit).map { book in
                    emit(book, symbol: contract.symbol)
                }
            } else {
                outcome = await follow(stream, symbol: contract.symbol)
            }
            await client.disconnect()
            try outcome.get()
        }
    }

    /// The first whole book, or when the time limit passes the last one that arrived.
    static func first(
        of stream: AsyncStream<SubscriptionEvent<DepthBook>>, symbol: String, within limit: Duration
    ) async -> Result<DepthBook, CommandFailure> {
        let latest = LatestBook()
        let answer = await firstAnswer(within: limit) { () -> Result<DepthBook, CommandFailure>? in
            for await event in stream {
                switch event {
                case .value(let book):
                    latest.value.withLock { $0 = book }
                    if book.isFull { return .success(book) }
                case .notice(let notice) where !notice.isInformational:
                    return .failure(CommandFailure(symbol, notice: notice))
                default:
                    continue
                }
            }
            return nil
        }
        if let answer { return answer }
        if let partial = latest.value.withLock({ $0 }), !partial.isEmpty { return .success(partial) }
        return .failure(CommandFailure("\(symbol): no book arrived within the time limit"))
    }

    /// Prints every book until a termination signal or a refusal.
    private func follow(_ stream: AsyncStream<SubscriptionEvent<DepthBook>>, symbol: String) async -> Result<Void, CommandFailure> {
        await withTaskGroup(of: Result<Void, CommandFailure>.self) { group in
            group.addTask {
                var printed = false
                for await event in stream {
                    switch event {
                    case .value(let book):
                        if printed, !json { Self.write("") }
                        emit(book, symbol: symbol)
                        printed = true
                    case .notice(let notice) where !notice.isInformational:
                        return .failure(CommandFailure(symbol, notice: notice))
                    case .gap:
                        FileHandle.standardError.write(Data("ibterm: the connection was lost; the book resumes after the reconnect\n".utf8))
                    default:
                        continue
                    }
                }
                return .success(())
            }
            group.addTask {
                _ = await SignalWaiter.waitForTermination()
                return .success(())
            }
            let first = await group.next() ?? .success(())
            group.cancelAll()
            return first
        }
    }

    private func emit(_ book: DepthBook, symbol: String) {
        if json {
            Self.write(CommandOutput.compactJSON(Self.json(book, symbol: symbol)))
        } else {
            Self.write(Self.table(book, symbol: symbol).joined(separator: "\n"))
        }
    }

    static func json(_ book: DepthBook, symbol: String) -> Book {
        func levels(_ rows: [DepthBook.Row]) -> [Book.Level] {
            rows.map { Book.Level(price: $0.price, size: $0.size?.description, marketMaker: $0.marketMaker.isEmpty ? nil : $0.marketMaker) }
        }
        return Book(symbol: symbol, bids: levels(book.bids), asks: levels(book.asks))
    }

    /// The book as lines: a header, then one row per level, best first, bids on the left
    /// (`SIZE  PRICE`), asks on the right (`PRICE  SIZE`); with smart depth each side names its
    /// exchange on the outside.
    static func table(_ book: DepthBook, symbol: String) -> [String] {
        let smart = (book.bids + book.asks).contains { !$0.marketMaker.isEmpty }
        func bid(_ size: String, _ price: String, _ venue: String) -> String {
            (smart ? pad(venue, 6) : "") + pad(size, 10, right: true) + pad(price, 11, right: true)
        }
        func ask(_ price: String, _ size: String, _ venue: String) -> String {
            pad(price, 11) + pad(size, 10, right: true) + (smart ? "  " + venue : "")
        }
        var lines = [symbol, bid("BID SIZE", "BID", "EXCH") + " | " + ask("ASK", "ASK SIZE", "EXCH")]
        for index in 0..<max(book.bids.count, book.asks.count) {
            let left = index < book.bids.count ? book.bids[index] : nil
            let right = index < book.asks.count ? book.asks[index] : nil
            lines.append(
                bid(left?.size?.description ?? (left == nil ? "" : "-"), left.map { formatPrice($0.price) } ?? "", left?.marketMaker ?? "")
                + " | " + ask(right.map { formatPrice($0.price) } ?? "", right?.size?.description ?? (right == nil ? "" : "-"), right?.marketMaker ?? ""))
        }
        return lines
    }

    private static func write(_ text: String) {
        print(text)
        fflush(nil)
    }
}

/// The last book a reader task saw, shown when the time limit passes before a whole one.
private final class LatestBook: Sendable {
    let value = Mutex<DepthBook?>(nil)
}
