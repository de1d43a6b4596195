import Dashboard
import TWSClient

/// The account's orders beyond this run's own: followed from `start()`, and cancels of other
/// client ids' orders (see `AccountOrdersFollower`).
extension BrokerBridge {
    /// Starts following every open, completed and executed order of the account.
    func followAccountOrders() async {
        let follower = AccountOrdersFollower(client: client, store: store, logger: logger)
        let tasks = await follower.start()
        state.withLock {
            $0.streams.append(contentsOf: tasks)
            $0.follower = follower
        }
    }

    /// Reads the account's open orders now (after a modification, so that the new values show
    /// without waiting for the next poll).
    func refreshAccountOrders() async {
        await state.withLock { $0.follower }?.refresh(everything: false)
    }

    /// Cancels an order another client id placed, under that client id.
    func cancelAsOwner(orderID: Int, ownerClientID: Int) {
        let follower = AccountOrdersFollower(client: client, store: store, logger: logger)
        Task { await follower.cancelAsOwner(orderID: orderID, ownerClientID: ownerClientID) }
    }
}
