import TWSWire
import Vocabulary

/// How the ``ScriptedServer`` answers requests, following the protocol doc's section 5.
extension ScriptedServer {
    func answers(to message: ClientMessage) -> [ServerMessage] {
        state.withLock { Self.answer(message, book: &$0.book) }
    }

    private static func answer(_ message: ClientMessage, book: inout Book) -> [ServerMessage] {
        switch message {
        case .startAPI:
            return [
                .managedAccounts(ManagedAccounts(accounts: book.accounts)),
                .nextValidId(NextValidID(orderId: book.nextValidID)),
                .error(ErrorMessage(id: -1, code: 2104, message: "Market data farm connection is OK:usfarm")),
                .error(ErrorMessage(id: -1, code: 2106, message: "HMDS data farm connection is OK:ushmds")),
                .error(ErrorMessage(id: -1, code: 2158, message: "Sec-def data farm connection is OK:secdefil")),
            ]
        case .requestCurrentTime:
            return [.currentTime(CurrentTime(time: 1_760_000_000))]
        case .requestMarketData(let request):
            return quoteAnswer(request, book: book)
        case .requestOpenOrders, .requestAllOpenOrders:
            var out: [ServerMessage] = []
            for (id, (contract, order)) in book.openOrders.sorted(by: { $0.key < $1.key }) {
                if book.unreadableOpenOrders {
                    out.append(.unknown(id: 5, fields: ["\(id)", "0", contract.symbol]))
                    out.append(.unknown(id: 3, fields: ["\(id)", "Submitted", "lots"]))
                    continue
                }
                out.append(.openOrder(OpenOrder(contract: contract, order: order, orderState: OrderState(status: "Submitted"))))
                out.append(.orderStatus(status(id, "Submitted", filled: 0, remaining: order.totalQuantity ?? .zero, price: 0)))
            }
            return out + [.openOrderEnd]
        case .requestExecutions(let request):
            var out: [ServerMessage] = []
            for var execution in book.executions {
                execution.reqId = request.reqId
                out.append(.executionData(execution))
                if let commission = book.commissions.first(where: { $0.execId == execution.execution.execId }) {
                    out.append(.commissionReport(commission))
                }
            }
            return out + [.executionDataEnd(reqId: request.reqId)]
        case .requestIDs:
            return [.nextValidId(NextValidID(orderId: book.nextValidID))]
        case .requestCompletedOrders:
            return book.completedOrders.map { .completedOrder($0) } + [.completedOrdersEnd]
        case .requestPositions:
            return book.positions.map { .position($0) } + [.positionEnd]
        case .requestContractDetails(let request):
            guard let details = book.contracts[request.contract.symbol] else {
                return [.error(ErrorMessage(id: request.reqId, code: 200, message: "No security definition has been found for the request"))]
            }
            return [.contractData(ContractData(reqId: request.reqId, details: details)), .contractDataEnd(reqId: request.reqId)]
        case .placeOrder(let place):
            return orderAnswer(place, book: &book)
        case .cancelOrder(let cancel):
            guard let (_, order) = book.openOrders.removeValue(forKey: cancel.orderId) else {
                return [.error(ErrorMessage(id: cancel.orderId, code: 10147, message: "OrderId \(cancel.orderId) that needs to be cancelled is not found."))]
            }
            return [
                .orderStatus(status(cancel.orderId, "Cancelled", filled: 0, remaining: order.totalQuantity ?? .zero, price: 0)),
                .error(ErrorMessage(id: cancel.orderId, code: 202, message: "Order Canceled - reason:")),
            ]
        default:
            return []
        }
    }

    private static func quoteAnswer(_ request: RequestMarketData, book: Book) -> [ServerMessage] {
        let symbol = request.contract.symbol
        if let error = book.quoteErrors[symbol] {
            return [.error(ErrorMessage(id: request.reqId, code: error.code, message: error.text))]
        }
        var out: [ServerMessage] = [.marketDataType(MarketDataTypeMessage(reqId: request.reqId, marketDataType: 1))]
        guard let quote = book.quotes[symbol] else { return out }
        let id = request.reqId
        out += [
            .tickPrice(TickPrice(reqId: id, tickType: .bid, price: quote.bid, size: FixedDecimal(100))),
            .tickSize(TickSize(reqId: id, tickType: .bidSize, size: FixedDecimal(100))),
            .tickPrice(TickPrice(reqId: id, tickType: .ask, price: quote.ask, size: FixedDecimal(200))),
            .tickSize(TickSize(reqId: id, tickType: .askSize, size: FixedDecimal(200))),
            .tickPrice(TickPrice(reqId: id, tickType: .last, price: quote.last, size: FixedDecimal(5))),
            .tickSize(TickSize(reqId: id, tickType: .volume, size: FixedDecimal(quote.volume))),
            .tickString(TickString(reqId: id, tickType: .lastTimestamp, value: "1760000000")),
        ]
        return out
    }

    private static func orderAnswer(_ place: PlaceOrder, book: inout Book) -> [ServerMessage] {
        let order = place.order
        let id = order.orderId
        book.nextValidID = max(book.nextValidID, id + 1)
        let quantity = order.totalQuantity ?? .zero
        var out: [ServerMessage] = [
            .openOrder(OpenOrder(contract: place.contract, order: order, orderState: OrderState(status: "PreSubmitted"))),
            .orderStatus(status(id, "PreSubmitted", filled: 0, remaining: quantity, price: 0)),
        ]
        guard order.orderType == "MKT", book.fillMarketOrders else {
            book.openOrders[id] = (place.contract, order)
            out.append(.orderStatus(status(id, "Submitted", filled: 0, remaining: quantity, price: 0)))
            return out
        }
        out.append(.orderStatus(status(id, "Submitted", filled: 0, remaining: quantity, price: 0)))
        let price = book.quotes[place.contract.symbol]?.ask ?? 100
        let whole = quantity.wholeValue ?? 0
        let fills = whole >= 200 ? [whole / 2, whole - whole / 2] : [whole]
        var cumulative = 0
        for shares in fills {
            cumulative += shares
            var execution = Execution()
            execution.orderId = id
            execution.execId = "0000e0d5.\(String(book.nextExec, radix: 16)).01.01"
            book.nextExec += 1
            execution.time = "20250415  19:38:31"
            execution.acctNumber = book.accounts.first ?? ""
            execution.exchange = "IEX"
            execution.side = order.action == "BUY" ? "BOT" : "SLD"
            execution.shares = FixedDecimal(shares)
            execution.price = price
            execution.permId = 600_745_000 + id
            execution.cumQty = FixedDecimal(cumulative)
            execution.avgPrice = price
            execution.lastLiquidity = 2
            let data = ExecutionData(reqId: -1, contract: place.contract, execution: execution)
            let commission = CommissionReport(execId: execution.execId, commission: 1.0, currency: "USD", realizedPNL: nil)
            book.executions.append(data)
            book.commissions.append(commission)
            let remaining = whole - cumulative
            out.append(.executionData(data))
            out.append(.orderStatus(status(
                id, remaining == 0 ? "Filled" : "Submitted", filled: cumulative, remaining: FixedDecimal(remaining), price: price
            )))
            out.append(.commissionReport(commission))
        }
        return out
    }

    private static func status(_ id: Int, _ status: String, filled: Int, remaining: FixedDecimal, price: Double) -> OrderStatusMessage {
        OrderStatusMessage(
            orderId: id, status: status, filled: FixedDecimal(filled), remaining: remaining, avgFillPrice: price,
            permId: 600_745_000 + id, lastFillPrice: price, clientId: 0
        )
    }
}
