import Dashboard
import TWSClient

/// The account's orders beyond this run's own: followed from `start()`, and cancels of other
/// client ids' orders (see `AccountOrdersFollower`).
extension BrokerBridge {
    /// Starts following every open, completed and executed order of the account.
    func followAccountOrders() async {
        let tasks = await AccountOrdersFollower(client: client, store: store, logger: logger).start()
        state.withLock { $0.streams.append(contentsOf: tasks) }
    }

    /// Cancels an order another client id placed, under that client id.
    func cancelAsOwner(orderID: Int, ownerClientID: Int) {
        let follower = AccountOrdersFollower(client: client, store: store, logger: logger)
        Task { await follower.cancelAsOwner(orderID: orderID, ownerClientID: ownerClientID) }
    }
}
