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
        logger.info("cancelling order \(orderID) as client \(ownerClientID)")
        let outcome = await OrderCancellation.cancel(
            orderID, asOwner: ownerClientID, host: address.host, port: address.port,
            configuration: configuration, logger: Logger(label: "tws.client.owner"), within: .seconds(5))
        switch outcome {
        case let .ownerNotAccepted(error):
            store.send(.cancelRefused(orderID: orderID, reason:
                "IB did not accept a connection as client \(ownerClientID), which placed the order (\(error.description)). Client \(ownerClientID) is probably connected: cancel it there, or press C to cancel every open order."))
            return
        case let .notSent(error):
            store.send(.cancelRefused(orderID: orderID, reason: "the cancel could not be sent as client \(ownerClientID): \(error.description)"))
        case let .answered(answer?) where answer.meaning == .cancelled:
            store.send(.notice(Notice(requestID: orderID, code: 202, text: answer.message)))
        case let .answered(answer?):
            store.send(.cancelRefused(orderID: orderID, reason: "IB answered \(answer.code) to client \(ownerClientID): \(answer.message)"))
        case .answered(nil):
            logger.info("no answer to the cancel of order \(orderID) as client \(ownerClientID) within 5 s")
        }
        await refresh(everything: true)
    }
}
