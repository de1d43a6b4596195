/// Running `:` command lines.
extension DashboardState {
    mutating func runCommand(_ line: String) -> [DashboardEffect] {
        changed = true
        let command: DashboardCommand
        switch DashboardCommand.parse(line) {
        case .success(let parsed): command = parsed
        case .failure(let error):
            note(.commandFailed, "Command not run", error.message)
            return []
        }
        switch command {
        case .order(let orderLine):
            do {
                return openReviewedTicket(try OrderTicketCommand.parse(orderLine))
            } catch {
                note(.commandFailed, "Order not understood", error.message)
                return []
            }
        case .explain(let code):
            let entry = MessageCatalog.filledEntry(MessageCatalog.entryOrUnknown(for: code))
            setOverlay(.explanation(entry))
            return []
        case .theme(let name):
            interface.themeName = name
            return [.loadTheme(name: name)]
        case .dump:
            return [.dumpTrace]
        case .add(let symbol):
            return addToWatchlist(symbol)
        case .remove(let symbol):
            return removeFromWatchlist(symbol)
        case .cancel(let id):
            guard let order = orders[id] else {
                note(.nothingToDo, "No order \(id)", "There is no order with id \(id).")
                return []
            }
            interface.focusedPane = .orders
            select(orderList.firstIndex { $0.orderID == order.orderID } ?? 0, in: .orders)
            return cancelSelectedOrder()
        case .cancelAll:
            return requestCancelAll()
        case let .modify(orderID, field, value):
            return openModification(of: orderID, edit: field.flatMap { field in value.map { (field, $0) } })
        case .alert(let rule):
            return addAlert(rule)
        case .removeAlert(let id):
            return removeAlert(id)
        case .alerts:
            return listAlerts()
        case .acknowledgeAlerts:
            return acknowledgeAlerts()
        case .flatten(let symbol):
            guard let symbol else { return requestFlattenAll() }
            return closePosition(symbol)
        case .sort(let sort):
            setSort(sort)
            return []
        case .watchlist(let command):
            return runWatchlistCommand(command)
        case .help:
            setOverlay(.help)
            return []
        case .quit:
            return requestQuit()
        }
    }
}
