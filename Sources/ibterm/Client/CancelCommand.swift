import ArgumentParser
import Foundation
import TWSClient
import TWSWire
import Vocabulary

/// `ibterm cancel ID` and `ibterm cancel --all`: cancels orders and says how it went.
struct CancelCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cancel",
        abstract: "Cancel one order by its id, or every open order of the account (--all), and print the outcome.",
        discussion: """
            ibterm cancel ID waits up to --timeout for IB's answer and prints it in words: \
            cancelled, not an open order (unknown, or already filled or cancelled), or refused. \
            IB lets only the client id that placed an order cancel it: for an order of another \
            client id (`ibterm orders` shows it) ibterm connects as that client id for as long as \
            the cancel takes; while that client is connected IB refuses the connection, and the \
            order must be cancelled there (or with --all).

            ibterm cancel --all asks IB to cancel every open order of the account, whichever \
            client placed it (reqGlobalCancel), and waits until none of them is open any more.

            --json prints one JSON object at the end: {"orderId", "clientId", "outcome": \
            "cancelled"|"notOpen"|"notCancellable"|"noAnswer"|"ownerConnected"|"notSent", \
            "code", "exitCode", "message"}; with --all {"outcome": "cancelled"|"nothingToCancel"\
            |"stillOpen", "orders": [{"orderId", "clientId", "status"}], "stillOpen": [ids], \
            "exitCode", "message"}.

            Exit status: 0 cancelled (with --all: none of the open orders is open any more, or \
            there was none); 1 not cancelled: no connection, the owner client id is connected, \
            no answer within --timeout, or orders still open; 2 nothing to cancel: the order is \
            not open (unknown, already filled or cancelled); 64 a usage error.
            """
    )

    @Argument(help: "The order id (as `ibterm orders` lists it).")
    var orderId: Int?

    @Flag(help: "Cancel every open order of the account, of every client id (reqGlobalCancel).")
    var all = false

    @Flag(help: "Print one JSON object instead of text.")
    var json = false

    @OptionGroup var gateway: GatewayOptions

    @OptionGroup(title: "Client Portal (REST instead of the socket)")
    var portal: PortalOptions

    @OptionGroup var configFile: ConfigOptions

    /// Exit status when there was nothing to cancel.
    static let notOpenExitCode: Int32 = 2

    func validate() throws {
        switch (orderId, all) {
        case (nil, false): throw ValidationError("Give the order id to cancel (see `ibterm orders`), or --all.")
        case (.some, true): throw ValidationError("Give an order id or --all, not both.")
        case let (id?, false) where id < 0: throw ValidationError("An order id is zero or more.")
        default: break
        }
    }

    /// The outcome of `ibterm cancel ID` for --json.
    struct Outcome: Encodable {
        var orderId: Int
        var clientId: Int?
        var outcome: String
        var code: Int?
        var exitCode: Int32
        var message: String
    }

    /// The outcome of `ibterm cancel --all` for --json.
    struct AllOutcome: Encodable {
        struct Row: Encodable {
            var orderId: Int
            /// The owner's client id (not in the Client Portal's answer: absent there).
            var clientId: Int?
            var status: String
        }
        var outcome: String
        var orders: [Row]
        var stillOpen: [Int]
        var exitCode: Int32
        var message: String

        /// How a cancel of every order in `asked` ended: all gone, or some `stillOpen`
        /// (`where`: `after 10 s`, `at the Client Portal`).
        static func ended(_ rows: [Row], asked: Set<Int>, stillOpen: Set<Int>, where place: String) -> AllOutcome {
            let gone = asked.count - stillOpen.count
            if stillOpen.isEmpty {
                return AllOutcome(outcome: "cancelled", orders: rows, stillOpen: [], exitCode: 0, message: "\(gone) open order\(gone == 1 ? "" : "s") cancelled or otherwise ended.")
            }
            let listed = stillOpen.sorted().map(String.init).joined(separator: ", ")
            return AllOutcome(
                outcome: "stillOpen", orders: rows, stillOpen: stillOpen.sorted(), exitCode: 1,
                message: "\(stillOpen.count) order\(stillOpen.count == 1 ? " is" : "s are") still open \(place): \(listed)")
        }
    }

    func run() async throws {
        let output = CommandOutput(json: json)
        try await runReportingFailures {
            if let target = try portal.selected(gateway: gateway, configFile: configFile) {
                guard let orderId else {
                    let outcome = try await Self.portalCancelAll(target: target, timeout: gateway.timeLimit, output: output)
                    output.record(outcome)
                    guard outcome.exitCode == 0 else { throw CommandFailure(outcome.message, exitCode: outcome.exitCode) }
                    output.say(outcome.message)
                    return
                }
                let outcome = try await Self.portalCancel(orderId, target: target, timeout: gateway.timeLimit)
                return try report(outcome, output)
            }
            let client = try await gateway.connect(command: "cancel")
            if let orderId {
                let outcome = try await cancel(orderId, on: client, output: output)
                await client.disconnect()
                try report(outcome, output)
            } else {
                let outcome = try await cancelAll(on: client, output: output)
                await client.disconnect()
                output.record(outcome)
                guard outcome.exitCode == 0 else { throw CommandFailure(outcome.message, exitCode: outcome.exitCode) }
                output.say(outcome.message)
            }
        }
    }

    // MARK: One order

    private func cancel(_ orderId: Int, on client: IBClient, output: CommandOutput) async throws -> Outcome {
        let me = await client.clientID ?? gateway.clientId ?? GatewayOptions.defaultClientId
        let listed = try await client.allOpenOrders().filter { $0.order.orderId == orderId }
        let order = listed.first { $0.order.clientId == me } ?? listed.first
        guard let owner = order?.order.clientId, owner != me, let address = await client.gatewayAddress else {
            let answer: CancelAnswer?
            do {
                answer = try await OrderCancellation.cancel(orderId, on: client, within: gateway.timeLimit)
            } catch {
                return Outcome(orderId: orderId, clientId: me, outcome: "notSent", exitCode: 1, message: "the cancel of order \(orderId) could not be sent: \(error.description)")
            }
            return try await outcome(of: answer, orderId: orderId, clientId: me, client: client)
        }
        output.say("order \(orderId) was placed by client id \(owner); IB lets only the client id that placed an order cancel it, so ibterm connects as client \(owner) for the cancel")
        let result = await OrderCancellation.cancel(
            orderId, asOwner: owner, host: address.host, port: address.port,
            configuration: gateway.clientConfiguration(allowLive: false), logger: gateway.clientLogger, within: gateway.timeLimit)
        switch result {
        case let .answered(answer):
            return try await outcome(of: answer, orderId: orderId, clientId: owner, client: client)
        case let .ownerNotAccepted(error):
            return Outcome(
                orderId: orderId, clientId: owner, outcome: "ownerConnected", exitCode: 1,
                message: "order \(orderId) was placed by client id \(owner), and IB lets only that client id cancel it, but IB did not accept a connection as client \(owner) (\(error.description)); it is probably connected: cancel the order there, or cancel every open order with `ibterm cancel --all`")
        case let .notSent(error):
            return Outcome(orderId: orderId, clientId: owner, outcome: "notSent", exitCode: 1, message: "the cancel of order \(orderId) could not be sent as client \(owner): \(error.description)")
        }
    }

    /// IB's answer in words, with what today's executions tell about an order that is not open.
    private func outcome(of answer: CancelAnswer?, orderId: Int, clientId: Int, client: IBClient) async throws -> Outcome {
        guard let answer else {
            return Outcome(
                orderId: orderId, clientId: clientId, outcome: "noAnswer", exitCode: 1,
                message: "the gateway did not answer the cancel of order \(orderId) within \(gateway.timeout) s; see `ibterm orders`")
        }
        switch answer.meaning {
        case .cancelled:
            return Outcome(orderId: orderId, clientId: clientId, outcome: "cancelled", code: answer.code, exitCode: 0, message: "order \(orderId) cancelled")
        case .notCancellable:
            return Outcome(
                orderId: orderId, clientId: clientId, outcome: "notCancellable", code: answer.code, exitCode: Self.notOpenExitCode,
                message: "order \(orderId) is \(Self.state(in: answer.message).map { "already \($0)" } ?? "no longer open"); nothing to cancel (IB \(answer.code): \(answer.message))")
        case .notFound:
            let traded = try await client.executions().filter { $0.execution.orderId == orderId && $0.execution.clientId == clientId }
            let shares = traded.reduce(FixedDecimal.zero) { $0 + $1.execution.shares }
            let fate = traded.isEmpty
                ? "IB knows no open order \(orderId) of client \(clientId): it was never placed, or is already cancelled"
                : "order \(orderId) is no longer open: it traded \(shares) shares today (filled, or cancelled after a partial fill)"
            return Outcome(
                orderId: orderId, clientId: clientId, outcome: "notOpen", code: answer.code, exitCode: Self.notOpenExitCode,
                message: "\(fate); nothing to cancel (IB \(answer.code): \(answer.message)); `ibterm orders` lists the open ones")
        }
    }

    /// The state IB names in a 10148 (`..., state: Filled.`), in lower case.
    static func state(in text: String) -> String? {
        guard let range = text.range(of: "state: ", options: .backwards) else { return nil }
        let word = text[range.upperBound...].prefix { $0.isLetter }
        return word.isEmpty ? nil : word.lowercased()
    }

    private func report(_ outcome: Outcome, _ output: CommandOutput) throws {
        output.record(outcome)
        guard outcome.exitCode == 0 else { throw CommandFailure(outcome.message, exitCode: outcome.exitCode) }
        output.say(outcome.message)
    }

    // MARK: Every order

    private func cancelAll(on client: IBClient, output: CommandOutput) async throws -> AllOutcome {
        let open = try await client.allOpenOrders()
        guard !open.isEmpty else {
            return AllOutcome(outcome: "nothingToCancel", orders: [], stillOpen: [], exitCode: 0, message: "No open orders; nothing to cancel.")
        }
        try await client.cancelAllOrders()
        let ids = Set(open.map(\.order.orderId))
        var stillOpen = ids
        let deadline = ContinuousClock.now + gateway.timeLimit
        while !stillOpen.isEmpty, ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(100))
            stillOpen = ids.intersection(try await client.allOpenOrders().map(\.order.orderId))
        }
        // The status each order ended with (COMPLETED_ORDER names orders by permanent id).
        var statusByPermId: [Int: String] = [:]
        for completed in (try? await client.completedOrders()) ?? [] { statusByPermId[completed.order.permId] = completed.orderState.status }
        let rows = open.map { report in
            AllOutcome.Row(
                orderId: report.order.orderId, clientId: report.order.clientId,
                status: stillOpen.contains(report.order.orderId) ? "still open" : statusByPermId[report.order.permId] ?? "no longer open")
        }
        for row in rows { output.say("order \(row.orderId) (client \(row.clientId.map(String.init) ?? "?")): \(row.status)") }
        return AllOutcome.ended(rows, asked: ids, stillOpen: stillOpen, where: "after \(gateway.timeout) s")
    }
}
