import Dashboard
import DashboardFeed
import Logging
import TWSClient
import Vocabulary

/// Cancelling an order another client id placed: IB lets only that client id cancel it
/// (docs/DECISIONS.md, "Every order of the account, and who may cancel it").
extension AccountOrdersFollower {
    /// Cancels `orderID`, placed by `ownerClientID`, under that client id: IB lets only the
    /// client id that placed an order cancel it. The connection lasts until IB answered the
    /// cancel (202 cancelled, 10147 not found, 10148 already final) or 5 s passed; the
    /// dashboard then refreshes the account's orders.
    func cancelAsOwner(orderID: Int, ownerClientID: Int) async {
        guard let address = await client.gatewayAddress else {
            store.send(.cancelRefused(orderID: orderID, reason: "ibterm is not connected to a gateway."))
            return
        }
        var configuration = TWSClientConfiguration()
        configuration.retryInitialConnect = false
        configuration.allowLive = await client.configuration.allowLive
        configuration.establishTimeout = .seconds(5)
        let owner = IBClient(configuration: configuration, logger: Logger(label: "tws.client.owner"))
        logger.info("cancelling order \(orderID) as client \(ownerClientID)")
        do {
            try await owner.connect(host: address.host, port: address.port, clientId: ownerClientID)
        } catch {
            store.send(.cancelRefused(orderID: orderID, reason:
                "IB did not accept a connection as client \(ownerClientID), which placed the order (\(error.description)). Client \(ownerClientID) is probably connected: cancel it there, or press C to cancel every open order."))
            return
        }
        let notices = await owner.notices()
        let answer = Task { () -> TWSNotice? in
            for await notice in notices where notice.id == orderID && [202, 10147, 10148].contains(notice.code) {
                return notice
            }
            return nil
        }
        let timeout = Task {
            try? await Task.sleep(for: .seconds(5))
            answer.cancel()
        }
        do {
            try await owner.cancelOrder(orderID)
        } catch {
            answer.cancel()
            store.send(.cancelRefused(orderID: orderID, reason: "the cancel could not be sent as client \(ownerClientID): \(error.description)"))
        }
        let notice = await answer.value
        timeout.cancel()
        await owner.disconnect()
        switch notice?.code {
        case 202?:
            store.send(.notice(Notice(requestID: orderID, code: 202, text: notice?.message ?? "")))
        case let code? where code == 10147 || code == 10148:
            store.send(.cancelRefused(orderID: orderID, reason: "IB answered \(code) to client \(ownerClientID): \(notice?.message ?? "")"))
        default:
            logger.info("no answer to the cancel of order \(orderID) as client \(ownerClientID) within 5 s")
        }
        await refresh(everything: true)
    }
}
