import ArgumentParser
import struct Dashboard.Watchlist
import TWSClient
import TWSSession
import TWSWire
import Vocabulary

/// `ibterm order buy|sell QTY SYMBOL`: places one order and prints its life cycle.
struct OrderCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "order",
        abstract: "Place one order and print its life cycle as it happens.",
        discussion: """
            Market order by default; --limit makes it LMT, --stop STP, both STP LMT. Without \
            --wait the command exits once the gateway has accepted the order (it keeps working \
            at the gateway); with --wait it exits when the order is filled, cancelled or rejected. \
            Orders on live (non-paper) accounts are refused unless --allow-live is given.
            """
    )

    enum Side: String, ExpressibleByArgument, CaseIterable {
        case buy, sell
    }

    @Argument(help: "buy or sell.")
    var side: Side

    @Argument(help: "The quantity, e.g. 100.")
    var quantity: String

    @Argument(help: "The symbol, e.g. AAPL.")
    var symbol: String

    @Option(help: "Limit price.")
    var limit: Double?

    @Option(help: "Stop (trigger) price.")
    var stop: Double?

    @Option(help: "Time in force: DAY or GTC.")
    var tif: TimeInForce = .day

    @Flag(help: "Wait until the order is filled, cancelled or rejected.")
    var wait = false

    @Flag(help: "Allow orders on a live (real-money) account.")
    var allowLive = false

    @Option(help: "The exchange to route to.")
    var exchange = "SMART"

    @Option(help: "The currency.")
    var currency = "USD"

    @Option(help: "The security type (STK, CASH, FUT, ...).")
    var secType = "STK"

    @OptionGroup var gateway: GatewayOptions

    func validate() throws {
        guard let amount = FixedDecimal(text: Array(quantity.utf8)), amount > .zero else {
            throw ValidationError("QTY must be a positive number (got \"\(quantity)\").")
        }
        try Self.validateSymbol(symbol)
        if let limit, limit <= 0 { throw ValidationError("--limit must be positive.") }
        if let stop, stop <= 0 { throw ValidationError("--stop must be positive.") }
    }

    /// Refuses what cannot be a ticker (the dashboard's rule: a letter, then letters, digits,
    /// `.`, `-` or `/`, at most 24 characters) before anything is sent.
    static func validateSymbol(_ symbol: String) throws {
        guard Watchlist.isValidSymbol(symbol) else {
            let shown = symbol.count > 24 ? String(symbol.prefix(24)) + "… (\(symbol.count) characters)" : symbol
            throw ValidationError("\"\(shown)\" is not a ticker symbol: a letter, then letters, digits, '.', '-' or '/', at most 24 characters.")
        }
    }

    /// The order to send.
    var order: Order {
        var order = Order()
        order.action = side == .buy ? "BUY" : "SELL"
        order.totalQuantity = FixedDecimal(text: Array(quantity.utf8))
        switch (limit, stop) {
        case (nil, nil): order.orderType = "MKT"
        case (.some, nil): order.orderType = "LMT"
        case (nil, .some): order.orderType = "STP"
        case (.some, .some): order.orderType = "STP LMT"
        }
        order.lmtPrice = limit
        order.auxPrice = stop
        order.tif = tif.rawValue
        return order
    }

    func run() async throws {
        try await runReportingFailures {
            let client = try await gateway.connect(command: "order", allowLive: allowLive)
            let contract = Contract(symbol: symbol.uppercased(), secType: secType, exchange: exchange, currency: currency)
            let order = self.order
            let handle = try await client.placeOrder(contract, order)
            let prices = [order.lmtPrice.map { "limit \(formatPrice($0))" }, order.auxPrice.map { "stop \(formatPrice($0))" }]
                .compactMap { $0 }.joined(separator: " ")
            print("order \(handle.orderId): \(order.action) \(quantity) \(contract.symbol) \(order.orderType)\(prices.isEmpty ? "" : " " + prices) \(order.tif) sent")
            let outcome = try await follow(handle)
            await client.disconnect()
            if let failure = outcome { throw CommandFailure(failure) }
        }
    }

    /// Prints the order's events; returns a failure sentence for a rejection or cancellation.
    private func follow(_ handle: OrderHandle) async throws -> String? {
        let id = handle.orderId
        var acknowledged = false
        for await event in handle.events {
            switch event {
            case .status(let s):
                var line = "order \(id): \(s.status)  filled \(s.filled)  remaining \(s.remaining)"
                if s.filled > .zero { line += "  avg \(formatPrice(s.avgFillPrice))" }
                if let reason = s.reason, s.status.isFinal, s.status != .filled { line += "  (\(reason))" }
                print(line)
                switch s.status {
                case .inactive: return "order \(id) was rejected or is inactive: \(s.reason ?? "no reason given")"
                case .cancelled, .apiCancelled:
                    if wait { return "order \(id) was cancelled\(s.reason.map { ": \($0)" } ?? "")" }
                case .filled: break
                default: acknowledged = true
                }
                if s.status.isFinal && !wait { return nil }
            case .execution(let e, _):
                print("order \(id): fill \(e.shares) @ \(formatPrice(e.price)) on \(e.exchange.isEmpty ? "?" : e.exchange) (exec \(e.execId))")
            case .commission(let c):
                print("order \(id): commission \(formatPrice(c.commission)) \(c.currency)")
            case .notice(let n):
                print("order \(id): gateway says \(n.code): \(n.message)")
            case .gap:
                print("order \(id): connection lost; the order keeps working at the gateway, reconnecting")
            case .resumed:
                print("order \(id): reconnected")
            }
            if acknowledged && !wait { return nil }
        }
        return nil
    }
}
