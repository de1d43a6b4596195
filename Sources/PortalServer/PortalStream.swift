import Foundation
import HummingbirdWebSocket
import Logging
import PaperGateway
import PortalAPI
import Synchronization

/// One client's Client Portal websocket (`/v1/api/ws`): it greets (`system`, `sts`), reads
/// the client's topics (``PortalStreamCommand``) and, every ``pushInterval``, sends what
/// changed: market data of each `smd` conid (only the fields that changed, as IB), the live
/// orders that changed (`sor`), the account's P&L when it changed (`spl`), and a heartbeat
/// every ``heartbeatInterval``. One task writes, so messages never interleave.
struct PortalStream: Sendable {
    let backend: PortalBackend
    let state: PortalState
    let faults: PortalFaults
    let logger: Logger

    /// How often changes are looked for and sent.
    static let pushInterval: Duration = .milliseconds(250)
    /// How often a heartbeat goes out.
    static let heartbeatInterval: Duration = .seconds(10)
    /// The most conids one websocket streams at once.
    static let maximumMarketDataLines = 100
    /// The largest message read from a client.
    static let maximumMessageBytes = 16 * 1024

    private struct Subscriptions {
        var marketData: [Int: (fields: [String], sent: [String: String])] = [:]
        var orders = false
        var sentOrders: [Int: LiveOrder] = [:]
        var pnl = false
        var sentPnL: PortalStreamMessage.PnLRow?
        var outbox: [String] = []
    }

    /// One connection's subscriptions, shared by its reader and its writer.
    private final class Box: Sendable {
        private let state = Mutex(Subscriptions())
        func withLock<T>(_ body: (inout Subscriptions) -> T) -> T { state.withLock { body(&$0) } }
    }

    func run(inbound: WebSocketInboundStream, outbound: WebSocketOutboundWriter) async throws {
        let subscriptions = Box()
        let status = await state.authStatus()
        try await outbound.write(.text(Self.encode(PortalStreamMessage.System.greeting(user: "paper"))))
        try await outbound.write(.text(Self.encode(PortalStreamMessage.Status(
            authenticated: status.authenticated, competing: status.competing, username: "paper"))))
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await push(subscriptions, outbound: outbound) }
            for try await message in inbound.messages(maxSize: Self.maximumMessageBytes) {
                guard case let .text(text) = message else { continue }
                await read(PortalStreamCommand(text: text), into: subscriptions)
            }
            group.cancelAll()
        }
    }

    private func read(_ command: PortalStreamCommand, into subscriptions: Box) async {
        switch command {
        case let .subscribeMarketData(conid, fields):
            let known = (try? await backend.symbol(conid: conid)) != nil
            subscriptions.withLock { subs in
                guard known else {
                    subs.outbox.append(Self.encode(PortalStreamMessage.Error(error: "smd+\(conid): no contract with this conid")))
                    return
                }
                guard subs.marketData[conid] != nil || subs.marketData.count < Self.maximumMarketDataLines else {
                    subs.outbox.append(Self.encode(PortalStreamMessage.Error(
                        error: "smd+\(conid): at most \(Self.maximumMarketDataLines) conids stream at once; send umd for one first")))
                    return
                }
                subs.marketData[conid] = (fields, [:])
            }
        case let .unsubscribeMarketData(conid):
            subscriptions.withLock { _ = $0.marketData.removeValue(forKey: conid) }
        case .subscribeOrders:
            subscriptions.withLock { $0.orders = true; $0.sentOrders = [:] }
        case .unsubscribeOrders:
            subscriptions.withLock { $0.orders = false }
        case .subscribePnL:
            subscriptions.withLock { $0.pnl = true; $0.sentPnL = nil }
        case .unsubscribePnL:
            subscriptions.withLock { $0.pnl = false }
        case .tickle:
            _ = await state.tickle()
        case .echo:
            let now = (try? await backend.nowMilliseconds()) ?? 0
            subscriptions.withLock { $0.outbox.append(Self.encode(PortalStreamMessage.System.heartbeat(at: now))) }
        case let .unknown(words):
            subscriptions.withLock { $0.outbox.append(Self.encode(PortalStreamMessage.Error(error: words))) }
        }
    }

    private func push(_ subscriptions: Box, outbound: WebSocketOutboundWriter) async throws {
        var sinceHeartbeat: Duration = .zero
        while !Task.isCancelled {
            try await Task.sleep(for: Self.pushInterval)
            // A portal-down fault ends every websocket.
            if faults.down { throw CancellationError() }
            sinceHeartbeat += Self.pushInterval
            let (lines, orders, pnl) = subscriptions.withLock { ($0.marketData, $0.orders, $0.pnl) }
            var messages: [String] = []
            for (conid, line) in lines.sorted(by: { $0.key < $1.key }) {
                guard let quote = try await backend.quote(conid: conid) else { continue }
                let wanted = line.fields.isEmpty ? quote.values : quote.values.filter { line.fields.contains($0.key) }
                let changed = wanted.filter { line.sent[$0.key] != $0.value }
                guard !changed.isEmpty else { continue }
                var update = MarketDataSnapshot(conid: conid, conidEx: String(conid), updated: quote.updated, serverID: "paper", fields: changed)
                update.topic = "smd+\(conid)"
                messages.append(Self.encode(update))
                subscriptions.withLock { subs in
                    guard subs.marketData[conid] != nil else { return }
                    subs.marketData[conid]?.sent.merge(changed) { $1 }
                }
            }
            if orders {
                let live = try await backend.liveOrders().orders
                let changed = subscriptions.withLock { subs -> [LiveOrder] in
                    let changed = live.filter { subs.sentOrders[$0.orderId] != $0 }
                    for order in changed { subs.sentOrders[order.orderId] = order }
                    return changed
                }
                if !changed.isEmpty { messages.append(Self.encode(PortalStreamMessage.Orders(args: changed))) }
            }
            if pnl {
                let row = try await backend.pnl()
                let changed = subscriptions.withLock { subs -> Bool in
                    defer { subs.sentPnL = row }
                    return subs.sentPnL != row
                }
                if changed { messages.append(Self.encode(PortalStreamMessage.PnL(args: ["\(backend.accountId).Core": row]))) }
            }
            if sinceHeartbeat >= Self.heartbeatInterval {
                sinceHeartbeat = .zero
                messages.append(Self.encode(PortalStreamMessage.System.heartbeat(at: try await backend.nowMilliseconds())))
            }
            messages = subscriptions.withLock { subs in
                defer { subs.outbox.removeAll() }
                return subs.outbox
            } + messages
            for message in messages { try await outbound.write(.text(message)) }
        }
    }

    private static func encode(_ value: some Encodable) -> String {
        (try? PortalAnswer.encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }
}
