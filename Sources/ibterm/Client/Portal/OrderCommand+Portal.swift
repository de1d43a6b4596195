#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Dashboard
import Foundation
import PortalAPI
import PortalClient
import Synchronization
import Vocabulary

extension OrderCommand {
    /// Places the order through IB's Client Portal: the same ticket guard as on the socket
    /// (account kind and `allow_live`, limits, price band, quote freshness), its facts read over
    /// REST (`/iserver/accounts`, the summary's net liquidation, the position, a snapshot through
    /// pre-flight), then IB's reply flow: every question the gateway asks is printed in words
    /// and answered yes with `--yes`, else asked on the terminal (y/N); a run without a terminal
    /// declines it and says to pass `--yes`.
    ///
    /// A snapshot is polled, never streaming, so its quote is never LIVE: the guard refuses it
    /// unless `--accept-stale-quote` is given.
    func placeThroughPortal(_ ticket: Dashboard.OrderTicket, config: DashboardConfig, target: PortalLink.Target, output: CommandOutput) async throws {
        try await PortalLink.with(target, timeout: gateway.timeLimit) { link in
            let client = link.client
            let found = try await client.search(symbol, secType: market.secType)
            guard let conid = found.first(where: { $0.symbol.uppercased() == symbol }).flatMap({ Int($0.conid) }) else {
                throw CommandFailure("the Client Portal knows no \(market.secType) contract \(symbol)")
            }
            let context = try await portalContext(link, conid: conid, config: config)
            let review: OrderReview
            switch Self.reviewing(ticket, in: context) {
            case let .success(reviewed):
                review = reviewed
            case let .failure(refusal) where refusal.code == .quoteNotLive:
                let polled = TicketRefusal(
                    .quoteNotLive, field: refusal.field,
                    "Reference quote for \(symbol) is a polled Client Portal snapshot\(context.quoteFreshness == .polled ? "" : " (\(context.quoteFreshness.badge))"), never LIVE; override explicitly to continue.")
                throw refuse(polled, output)
            case let .failure(refusal):
                throw refuse(refusal, output)
            }

            let instruction = review.instruction
            let portalTicket = Self.portalTicket(instruction, conid: conid, account: link.account)
            let noTerminal = NoTerminalMark()
            let answerYes = yes
            let outcome = try await client.place([portalTicket], account: link.account) { question in
                let words = question.message.joined(separator: " ").split(whereSeparator: \.isWhitespace).joined(separator: " ")
                let kinds = question.messageIds.joined(separator: ", ")
                output.say("the gateway asks before placing (\(kinds)): \(words)")
                output.record(OrderEventLine(event: "question", code: nil, order: instruction.summary, message: "\(kinds): \(words)"))
                if answerYes {
                    output.say("answered yes (--yes)")
                    return true
                }
                guard isatty(STDIN_FILENO) != 0 else {
                    noTerminal.set()
                    return false
                }
                return await Self.askYesNo("Place the order anyway? [y/N] ")
            }
            let summary = instruction.summary
            switch outcome {
            case let .declined(question):
                let kinds = question.messageIds.joined(separator: ", ")
                let words = noTerminal.isSet
                    ? "the Client Portal asks before placing this order (\(kinds)), and this run has no terminal to ask you: rerun with --yes to answer the gateway's questions yes; nothing was placed"
                    : "question \(kinds) answered no; the order was not placed"
                output.record(OrderEventLine(event: "result", exitCode: Self.refusedExitCode, message: words))
                throw ReportedFailure(failure: CommandFailure(words, exitCode: Self.refusedExitCode))
            case let .placed(acknowledgements, _):
                guard let first = acknowledgements.first, let orderId = Int(first.order_id) else {
                    throw CommandFailure("the Client Portal placed the order but named no order id")
                }
                output.say("order \(orderId): \(summary) (notional ≈ \(review.estimatedNotional.formatted(fractionDigits: 2, groupingThousands: true)), through the Client Portal) sent")
                output.record(OrderEventLine(event: "sent", orderId: orderId, order: summary, message: "notional ≈ \(review.estimatedNotional.formatted(fractionDigits: 2))"))
                var order = LiveOrderState(status: first.order_status, filled: nil, remaining: nil, avgPrice: nil)
                if wait { order = try await waitUntilDone(orderId, client: client, last: order) }
                try finishPortal(orderId, order, target: target, output: output)
            }
        }
    }

    /// The ticket's review as a value.
    static func reviewing(_ ticket: Dashboard.OrderTicket, in context: TicketContext) -> Result<OrderReview, TicketRefusal> {
        var ticket = ticket
        do {
            return .success(try ticket.review(in: context))
        } catch {
            return .failure(error)
        }
    }

    /// Set once, from a question's answer.
    final class NoTerminalMark: Sendable {
        private let value = Mutex(false)
        func set() { value.withLock { $0 = true } }
        var isSet: Bool { value.withLock { $0 } }
    }

    /// What the portal last said of a placed order.
    struct LiveOrderState {
        var status: String
        var filled: String?
        var remaining: String?
        var avgPrice: Double?

        var isDone: Bool { OrdersCommand.doneStatuses.contains(status) }
    }

    /// Reads `/iserver/account/orders` (IB: once per 5 s) until the order is done or the time
    /// limit passed.
    private func waitUntilDone(_ orderId: Int, client: PortalClient, last: LiveOrderState) async throws -> LiveOrderState {
        var state = last
        let deadline = ContinuousClock.now + gateway.timeLimit
        // Read at least once, for the fill's quantity and price when it filled at once.
        while !state.isDone || state.filled == nil, ContinuousClock.now < deadline {
            guard let live = try? await client.liveOrders(), let order = live.orders.first(where: { $0.orderId == orderId }) else { break }
            state = LiveOrderState(
                status: order.status, filled: PortalLink.quantity(order.filledQuantity), remaining: PortalLink.quantity(order.remainingQuantity),
                avgPrice: order.avgPrice.flatMap(Double.init))
            if !state.isDone { try await Task.sleep(for: .seconds(1)) }
        }
        return state
    }

    /// Reports the placed order's state; throws for a cancelled or rejected order.
    private func finishPortal(_ orderId: Int, _ state: LiveOrderState, target: PortalLink.Target, output: CommandOutput) throws {
        let cancel = "`ibterm cancel \(orderId) --portal \(target.address)`"
        let (code, words): (Int32, String) = switch state.status {
        case "Filled": (0, "order \(orderId) filled\(state.filled.map { ": \($0) @ \(formatPrice(state.avgPrice))" } ?? "")")
        case "Cancelled", "ApiCancelled": (1, "order \(orderId) was cancelled")
        case "Inactive": (1, "order \(orderId) was rejected (Inactive)")
        default:
            wait
                ? (1, "order \(orderId) is still working at the gateway (\(state.status)) after \(gateway.timeout) s; cancel it with \(cancel)")
                : (0, "order \(orderId) is working at the gateway (\(state.status)); cancel it with \(cancel)")
        }
        output.record(OrderEventLine(
            event: "result", orderId: orderId, status: state.status, filled: state.filled, remaining: state.remaining, avgPrice: state.avgPrice,
            exitCode: code, message: words))
        guard code != 0 else { return output.say(words) }
        throw ReportedFailure(failure: CommandFailure(words, exitCode: code))
    }

    /// The ticket's facts read over the portal, as the dashboard's ticket checks them.
    private func portalContext(_ link: PortalLink, conid: Int, config: DashboardConfig) async throws -> TicketContext {
        let client = link.client
        let summary = try await client.summary(account: link.account)
        let positions = try await client.positions(account: link.account)
        let snapshot = try await client.snapshot(conids: [conid]).first
        var quote = WatchedQuote(symbol: symbol)
        quote.values.bid = snapshot?[PortalMarketFields.bid].flatMap(Double.init)
        quote.values.ask = snapshot?[PortalMarketFields.ask].flatMap(Double.init)
        quote.values.last = snapshot?[PortalMarketFields.last].flatMap(Double.init)
        quote.values.close = snapshot?[PortalMarketFields.close].flatMap(Double.init)
        let position = positions.first { $0.conid == conid }.flatMap { FixedDecimal(checkedRounding: $0.position) } ?? 0
        return TicketContext(
            quote: quote, quoteFreshness: Self.freshness(of: snapshot), connection: .connected, accountKind: AccountKind(accountID: link.account),
            allowLive: allowLive || config.allowLive,
            netLiquidation: summary[AccountSummaryKey.netLiquidation].flatMap { FixedDecimal(checkedRounding: $0.amount) },
            position: position, limits: config.ticketLimits)
    }

    /// A polled snapshot's freshness: never live; delayed, frozen or not entitled as its
    /// availability (field 6509) says, no data without prices, else polled.
    static func freshness(of snapshot: MarketDataSnapshot?) -> Freshness {
        guard let snapshot, !snapshot.isPreflight, snapshot[PortalMarketFields.bid] != nil || snapshot[PortalMarketFields.last] != nil else {
            return snapshot?[PortalMarketFields.availability]?.first == "N" ? .noEntitlement : .noData
        }
        switch snapshot[PortalMarketFields.availability]?.first {
        case "D", "Y": return .delayed
        case "Z": return .frozen
        case "N": return .noEntitlement
        default: return .polled
        }
    }

    /// The reviewed order as the portal's ticket.
    static func portalTicket(_ instruction: OrderInstruction, conid: Int, account: String) -> PortalOrderTicket {
        let (type, price, aux) = PortalOrderTicket.fields(
            instruction.orderType, limit: instruction.limitPrice?.doubleValue, stop: instruction.stopPrice?.doubleValue)
        return PortalOrderTicket(
            acctId: account, conid: conid, cOID: "ibterm-\(UUID().uuidString.prefix(8))", orderType: type, price: price, auxPrice: aux,
            side: instruction.side.rawValue, referrer: "ibterm", tif: instruction.timeInForce.rawValue, quantity: Double(instruction.quantity))
    }

    /// Asks `prompt` on the terminal (stderr) and reads the answer off the cooperative pool:
    /// `y` or `yes` is yes, anything else no.
    static func askYesNo(_ prompt: String) async -> Bool {
        FileHandle.standardError.write(Data(prompt.utf8))
        let line = await withCheckedContinuation { (continuation: CheckedContinuation<String?, Never>) in
            DispatchQueue.global().async { continuation.resume(returning: readLine()) }
        }
        let answer = (line ?? "").trimmingCharacters(in: .whitespaces).lowercased()
        return answer == "y" || answer == "yes"
    }
}
