import PaperExchange
import TWSWire
import Vocabulary

extension GatewayEngine {
    /// placeOrder with `whatIf` set: nothing trades and nothing enters the ledger. As IB, the
    /// answer is one OPEN_ORDER whose order state carries the margin and commission the order
    /// would cost: equity with loan, initial and maintenance margin before, after and their
    /// change, and the commission with its minimum and maximum.
    ///
    /// The figures come from the pure exchange itself: the order is run as a market order on a
    /// copy of it (the margin as if it filled at the current market, which is what IB's
    /// what-if reports for any order type), and the copy is thrown away.
    func answerWhatIf(_ message: PlaceOrder, request: OrderRequest, session: ClientSession) {
        guard let instrument = universe.resolve(message.contract.query) else {
            report([.rejected(.rejected(request.orderId, reason: "No security definition has been found for the request"))], requester: session)
            return
        }
        let before = exchange.summary()
        var trial = exchange
        var asMarket = request
        asMarket.orderType = .market
        asMarket.lmtPrice = nil
        asMarket.auxPrice = nil
        asMarket.tif = .day
        let outcomes = trial.place(asMarket, at: now)
        let after = trial.summary()
        var commission: FixedDecimal?
        for outcome in outcomes {
            switch outcome {
            case let .filled(fill), let .partiallyFilled(fill):
                commission = (commission ?? .zero) + fill.commission.commission
            case let .rejected(rejection):
                logger.info("what-if order \(request.orderId) from client \(request.clientId) refused: \(rejection.code) \(rejection.text)")
                report([.rejected(rejection)], requester: session)
                return
            default:
                break
            }
        }
        var state = OrderState(status: "PreSubmitted")
        state.equityWithLoanBefore = before.equityWithLoanValue.description
        state.initMarginBefore = before.initMarginReq.description
        state.maintMarginBefore = before.maintMarginReq.description
        state.equityWithLoanAfter = after.equityWithLoanValue.description
        state.initMarginAfter = after.initMarginReq.description
        state.maintMarginAfter = after.maintMarginReq.description
        state.equityWithLoanChange = (after.equityWithLoanValue - before.equityWithLoanValue).description
        state.initMarginChange = (after.initMarginReq - before.initMarginReq).description
        state.maintMarginChange = (after.maintMarginReq - before.maintMarginReq).description
        state.commissionAndFees = commission?.doubleValue
        state.minCommissionAndFees = commission?.doubleValue
        state.maxCommissionAndFees = commission?.doubleValue
        state.commissionAndFeesCurrency = "USD"
        state.marginCurrency = "USD"
        if commission == nil { state.warningText = "No fill could be simulated at the current market; margins are unchanged" }
        var order = message.order
        order.clientId = request.clientId
        order.account = configuration.accountId
        logger.info("what-if order \(request.orderId) from client \(request.clientId): \(request.action.rawValue) \(request.totalQuantity) \(message.contract.symbol): init margin \(before.initMarginReq) -> \(after.initMarginReq), commission \(commission?.description ?? "none"); nothing placed")
        session.send(.openOrder(OpenOrder(contract: instrument.wireContract, order: order, orderState: state)))
    }
}
