import ArgumentParser
import Dashboard
import TWSClient
import TWSSession
import TWSWire
import Vocabulary

/// `ibterm order buy|sell QTY SYMBOL`: checks one order with the dashboard ticket's guard,
/// places it, and prints its life cycle.
struct OrderCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "order",
        abstract: "Check one order as the dashboard's ticket does, place it, and print its life cycle.",
        discussion: """
            Market order by default; --limit makes it LMT, --stop STP, both STP LMT. Prices are \
            read as written, never rounded: a price off the contract's minimum tick is refused.

            Before anything is sent the order passes the dashboard ticket's guard, with the \
            [ticket] limits of the same configuration file: the maximum quantity, the maximum \
            notional and share of net liquidation, the minimum tick, the price band around a \
            reference quote the command reads first, and the account kind (a live account needs \
            allow_live in the configuration or --allow-live). A reference quote that is not LIVE \
            is refused unless --accept-stale-quote is given, which bypasses that one check and no \
            other.

            Without --wait the command exits once the gateway works the order (it keeps working \
            there); with --wait it exits when the order is filled, cancelled or rejected. An \
            error IB reports for the order, or a lost connection, ends the command at once. \
            Ctrl-C (or SIGTERM) after the order was sent says that it is still working and how \
            to cancel it (ibterm cancel ID).

            With --portal (or the config file's portal) the order goes through IB's Client \
            Portal Web API instead: the same guard, its facts read over REST (a snapshot's quote \
            is polled, never LIVE, so --accept-stale-quote is needed), then IB's reply flow: each \
            question the gateway asks before placing is printed in words and asked y/N on a \
            terminal, or answered yes with --yes; a run without a terminal and without --yes \
            answers no and exits 2, nothing placed.

            --json writes JSON Lines on stdout, one object per event: {"event":"sent"|"status"|\
            "fill"|"commission"|"notice"|"gap"|"question", "orderId", "status", "filled", "remaining", \
            "avgPrice", "message", ...}, and last {"event":"result", "orderId", "status", \
            "filled", "avgPrice", "exitCode", "message"}. A refusal is one line: \
            {"event":"refused", "refused":{"limit", "field", "message"}, "exitCode":2}.

            Exit status: 0 the order works at the gateway (or, with --wait, it filled); 1 the \
            gateway rejected or cancelled it, the connection failed, or no answer came within \
            --timeout; 2 refused by the guard, nothing sent (or a Client Portal question answered no); 64 a usage error; 130 / 143 SIGINT \
            / SIGTERM after the order was sent (it keeps working).
            """
    )

    @Argument(help: "buy or sell.")
    var side: OrderSide

    /// The quantity and the symbol, collected with everything the parser does not recognise, so
    /// that a negative quantity (`-5`, which looks like an option) gets a sentence about the
    /// quantity rather than "Missing expected argument".
    @Argument(parsing: .allUnrecognized, help: ArgumentHelp("The quantity (whole shares, above zero), then the symbol: 100 AAPL.", valueName: "qty> <symbol"))
    var quantityAndSymbol: [String] = []

    @Option(help: ArgumentHelp("Limit price, exactly as written (e.g. 231.20).", valueName: "price"))
    var limit: String?

    @Option(help: ArgumentHelp("Stop (trigger) price, exactly as written.", valueName: "price"))
    var stop: String?

    @Option(help: "Time in force: DAY, GTC, IOC or FOK.")
    var tif: TimeInForce = .day

    @Flag(help: "Wait until the order is filled, cancelled or rejected.")
    var wait = false

    @Flag(help: "Allow orders on a live (real-money) account, as allow_live = true in the configuration does.")
    var allowLive = false

    @Flag(help: "Send even when the reference quote is not LIVE (stale, delayed, frozen, no data). Bypasses only the quote-freshness check, never the quantity, notional or price-band limits.")
    var acceptStaleQuote = false

    @Flag(help: "Write JSON Lines instead of text (see above).")
    var json = false

    @OptionGroup var market: ContractOptions

    @Flag(help: "With the Client Portal: answer yes to every question the gateway asks before placing the order (IB's reply messages). Without it each question is asked on the terminal (y/N), and a run without a terminal refuses.")
    var yes = false

    @OptionGroup var gateway: GatewayOptions

    @OptionGroup(title: "Client Portal (REST instead of the socket)")
    var portal: PortalOptions

    @OptionGroup var configFile: ConfigOptions

    /// Exit status when the guard refuses the order (nothing was sent).
    static let refusedExitCode: Int32 = 2

    func validate() throws {
        for word in quantityAndSymbol where word.hasPrefix("-") && FixedDecimal(text: Array(word.utf8)) == nil {
            throw ValidationError("Unknown option '\(word)'.")
        }
        guard quantityAndSymbol.count == 2 else {
            throw ValidationError("Give the quantity, then the symbol, e.g. `ibterm order \(Self.word(side)) 100 AAPL`.")
        }
        try Self.validateSymbol(symbol)
    }

    /// Refuses what cannot be a ticker (the dashboard's rule: a letter, then letters, digits,
    /// `.`, `-` or `/`, at most 24 characters) before anything is sent.
    static func validateSymbol(_ symbol: String) throws {
        guard Watchlist.isValidSymbol(symbol) else {
            let shown = symbol.count > 24 ? String(symbol.prefix(24)) + "… (\(symbol.count) characters)" : symbol
            throw ValidationError("\"\(shown)\" is not a ticker symbol: a letter, then letters, digits, '.', '-' or '/', at most 24 characters.")
        }
    }

    /// The quantity as typed.
    var quantity: String { quantityAndSymbol.first ?? "" }
    /// The symbol as the dashboard keeps it (upper case).
    var symbol: String { Watchlist.normalize(quantityAndSymbol.dropFirst().first ?? "") }

    /// The dashboard's ticket for this order: the order type from the prices given, every
    /// field as typed.
    var ticket: OrderTicket {
        let type: OrderType = switch (limit, stop) {
        case (nil, nil): .market
        case (.some, nil): .limit
        case (nil, .some): .stop
        case (.some, .some): .stopLimit
        }
        var ticket = OrderTicket(
            side: side, symbol: symbol, quantityText: quantity, orderType: type,
            limitPriceText: limit ?? "", stopPriceText: stop ?? "", timeInForce: tif)
        if acceptStaleQuote { ticket.overrideQuoteFreshness() }
        return ticket
    }

    func run() async throws {
        let output = CommandOutput(json: json)
        try await runReportingFailures {
            do {
                try await place(output)
            } catch let reported as ReportedFailure {
                throw reported.failure
            } catch {
                // Any other failure (no gateway, a request refused) ends JSON output too.
                let words = (error as? CommandFailure)?.description ?? (error as? TWSClientError)?.description ?? "\(error)"
                output.record(OrderEventLine(event: "result", exitCode: (error as? CommandFailure)?.exitCode ?? 1, message: words))
                throw error
            }
        }
    }

    /// A failure whose JSON line was already written.
    struct ReportedFailure: Error {
        var failure: CommandFailure
    }

    private func place(_ output: CommandOutput) async throws {
        let config = try configFile.load()
        var ticket = self.ticket
        // The ticket's own fields first, before connecting: a quantity above the limit or a
        // price that is not a number needs no gateway to be refused.
        if let refusal = Self.fieldRefusal(of: ticket, limits: config.ticketLimits) { throw refuse(refusal, output) }
        if let target = try portal.selected(gateway: gateway, configFile: configFile) {
            return try await placeThroughPortal(ticket, config: config, target: target, output: output)
        }

        let client = try await gateway.connect(command: "order", allowLive: allowLive || config.allowLive)
        let contract = Contract(symbol: symbol, secType: market.secType, exchange: market.exchange, currency: market.currency)
        var facts = config
        facts.allowLive = allowLive || config.allowLive
        let context = await OrderGuardFacts(config: facts, clock: await client.configuration.clock)
            .context(for: symbol, contract: contract, instrumentClass: InstrumentClass(secType: market.secType), client: client, within: gateway.timeLimit)
        let review: OrderReview
        do {
            review = try ticket.review(in: context)
        } catch {
            await client.disconnect()
            throw refuse(error, output)
        }

        // A fresh id from the gateway for every order (reqIds), so an id another client or
        // a rejected order used is never sent again.
        let orderId = try await client.nextValidOrderID()
        let signals = TerminationWatch()
        let handle = try await client.placeOrder(contract, BrokerBridge.wireOrder(review.instruction), orderId: orderId)
        let summary = review.instruction.summary
        output.say("order \(handle.orderId): \(summary) (notional ≈ \(review.estimatedNotional.formatted(fractionDigits: 2, groupingThousands: true))) sent")
        output.record(OrderEventLine(event: "sent", orderId: handle.orderId, order: summary, message: "notional ≈ \(review.estimatedNotional.formatted(fractionDigits: 2))"))
        let follower = OrderFollower(orderId: handle.orderId, symbol: symbol, wait: wait, timeLimit: gateway.timeLimit, output: output)
        let outcome = await follower.follow(handle, signals: signals)
        await client.disconnect()
        try finish(handle.orderId, outcome, output)
    }

    /// The refusal of the ticket's own fields (symbol, quantity, prices as text, the maximum
    /// quantity), checked without market facts, or `nil` when they pass.
    static func fieldRefusal(of ticket: OrderTicket, limits: TicketLimits) -> TicketRefusal? {
        var ticket = ticket
        // Nothing here may refuse for want of a market: the minimum tick is checked once the
        // contract is known, the notional and the quote once they are read.
        ticket.overrideQuoteFreshness()
        let context = TicketContext(
            quote: nil, quoteFreshness: .noData, connection: .connected, accountKind: .paper, netLiquidation: nil,
            minimumTick: 0, limits: limits)
        do {
            try ticket.review(in: context)
            return nil
        } catch {
            return fieldCodes.contains(error.code) ? error : nil
        }
    }

    /// The ticket's refusals that concern its fields alone.
    static let fieldCodes: Set<TicketRefusal.Code> = [
        .symbolMissing, .quantityNotNumeric, .quantityNotWhole, .quantityNotPositive, .quantityAboveMaximum,
        .priceMissing, .priceNotNumeric, .priceNotPositive, .priceOffTick, .stopLimitInconsistent,
    ]

    /// The refusal in words for the command line: the ticket's sentence, with what the command
    /// line offers besides (the override flag; the other side for a negative quantity).
    func sentence(for refusal: TicketRefusal) -> String {
        switch refusal.code {
        case .quantityNotPositive where quantity.hasPrefix("-"):
            let other = Self.word(side == .buy ? .sell : .buy)
            return "Quantity must be a whole number above zero; for a \(other) use `ibterm order \(other) \(quantity.dropFirst()) \(symbol)`."
        case .quoteNotLive:
            return Self.adding("--accept-stale-quote overrides this check only", to: refusal.message)
        case .liveAccountNotAllowed:
            return Self.adding("or pass --allow-live", to: refusal.message)
        default:
            return refusal.message
        }
    }

    /// `sentence` with `remark` in parentheses before its full stop.
    static func adding(_ remark: String, to sentence: String) -> String {
        let stem = sentence.hasSuffix(".") ? String(sentence.dropLast()) : sentence
        return "\(stem) (\(remark))."
    }

    /// Reports `refusal` and returns the failure that ends the command with exit status 2.
    func refuse(_ refusal: TicketRefusal, _ output: CommandOutput) -> ReportedFailure {
        let words = sentence(for: refusal)
        output.record(OrderEventLine(
            event: "refused", refused: .init(limit: refusal.code.rawValue, field: refusal.field.rawValue, message: words),
            exitCode: Self.refusedExitCode, message: "nothing was sent"))
        return ReportedFailure(failure: CommandFailure("order refused, nothing sent: \(words)", exitCode: Self.refusedExitCode))
    }

    /// Reports the outcome; throws the failure for every outcome but success.
    func finish(_ orderId: Int, _ outcome: OrderFollower.Outcome, _ output: CommandOutput) throws {
        let (last, code, words): (OrderStatusUpdate?, Int32, String) = switch outcome {
        case let .working(status):
            (status, 0, "order \(orderId) is working at the gateway (\(status.status)); cancel it with `ibterm cancel \(orderId)`")
        case let .filled(status):
            (status, 0, "order \(orderId) filled\(status.map { ": \($0.filled) @ \(formatPrice($0.avgFillPrice))" } ?? "")")
        case let .cancelled(reason):
            (nil, 1, "order \(orderId) was cancelled\(reason.map { ": \($0)" } ?? "")")
        case let .rejected(reason):
            (nil, 1, "order \(orderId) was rejected: \(reason)")
        case let .connectionLost(reason):
            (nil, 1, "\(reason); order \(orderId) may still be working at the gateway: see `ibterm orders`, cancel it with `ibterm cancel \(orderId)`")
        case .noAnswer:
            (nil, 1, "the gateway did not answer for order \(orderId) within \(gateway.timeout) s; it may be working: see `ibterm orders`, cancel it with `ibterm cancel \(orderId)`")
        case let .interrupted(signal, status):
            (status, signal == "SIGTERM" ? 143 : 130, Self.stillWorking(orderId, status))
        }
        output.record(OrderEventLine(
            event: "result", orderId: orderId, status: last?.status.description, filled: last?.filled.description,
            remaining: last?.remaining.description, avgPrice: last.flatMap { $0.filled > .zero ? $0.avgFillPrice : nil },
            exitCode: code, message: words))
        guard code != 0 else { return output.say(words) }
        throw ReportedFailure(failure: CommandFailure(words, exitCode: code))
    }

    /// What Ctrl-C leaves behind, in words.
    static func stillWorking(_ orderId: Int, _ status: OrderStatusUpdate?) -> String {
        let state = status.map { " (\($0.status), \($0.filled) filled, \($0.remaining) remaining)" } ?? ""
        return "interrupted: order \(orderId) is still working at the gateway\(state); cancel it with `ibterm cancel \(orderId)`"
    }

    /// `buy` or `sell`, as typed on the command line.
    static func word(_ side: OrderSide) -> String { side.rawValue.lowercased() }
}

extension OrderSide: ExpressibleByArgument {
    /// Reads `buy` or `sell` (either case).
    public init?(argument: String) {
        self.init(rawValue: argument.uppercased())
    }

    /// `buy` and `sell`, as the help shows them.
    public static var allValueStrings: [String] { allCases.map { $0.rawValue.lowercased() } }
}
