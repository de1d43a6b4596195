import PortalAPI
import PortalClient
import Vocabulary

extension CancelCommand {
    /// Cancels order `orderId` through the Client Portal (`DELETE
    /// /iserver/account/{acct}/order/{id}`), then reads `/iserver/account/orders` once to say
    /// whether it is cancelled. The portal's web session may cancel any order of the account,
    /// whichever client placed it. An order the portal does not know is "not open" (exit 2).
    static func portalCancel(_ orderId: Int, target: PortalLink.Target, timeout: Duration) async throws -> Outcome {
        try await PortalLink.with(target, timeout: timeout) { link in
            let answer: PortalCancelAnswer
            switch await Self.result({ () async throws(PortalClientError) in try await link.client.cancel(orderId: orderId, account: link.account) }) {
            case let .success(answered):
                answer = answered
            case let .failure(error):
                guard case let .http(status, message) = error, status == 404 || status == 400 else { throw error }
                return Outcome(
                    orderId: orderId, clientId: nil, outcome: status == 404 ? "notOpen" : "notCancellable", code: status, exitCode: notOpenExitCode,
                    message: "order \(orderId) is not an open order at the Client Portal: \(message); nothing to cancel; `ibterm orders` lists the open ones")
            }
            let live = try? await link.client.liveOrders()
            let status = live?.orders.first { $0.orderId == orderId }?.status
            if status == "Cancelled" || status == "ApiCancelled" {
                return Outcome(orderId: orderId, clientId: nil, outcome: "cancelled", exitCode: 0, message: "order \(orderId) cancelled")
            }
            return Outcome(
                orderId: orderId, clientId: nil, outcome: "cancelled", exitCode: 0,
                message: "cancel of order \(orderId) submitted (\(answer.msg))\(status.map { "; it is \($0) for now" } ?? ""); `ibterm orders` shows when it is gone")
        }
    }

    /// `ibterm cancel --all` through the Client Portal: every working order of the account
    /// (`/iserver/account/orders`) is cancelled one by one (the portal has no global cancel),
    /// then the orders are read until none of them works, within `timeout` (IB allows the read
    /// once per 5 s; the link waits out its 429s).
    static func portalCancelAll(target: PortalLink.Target, timeout: Duration, output: CommandOutput) async throws -> AllOutcome {
        try await PortalLink.with(target, timeout: timeout) { link in
            let working = try await link.client.liveOrders().orders.filter { OrderStatus(ibText: $0.status).isWorking }
            guard !working.isEmpty else {
                return AllOutcome(outcome: "nothingToCancel", orders: [], stillOpen: [], exitCode: 0, message: "No open orders; nothing to cancel.")
            }
            var refused: [Int: String] = [:]
            for order in working {
                switch await Self.result({ () async throws(PortalClientError) in try await link.client.cancel(orderId: order.orderId, account: link.account) }) {
                case .success: break
                case let .failure(error): refused[order.orderId] = error.description
                }
            }
            let ids = Set(working.map(\.orderId))
            var statuses: [Int: String] = [:]
            var stillOpen = ids
            let deadline = ContinuousClock.now + timeout
            repeat {
                let live = try await link.client.liveOrders().orders
                for order in live where ids.contains(order.orderId) { statuses[order.orderId] = order.status }
                stillOpen = ids.filter { statuses[$0].map { OrderStatus(ibText: $0).isWorking } ?? false }
                if stillOpen.isEmpty || ContinuousClock.now >= deadline { break }
                try await Task.sleep(for: .milliseconds(500))
            } while true
            let rows = working.map { order in
                AllOutcome.Row(
                    orderId: order.orderId, clientId: nil,
                    status: refused[order.orderId].map { "not cancelled: \($0)" } ?? statuses[order.orderId] ?? "no longer listed")
            }
            for row in rows { output.say("order \(row.orderId): \(row.status)") }
            return AllOutcome.ended(rows, asked: ids, stillOpen: stillOpen, where: "at the Client Portal")
        }
    }

    /// `body`'s answer or its error.
    static func result<T>(_ body: () async throws(PortalClientError) -> T) async -> Result<T, PortalClientError> {
        do {
            return .success(try await body())
        } catch {
            return .failure(error)
        }
    }
}
