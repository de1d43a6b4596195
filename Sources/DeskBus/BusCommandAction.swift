import Dashboard
import Vocabulary

/// What a dashboard asks the bridge to do: the order effects of the ticket, with the same
/// values as ``DashboardEffect`` carries, and a quote subscription.
///
/// Order ids come from the gateway's `nextValidId`, which the bridge forwards; a dashboard uses
/// them as for a gateway of its own. Two dashboards that take the same id get the gateway's
/// refusal (IB 103, duplicate order id) for the second, which comes back as a notice.
public enum BusCommandAction: Sendable, Hashable, Codable {
    /// Place an order under `orderID` (IB `placeOrder`).
    case placeOrder(orderID: Int, OrderInstruction)
    /// Place a group (a bracket, an OCA pair) in this order on the same connection.
    case placeOrderGroup([NumberedOrder])
    /// Modify a working order: place it again under its own id.
    case modifyOrder(orderID: Int, OrderInstruction)
    /// Cancel one order (IB `cancelOrder`).
    case cancel(orderID: Int)
    /// Cancel every open order of the account (IB `reqGlobalCancel`).
    case cancelAll
    /// Stream quotes for `symbol` (IB `reqMktData`), for every dashboard of the desk.
    case subscribeQuotes(symbol: String)
    /// IB's what-if check of an order the ticket reviews (`placeOrder` with `whatIf`): the
    /// margin and commission it would cost; answered to the asking screen only, under its
    /// review's `serial`. Nothing is placed.
    case whatIf(serial: Int, OrderInstruction)

    /// The action for a dashboard effect the bridge carries out, or `nil` for one a dashboard
    /// does itself or that has no bus form (themes, files, the detail view, a cancel under
    /// another client id).
    public init?(_ effect: DashboardEffect) {
        switch effect {
        case let .placeOrder(orderID, instruction): self = .placeOrder(orderID: orderID, instruction)
        case let .placeOrderGroup(orders): self = .placeOrderGroup(orders)
        case let .modifyOrder(orderID, instruction): self = .modifyOrder(orderID: orderID, instruction)
        case let .cancelOrder(orderID): self = .cancel(orderID: orderID)
        case .cancelAllOrders: self = .cancelAll
        case let .subscribeQuotes(symbol): self = .subscribeQuotes(symbol: symbol)
        case let .requestWhatIf(serial, instruction): self = .whatIf(serial: serial, instruction)
        default: return nil
        }
    }

    /// The order ids the action places, modifies or cancels (empty for a cancel-all and a
    /// subscription).
    public var orderIDs: [Int] {
        switch self {
        case let .placeOrder(orderID, _), let .modifyOrder(orderID, _), let .cancel(orderID): [orderID]
        case let .placeOrderGroup(orders): orders.map(\.orderID)
        case .cancelAll, .subscribeQuotes, .whatIf: []
        }
    }

    /// Whether sending it twice does no harm (a second subscription or a second global cancel
    /// changes nothing), so a bridge that died after starting it may simply send it again.
    /// Orders, modifications and single cancels are never repeated.
    public var isSafeToRepeat: Bool {
        switch self {
        case .cancelAll, .subscribeQuotes, .whatIf: true
        case .placeOrder, .placeOrderGroup, .modifyOrder, .cancel: false
        }
    }
}
