import PortalAPI
import PortalClient

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

    /// `body`'s answer or its error.
    static func result<T>(_ body: () async throws(PortalClientError) -> T) async -> Result<T, PortalClientError> {
        do {
            return .success(try await body())
        } catch {
            return .failure(error)
        }
    }
}
