import Vocabulary

/// Closing and reversing positions: `x` and `r` in the positions pane, `:flatten SYM` and
/// `:flatten all`. Every closing order goes through the ticket's review and guard.
extension DashboardState {
    /// `x` / `r` in the positions pane.
    mutating func closeSelectedPosition(reverse: Bool) -> [DashboardEffect] {
        guard interface.focusedPane == .positions, let index = selectedIndex(in: .positions) else {
            note(.nothingToDo, "No position selected",
                 "Select a position in the positions pane to \(reverse ? "reverse" : "close") it.")
            return []
        }
        return closePosition(positionRows[index].symbol, reverse: reverse)
    }

    /// Opens the ticket, in review, on the order that closes (or reverses) the position in
    /// `symbol`.
    mutating func closePosition(_ symbol: String, reverse: Bool = false) -> [DashboardEffect] {
        let symbol = Watchlist.normalize(symbol)
        switch closingTicket(for: symbol, reverse: reverse) {
        case .success(let ticket):
            return openReviewedTicket(ticket)
        case .failure(let refusal):
            note(.nothingToDo, "No position in \(symbol) to \(reverse ? "reverse" : "close")", refusal.message)
            return []
        }
    }

    /// The ticket that closes the position in `symbol` (twice its size when `reverse`): the
    /// opposite side, a market order (a flatten is meant to get out; a limit at the touch misses
    /// as soon as the market moves), with the touch (the bid to sell, the ask to buy) prefilled
    /// as the limit, so `l` in the ticket makes it a limit at the touch.
    func closingTicket(for symbol: String, reverse: Bool) -> Result<OrderTicket, TicketRefusal> {
        guard let held = positions[symbol]?.holding.quantity, held != 0 else {
            return .failure(TicketRefusal(.quantityNotPositive, field: .quantity, "There is no open position in \(symbol)."))
        }
        guard let size = held.magnitude.wholeValue else {
            return .failure(TicketRefusal(.quantityNotWhole, field: .quantity,
                "The position in \(symbol) is \(held), not a whole number of shares; close it in TWS."))
        }
        let side: OrderSide = held > 0 ? .sell : .buy
        let quote = quotes.tracked(symbol)?.quote
        let touch = side == .sell ? quote?.bid : quote?.ask
        var ticket = OrderTicket(side: side, symbol: symbol, quantityText: "\(reverse ? size * 2 : size)", orderType: .market)
        if let touch, touch > 0, let price = FixedDecimal(checkedRounding: touch) {
            ticket.limitPriceText = price.formatted(fractionDigits: 2)
        }
        return .success(ticket)
    }

    /// `:flatten all`: one review listing the closing order of every open position, sent
    /// together on confirmation; positions the ticket refuses are listed with why.
    mutating func requestFlattenAll() -> [DashboardEffect] {
        let symbols = positions.values.filter { $0.holding.quantity != 0 }.map(\.symbol).sorted()
        guard !symbols.isEmpty else {
            note(.nothingToDo, "No positions", "There are no open positions to flatten.")
            return []
        }
        if let refusal = placementRefusal {
            note(.orderRefused, "Not flattened: \(refusal.field.rawValue)", refusal.message)
            return []
        }
        var entries: [FlattenBatch.Entry] = []
        for symbol in symbols {
            switch closingTicket(for: symbol, reverse: false) {
            case .success(var ticket):
                do {
                    try ticket.review(in: ticketContext(for: symbol))
                    entries.append(FlattenBatch.Entry(ticket: ticket))
                } catch {
                    entries.append(FlattenBatch.Entry(ticket: ticket, refusal: error))
                }
            case .failure(let refusal):
                entries.append(FlattenBatch.Entry(ticket: OrderTicket(side: .sell, symbol: symbol), refusal: refusal))
            }
        }
        setOverlay(.confirm(.flattenAll(FlattenBatch(entries: entries))))
        return []
    }

    /// Sends every reviewed order of `batch` that still passes the ticket at send time, each
    /// under a new order id.
    mutating func sendFlatten(_ batch: FlattenBatch) -> [DashboardEffect] {
        var effects: [DashboardEffect] = []
        var sent = 0
        for entry in batch.entries where entry.refusal == nil {
            if let refusal = placementRefusal {
                note(.orderRefused, "Not flattened: \(refusal.field.rawValue)", refusal.message)
                break
            }
            guard let orderID = nextOrderID else { break }
            var ticket = entry.ticket
            let instruction: OrderInstruction
            do {
                instruction = try ticket.send(in: ticketContext(for: ticket.symbol))
            } catch {
                note(.orderRefused, "Not flattened: \(ticket.symbol)", error.message,
                     action: "Close it with x in the positions pane after fixing the \(error.field.rawValue).")
                continue
            }
            nextOrderID = orderID + 1
            orders[orderID] = TrackedOrder(orderID: orderID, instruction: instruction, at: now)
            orders[orderID]?.ownerClientID = connection.clientID
            effects += [.placeOrder(orderID: orderID, instruction), .journal(.orderSent(instruction, orderID: orderID, at: now))]
            sent += 1
        }
        let refused = batch.entries.count - sent
        note(.orderSent, "Flatten: \(sent) order\(sent == 1 ? "" : "s") sent",
             refused == 0 ? "Every open position has a closing order at the gateway."
                 : "\(refused) position\(refused == 1 ? " was" : "s were") not closed; the log says why.")
        changed = true
        return effects
    }
}
