/// The trader's intents: navigation, overlays, the watchlist, cancels and quitting.
extension DashboardState {
    mutating func handle(_ intent: UserIntent) -> [DashboardEffect] {
        // Once sent, the ticket closes on the next key: its order is never edited or sent again.
        if interface.overlay == .ticket, case .sent = ticket?.ticket.phase {
            changed = true
            return closeTicket()
        }
        switch intent {
        case .submit: return submit()
        case .back: return back()
        case .insertText(let text): return insertText(text)
        case .deleteBackward: return deleteBackward()
        case .toggleHelp: return toggleHelp()
        case .runCommand(let line): return runCommand(line)
        case .addSymbol(let symbol): return addToWatchlist(symbol)
        case .moveSelection(let move): return moveSelection(move)
        case .setDetailRange(let range): return setDetailRange(range)
        case .toggleDetailChartStyle: return toggleDetailChartStyle()
        case .focusTicketField, .setOrderType, .setTimeInForce, .overrideQuoteFreshness, .setTicketAttachment:
            return editTicket(intent)
        case .recallCommand, .completeCommand: return editCommandLine(intent)
        default:
            break
        }
        // The rest act on the panes, so only when nothing is on top.
        guard interface.overlay == .none else { return [] }
        switch intent {
        case .nextPane: focus(interface.focusedPane.next)
        case .previousPane: focus(interface.focusedPane.previous)
        case .focus(let pane): focus(pane)
        case .selectRow(let pane, let index):
            focus(pane)
            let count = rowCount(in: pane)
            if count > 0 { select(min(max(0, index), count - 1), in: pane) }
        case .openTicket(let side): return openTicket(side)
        case .cancelSelectedOrder: return cancelSelectedOrder()
        case .modifySelectedOrder: return modifySelectedOrder()
        case .acknowledgeAlerts: return acknowledgeAlerts()
        case .switchToDelayedData: return switchSelectedToDelayed()
        case .beginSearch: return beginSearch()
        case let .keyOfAnotherPane(key, does, pane):
            note(.nothingToDo, "\(key) (\(does)) works in the \(pane.rawValue) pane",
                 "\(key) acts in the \(pane.rawValue) pane: \(does). Move there with Tab or the arrows.")
        case .closeSelectedPosition: return closeSelectedPosition(reverse: false)
        case .reverseSelectedPosition: return closeSelectedPosition(reverse: true)
        case .cancelAllOrders: return requestCancelAll()
        case .beginAddSymbol: setOverlay(.addSymbol(""))
        case .removeSelectedSymbol:
            guard interface.focusedPane == .watchlist, let index = selectedIndex(in: .watchlist) else {
                note(.nothingToDo, "No symbol selected", "Select a symbol in the watchlist to remove it.")
                return []
            }
            return removeFromWatchlist(watchlistOrder[index])
        case .moveSelectedSymbol(let up): moveSelectedSymbol(up: up)
        case .cycleSort: return cycleSort()
        case .stepWatchlist(let offset): return stepWatchlist(by: offset)
        case .showWatchlist(let index): return switchWatchlist(to: index)
        case .openCommandLine: setOverlay(.commandLine(""))
        case .quit: return requestQuit()
        case .retryConnection: return retryConnection()
        case .replay(let control): return controlReplay(control)
        default: break
        }
        return []
    }

    mutating func setOverlay(_ overlay: Overlay) {
        interface.overlay = overlay
        changed = true
    }

    /// Closes the top overlay, returning to the ticket if one is open underneath.
    mutating func closeOverlay() {
        setOverlay(ticket == nil ? .none : .ticket)
    }

    /// Focuses `pane` and anchors its selection to the row shown selected, so that rows
    /// arriving later do not slide another order or symbol under the cursor.
    mutating func focus(_ pane: Pane) {
        interface.focusedPane = pane
        if interface.anchors[pane] == nil, let index = selectedIndex(in: pane) { select(index, in: pane) }
        changed = true
    }

    mutating func moveSelection(_ move: SelectionMove) -> [DashboardEffect] {
        switch interface.overlay {
        case .search:
            moveSearchSelection(move)
        case .ticket:
            guard var editor = ticket else { return [] }
            switch move {
            case .up: editor.moveFocus(by: -1)
            case .down: editor.moveFocus(by: 1)
            case .top: editor.focusedField = .quantity
            case .bottom: editor.focusedField = editor.applicableFields.last ?? .quantity
            }
            ticket = editor
            changed = true
        case .none:
            let pane = interface.focusedPane
            let count = rowCount(in: pane)
            guard count > 0 else { return [] }
            let current = selectedIndex(in: pane) ?? 0
            let target = switch move {
            case .up: max(0, current - 1)
            case .down: min(count - 1, current + 1)
            case .top: 0
            case .bottom: count - 1
            }
            select(target, in: pane)
        default:
            break
        }
        return []
    }

    mutating func moveSelectedSymbol(up: Bool) {
        guard interface.focusedPane == .watchlist, let index = selectedIndex(in: .watchlist) else { return }
        if let sort = watchlistSort {
            note(.nothingToDo, "Watchlist is sorted", "The watchlist is sorted by \(sort.label); ':sort none' shows its own order, which can be rearranged.")
            return
        }
        let moved = up ? watchlist.moveUp(at: index) : watchlist.moveDown(at: index)
        guard let moved else { return }
        select(moved, in: .watchlist)
    }

    mutating func toggleHelp() -> [DashboardEffect] {
        switch interface.overlay {
        case .help: closeOverlay()
        case .confirm, .commandLine, .addSymbol: break
        default: setOverlay(.help)
        }
        return []
    }

    mutating func insertText(_ text: String) -> [DashboardEffect] {
        switch interface.overlay {
        case .search(var search):
            search.query += text
            return searchQueryChanged(search)
        case .commandLine(let line): setOverlay(.commandLine(line + text))
        case .addSymbol(let line): setOverlay(.addSymbol(line + text))
        case .ticket:
            guard var editor = ticket else { return [] }
            editor.type(text)
            ticket = editor
            changed = true
        default: break
        }
        return []
    }

    mutating func deleteBackward() -> [DashboardEffect] {
        switch interface.overlay {
        case .search(var search):
            if search.query.isEmpty { closeOverlay(); return [] }
            search.query.removeLast()
            return searchQueryChanged(search)
        case .commandLine(let line):
            if line.isEmpty { closeOverlay() } else { setOverlay(.commandLine(String(line.dropLast()))) }
        case .addSymbol(let line): setOverlay(.addSymbol(String(line.dropLast())))
        case .ticket:
            guard var editor = ticket else { return [] }
            editor.deleteBackward()
            ticket = editor
            changed = true
        default: break
        }
        return []
    }

    mutating func submit() -> [DashboardEffect] {
        switch interface.overlay {
        case .none: return interface.focusedPane == .watchlist ? openDetail() : []
        case .detail: return []
        case .help, .explanation: closeOverlay(); return []
        case .search(let search): return chooseSearchResult(search)
        case .commandLine(let line): closeOverlay(); return recordCommand(line) + runCommand(line)
        case .addSymbol(let text): closeOverlay(); return addToWatchlist(text)
        case .confirm(let question): closeOverlay(); return confirm(question)
        case .ticket: return submitTicket()
        }
    }

    mutating func back() -> [DashboardEffect] {
        switch interface.overlay {
        case .none: return []
        case .detail: return closeDetail()
        case .ticket: return backOutOfTicket()
        case .confirm(.portalQuestion(let question)):
            closeOverlay()
            return answerPortalQuestion(question, confirmed: false)
        default: closeOverlay()
        }
        return []
    }

    mutating func confirm(_ question: Confirmation) -> [DashboardEffect] {
        switch question {
        case .cancelAllOrders:
            let working = workingOrders
            for order in working {
                orders[order.orderID]?.cancelRequested = true
                orders[order.orderID]?.recordStatus(order.status, note: "Cancel requested (cancel all)", at: now)
            }
            note(.cancelRequested, "Cancel all sent",
                 "A cancel was sent for every open order (\(working.count) working here).")
            return [.cancelAllOrders]
        case .quitWithWorkingOrders:
            isQuitting = true
            changed = true
            return [.quit]
        case .flattenAll(let batch):
            return sendFlatten(batch)
        case .deleteWatchlist(let name, _):
            return deleteWatchlist(named: name)
        case .portalQuestion(let question):
            return answerPortalQuestion(question, confirmed: true)
        }
    }

    mutating func cancelSelectedOrder() -> [DashboardEffect] {
        guard interface.focusedPane == .orders, let order = selectedOrder else {
            note(.nothingToDo, "No order selected", "Select an order in the orders pane to cancel it.")
            return []
        }
        if let reason = config.ordersRefusal {
            note(.nothingToDo, "No cancel sent", reason, requestID: order.orderID)
            return []
        }
        guard order.isWorking else {
            note(.nothingToDo, "Order \(order.orderID) is not working",
                 "Order \(order.orderID) (\(order.summary)) is \(order.status.rawValue); there is nothing to cancel.",
                 requestID: order.orderID)
            return []
        }
        if ordersGoThroughPortal {
            orders[order.orderID]?.cancelRequested = true
            orders[order.orderID]?.recordStatus(order.status, note: "Cancel requested through the Client Portal", at: now)
            note(.cancelRequested, "Cancel requested for order \(order.orderID) through the Client Portal",
                 "The socket link is down: the cancel for \(order.summary) goes through the Client Portal, which cancels any order of the account. It may still fill until the portal lists it Cancelled.",
                 requestID: order.orderID)
            return [.cancelOrderOnPortal(orderID: order.orderID)]
        }
        guard order.isThisClient else { return cancelOtherClientsOrder(order) }
        orders[order.orderID]?.cancelRequested = true
        orders[order.orderID]?.recordStatus(order.status, note: "Cancel requested", at: now)
        note(.cancelRequested, "Cancel requested for order \(order.orderID)",
             "A cancel was sent for \(order.summary). It may still fill until IB confirms the cancel.",
             requestID: order.orderID)
        return [.cancelOrder(orderID: order.orderID)]
    }

    /// IB lets a client cancel only orders placed under its own client id (`cancelOrder`), so
    /// an order of another API client is cancelled under the owner's client id over a short
    /// connection of its own; an order without a known owner (placed in TWS, or listed only
    /// as completed) cannot be cancelled from here, and the log says so.
    mutating func cancelOtherClientsOrder(_ order: TrackedOrder) -> [DashboardEffect] {
        guard let owner = order.ownerClientID, owner != 0, order.orderID > 0 else {
            note(.cancelRefused, "Order \(order.orderID) cannot be cancelled here",
                 "IB lets an API client cancel only orders placed under its own client id; \(order.summary) was placed in TWS or by a client IB did not name.",
                 action: "Cancel it where it was placed, or press C: cancel all cancels every open order of the account.",
                 requestID: order.orderID)
            return []
        }
        orders[order.orderID]?.cancelRequested = true
        orders[order.orderID]?.recordStatus(order.status, note: "Cancel requested as client \(owner)", at: now)
        note(.cancelRequested, "Cancel requested for order \(order.orderID) of client \(owner)",
             "\(order.summary) was placed by client id \(owner), and IB lets only that client id cancel it: ibterm connects as client \(owner) for a moment to send the cancel. It may still fill until IB confirms the cancel.",
             action: "If client \(owner) is connected right now IB refuses the second connection; cancel it there, or press C.",
             requestID: order.orderID)
        return [.cancelOrderAsOwner(orderID: order.orderID, ownerClientID: owner)]
    }

    mutating func requestCancelAll() -> [DashboardEffect] {
        if let reason = config.ordersRefusal {
            note(.nothingToDo, "No cancel sent", reason)
            return []
        }
        let count = workingOrders.count
        guard count > 0 else {
            note(.nothingToDo, "No working orders", "There are no working orders to cancel.")
            return []
        }
        setOverlay(.confirm(.cancelAllOrders(workingCount: count)))
        return []
    }

    /// `r`: while the link is down, try again now; otherwise say there is nothing to retry.
    mutating func retryConnection() -> [DashboardEffect] {
        guard connection.state == .disconnected else {
            note(.nothingToDo, "Nothing to retry", "The connection to \(connection.gateway) is \(connection.state == .connecting ? "being made" : "up").")
            return []
        }
        connection.nextReconnectAt = nil
        setConnectionState(.connecting)
        return [.retryConnection]
    }

    mutating func requestQuit() -> [DashboardEffect] {
        let count = workingOrders.count
        if count > 0 {
            setOverlay(.confirm(.quitWithWorkingOrders(workingCount: count)))
            return []
        }
        isQuitting = true
        changed = true
        return [.quit]
    }
}
