import TWSWire
import Vocabulary

/// One readable sample of every server message id TWSWire knows, at server version 200, and
/// the frames that bend it: one field too many, one field too few.
///
/// Shared by the codec's and the client's tests (target TWSWireSamples, test support only).
/// Ids point away from the test's own quote (`request` 9001, order 9002) unless a test wants them.
public enum EveryServerMessage {
    public static let serverVersion = 200

    /// The samples as the decoder reads them back (a few events carry only part of a contract).
    public static func samples(request: Int = 9001, order: Int = 9002) -> [ServerMessage] {
        written(request: request, order: order).map { (try? ServerMessage.decode(payload($0), serverVersion: serverVersion)) ?? $0 }
    }

    private static func written(request: Int, order: Int) -> [ServerMessage] {
        let contract = Contract(symbol: "IBM", secType: "STK", exchange: "SMART", currency: "USD")
        var placed = Order()
        placed.action = "BUY"
        placed.totalQuantity = FixedDecimal(1)
        placed.orderType = "LMT"
        placed.lmtPrice = 1
        placed.tif = "DAY"
        placed.orderId = order
        placed.clientId = 7
        var execution = Execution()
        execution.orderId = order
        execution.execId = "0001.01"
        execution.time = "20251124  10:00:00"
        execution.side = "BOT"
        execution.shares = FixedDecimal(raw: 100_000_000)
        execution.price = 1
        execution.cumQty = FixedDecimal(raw: 100_000_000)
        execution.avgPrice = 1
        var details = ContractDetails()
        details.contract = contract
        details.minTick = 0.01
        var completed = placed
        completed.orderId = 0
        completed.clientId = 0
        var completedState = OrderState(status: "Filled")
        completedState.completedTime = "20251124 10:00:01"
        completedState.completedStatus = "Filled"
        let bar = Bar(date: "20251124", open: 1, high: 2, low: 0.5, close: 1.5, volume: FixedDecimal(raw: 100_000_000), wap: 1.2, barCount: 3)
        return [
            .tickPrice(TickPrice(reqId: request, tickType: TickType(rawValue: 1), price: 1.25, size: FixedDecimal(raw: 100_000_000), attributes: TickAttributes(mask: 0))),
            .tickSize(TickSize(reqId: request, tickType: TickType(rawValue: 0), size: FixedDecimal(raw: 300_000_000))),
            .orderStatus(OrderStatusMessage(orderId: order, status: "Submitted", filled: .zero, remaining: FixedDecimal(raw: 100_000_000), avgFillPrice: 0, permId: 1, parentId: 0, lastFillPrice: 0, clientId: 7, whyHeld: "", mktCapPrice: 0)),
            .error(ErrorMessage(id: -1, code: 2104, message: "Market data farm connection is OK:usfarm", advancedOrderRejectJson: "", errorTime: nil)),
            .openOrder(OpenOrder(contract: contract, order: placed, orderState: OrderState(status: "Submitted"))),
            .accountValue(AccountValue(key: "NetLiquidation", value: "100000", currency: "USD", accountName: "DU1234567")),
            .portfolioValue(PortfolioValue(contract: contract, position: FixedDecimal(raw: 100_000_000), marketPrice: 1, marketValue: 1, averageCost: 1, unrealizedPNL: 0, realizedPNL: 0, accountName: "DU1234567")),
            .accountUpdateTime(AccountUpdateTime(timeStamp: "10:00")),
            .nextValidId(NextValidID(orderId: 5000)),
            .contractData(ContractData(reqId: request, details: details)),
            .executionData(ExecutionData(reqId: request, contract: contract, execution: execution)),
            .marketDepth(MarketDepth(reqId: request, position: 0, operation: 0, side: 1, price: 1, size: FixedDecimal(raw: 100_000_000))),
            .marketDepthL2(MarketDepthL2(reqId: request, position: 0, marketMaker: "NSDQ", operation: 0, side: 1, price: 1, size: FixedDecimal(raw: 100_000_000), isSmartDepth: true)),
            .managedAccounts(ManagedAccounts(accounts: ["DU1234567"])),
            .historicalData(HistoricalData(reqId: request, startDate: "", endDate: "", bars: [bar])),
            .tickGeneric(TickGeneric(reqId: request, tickType: .halted, value: 0)),
            .tickString(TickString(reqId: request, tickType: .lastTimestamp, value: "1764000000")),
            .currentTime(CurrentTime(time: 1_764_000_000)),
            .realTimeBar(RealTimeBar(reqId: request, time: 1_764_000_000, open: 1, high: 2, low: 0.5, close: 1.5, volume: FixedDecimal(300), wap: FixedDecimal(raw: 125_000_000), count: 3)),
            .contractDataEnd(reqId: request),
            .openOrderEnd,
            .accountDownloadEnd(AccountDownloadEnd(account: "DU1234567")),
            .executionDataEnd(reqId: request),
            .tickSnapshotEnd(TickSnapshotEnd(reqId: request)),
            .marketDataType(MarketDataTypeMessage(reqId: request, marketDataType: 1)),
            .commissionReport(CommissionReport(execId: "0001.01", commission: 1, currency: "USD", realizedPNL: nil, yield: nil, yieldRedemptionDate: nil)),
            .position(PositionData(account: "DU1234567", contract: contract, position: FixedDecimal(raw: 100_000_000), avgCost: 1)),
            .positionEnd,
            .accountSummary(AccountSummary(reqId: request, account: "DU1234567", tag: "NetLiquidation", value: "100000", currency: "USD")),
            .accountSummaryEnd(reqId: request),
            .accountUpdateMulti(AccountUpdateMulti(reqId: request, account: "DU1234567", modelCode: "", key: "NetLiquidation", value: "100000", currency: "USD")),
            .accountUpdateMultiEnd(reqId: request),
            .optionParametersEnd(reqId: request),
            .symbolSamples(SymbolSamples(reqId: request, matches: [SymbolSamples.Match(contract: contract, derivativeSecTypes: ["OPT"], description: "IBM")])),
            .tickRequestParameters(TickRequestParameters(reqId: request, minTick: 0.01, bboExchange: "a6", snapshotPermissions: 3)),
            .headTimestamp(HeadTimestamp(reqId: request, headTimestamp: "20050103-14:30:00")),
            .historicalDataUpdate(HistoricalDataUpdate(reqId: request, bar: bar)),
            .marketRule(MarketRule(marketRuleId: 26, increments: [MarketRule.Increment(lowEdge: 0, increment: 0.01)])),
            .pnl(PnL(reqId: request, dailyPnL: 1, unrealizedPnL: 2, realizedPnL: 3)),
            .pnlSingle(PnLSingle(reqId: request, position: FixedDecimal(raw: 100_000_000), dailyPnL: 1, unrealizedPnL: 2, realizedPnL: 3, value: 4)),
            .tickByTick(TickByTick(reqId: request, time: 1_764_000_000, payload: .trade(allLast: false, price: 231.5, size: FixedDecimal(100), mask: 0, exchange: "NASDAQ", specialConditions: ""))),
            .orderBound(OrderBound(permId: 1, clientId: 7, orderId: order)),
            .completedOrder(CompletedOrder(contract: contract, order: completed, orderState: completedState)),
            .completedOrdersEnd,
            .historicalDataEnd(HistoricalDataEnd(reqId: request, startDate: "20251124", endDate: "20251125")),
            .currentTimeInMillis(CurrentTimeInMillis(timeInMillis: 1_764_000_000_000)),
        ]
    }

    /// The sample's payload (fields without the length prefix).
    public static func payload(_ message: ServerMessage) -> [UInt8] {
        Array(message.encoded(serverVersion: serverVersion).dropFirst(4))
    }

    /// The sample with one field more than its layout (`extra`).
    public static func withExtraField(_ message: ServerMessage, _ extra: String = "1") -> [UInt8] {
        FrameEncoder.frame(payload(message) + Array(extra.utf8) + [0])
    }

    /// The sample without its last field, or `nil` when it has no field after the message id
    /// (COMPLETED_ORDERS_END: without it the frame would be empty, which is broken framing).
    public static func withoutLastField(_ message: ServerMessage) -> [UInt8]? {
        let fields = payload(message)
        let terminators = fields.indices.filter { fields[$0] == 0 }
        guard terminators.count >= 2 else { return nil }
        return FrameEncoder.frame(fields[...terminators[terminators.count - 2]])
    }
}
