import Dashboard

/// How a command ended, as the bridge publishes it and keeps it in the done-hash.
public indirect enum BusCommandResult: Sendable, Hashable, Codable {
    /// Sent to the gateway: the order ids it placed, modified or cancelled (empty for a
    /// cancel-all or a subscription). The orders' fate then arrives as order events.
    case accepted(orderIDs: [Int])
    /// Sent to the gateway under other order ids than the dashboard chose: another screen of
    /// the desk had taken `requested` a moment before, so the bridge numbered the orders from
    /// the gateway's next free id (`orderIDs`, in the same order). The dashboard moves its
    /// orders to the new ids.
    case renumbered(requested: [Int], orderIDs: [Int])
    /// The gateway's answer to a what-if check (``BusCommandAction/whatIf(serial:_:)``).
    case whatIf(WhatIfStatus)
    /// Not sent, or the gateway refused it: the reason in words.
    case refused(reason: String)
    /// The command had already finished (a repeated delivery after a restart, or the same key
    /// sent twice): its stored result, published again.
    case alreadyDone(BusCommandResult)

    /// The result itself, without ``alreadyDone(_:)``'s wrapping.
    public var original: BusCommandResult {
        if case let .alreadyDone(result) = self { return result.original }
        return self
    }
}
