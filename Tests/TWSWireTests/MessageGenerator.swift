@testable import TWSWire
import Vocabulary

/// Random but well-formed messages for round-trip properties.
struct MessageGenerator {
    var rng: SeededGenerator

    mutating func bool() -> Bool { Bool.random(using: &rng) }
    mutating func int(_ range: ClosedRange<Int> = -5...100_000) -> Int { Int.random(in: range, using: &rng) }
    mutating func chance(_ percent: Int) -> Bool { int(0...99) < percent }

    mutating func text(_ maxLength: Int = 12) -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789 .-:/_")
        return String((0..<int(0...maxLength)).map { _ in alphabet[int(0...(alphabet.count - 1))] })
    }

    mutating func word() -> String {
        let text = self.text(8).filter { $0.isLetter }
        return text.isEmpty ? "X" : text
    }

    mutating func double() -> Double {
        switch int(0...5) {
        case 0: return Double(int(-1000...1000))
        case 1: return Double(int(1...10_000_000)) / 100
        case 2: return Double(int(1...99_999)) / 100_000
        case 3: return -Double(int(1...500_000)) / 1000
        case 4: return Double(int(1...9)) * 1e20
        default: return 0
        }
    }

    mutating func optionalDouble() -> Double? { chance(30) ? nil : double() }
    mutating func optionalInt() -> Int? { chance(30) ? nil : int() }
    mutating func quantity() -> FixedDecimal { FixedDecimal(raw: Int64(int(-2_000_000...2_000_000)) * 1_000_000 / Int64([1, 10, 100, 10_000][int(0...3)])) }
    mutating func optionalQuantity() -> FixedDecimal? { chance(20) ? nil : quantity() }

    mutating func contract() -> Contract {
        var c = Contract()
        c.conId = int(0...900_000_000)
        c.symbol = word()
        c.secType = ["STK", "CASH", "FUT", "OPT"][int(0...3)]
        c.lastTradeDateOrContractMonth = chance(50) ? "" : "2025\(int(10...12))"
        c.strike = chance(70) ? 0 : double()
        c.right = ["", "C", "P", "?"][int(0...3)]
        c.multiplier = chance(70) ? "" : String(int(1...100))
        c.exchange = ["SMART", "IDEALPRO", "CME", "NASDAQ"][int(0...3)]
        c.primaryExchange = chance(50) ? "" : "NASDAQ"
        c.currency = "USD"
        c.localSymbol = text(6)
        c.tradingClass = text(4)
        return c
    }

    mutating func order(bag: Bool) -> Order {
        var o = Order(action: bool() ? "BUY" : "SELL", totalQuantity: quantity(), orderType: ["MKT", "LMT", "STP", "STP LMT", "PEG BENCH", "PEG BEST", "PEG MID"][int(0...6)], lmtPrice: optionalDouble(), auxPrice: optionalDouble(), tif: ["DAY", "GTC", ""][int(0...2)], account: text(9))
        o.orderId = int(0...1_000_000)
        o.clientId = int(0...100)
        o.permId = int(0...2_000_000_000)
        o.orderRef = text()
        o.outsideRth = bool()
        o.displaySize = optionalInt()
        o.minQty = optionalInt()
        o.percentOffset = optionalDouble()
        o.discretionaryAmt = chance(50) ? 0 : double()
        o.volatility = optionalDouble()
        o.volatilityType = optionalInt()
        if chance(30) {
            o.deltaNeutralOrderType = chance(50) ? "None" : "LMT"
            o.deltaNeutralConId = int()
            o.deltaNeutralSettlingFirm = text()
            o.deltaNeutralOpenClose = "?"
            o.deltaNeutralShortSale = bool()
            o.deltaNeutralShortSaleSlot = int(0...2)
        }
        o.trailStopPrice = optionalDouble()
        o.trailParamsStopPrice = optionalDouble()
        o.trailingPercent = optionalDouble()
        if chance(30) {
            o.scalePriceIncrement = Double(int(1...100)) / 100
            o.scalePriceAdjustValue = optionalDouble()
            o.scaleAutoReset = bool()
            o.scaleInitFillQty = optionalInt()
        }
        if chance(30) {
            o.hedgeType = "D"
            o.hedgeParam = text()
        }
        if chance(30) {
            o.algoStrategy = "Adaptive"
            o.algoParams = [TagValue(tag: "adaptivePriority", value: "Normal")]
        }
        if o.isPegBench {
            o.referenceContractId = int()
            o.peggedChangeAmount = double()
            o.referenceExchangeId = word()
        }
        if o.isPegBest {
            o.minCompeteSize = optionalInt()
            o.competeAgainstBestOffset = chance(50) ? .infinity : optionalDouble()
        }
        if o.isPegMid || o.isPegBest {
            o.midOffsetAtWhole = optionalDouble()
            o.midOffsetAtHalf = optionalDouble()
        }
        if chance(30) {
            var price = OrderCondition(kind: .price)
            price.value = String(double())
            price.conId = int()
            price.exchange = "SMART"
            price.triggerMethod = int(0...8)
            var execution = OrderCondition(kind: .execution)
            execution.isConjunction = false
            execution.symbol = word()
            var time = OrderCondition(kind: .time)
            time.value = "20251124 09:30:00"
            o.conditions = [price, execution, time]
            o.conditionsIgnoreRth = bool()
            o.conditionsCancelOrder = bool()
        }
        if bag {
            o.orderComboLegPrices = [optionalDouble(), optionalDouble()]
            o.smartComboRoutingParams = [TagValue(tag: "NonGuaranteed", value: "1")]
        }
        o.triggerPrice = optionalDouble()
        o.cashQty = optionalDouble()
        o.usePriceMgmtAlgo = chance(30) ? nil : bool()
        o.duration = optionalInt()
        o.postToAts = optionalInt()
        o.autoCancelParent = bool()
        o.includeOvernight = bool()
        o.manualOrderIndicator = optionalInt()
        o.imbalanceOnly = bool()
        o.submitter = text()
        o.customerAccount = text()
        o.orderMiscOptions = chance(20) ? [TagValue(tag: "a", value: "b")] : []
        return o
    }

    mutating func contractWithLegs(_ bag: Bool) -> Contract {
        var c = contract()
        if bag {
            c.secType = "BAG"
            var leg = ComboLeg()
            leg.conId = int()
            leg.ratio = int(1...3)
            leg.action = "BUY"
            leg.exchange = "SMART"
            c.comboLegs = [leg, leg]
        }
        if chance(20) { c.deltaNeutralContract = DeltaNeutralContract(conId: int(), delta: double(), price: double()) }
        return c
    }

    mutating func serverMessage() -> ServerMessage {
        switch int(0...24) {
        case 0: return .tickPrice(TickPrice(reqId: int(), tickType: TickType(rawValue: int(0...90)), price: optionalDouble(), size: optionalQuantity(), attributes: TickAttributes(mask: int(0...7))))
        case 1: return .tickSize(TickSize(reqId: int(), tickType: TickType(rawValue: int(0...90)), size: optionalQuantity()))
        case 2: return .orderStatus(OrderStatusMessage(orderId: int(), status: word(), filled: quantity(), remaining: quantity(), avgFillPrice: double(), permId: int(), parentId: int(), lastFillPrice: double(), clientId: int(), whyHeld: text(), mktCapPrice: double()))
        case 3: return .error(ErrorMessage(id: int(-1...100), code: int(100...20000), message: text(40) + (chance(20) ? " — Zürich" : ""), advancedOrderRejectJson: chance(50) ? "" : "{\"x\":1}", errorTime: optionalInt()))
        case 4:
            let bag = chance(20)
            var state = OrderState(status: word())
            state.commissionAndFees = optionalDouble()
            state.warningText = text()
            state.suggestedSize = optionalQuantity()
            return .openOrder(OpenOrder(contract: contractWithLegs(bag), order: order(bag: bag), orderState: state))
        case 5: return .accountValue(AccountValue(key: word(), value: text(), currency: "USD", accountName: word()))
        case 6: return .portfolioValue(PortfolioValue(contract: contract(), position: quantity(), marketPrice: double(), marketValue: double(), averageCost: double(), unrealizedPNL: optionalDouble(), realizedPNL: optionalDouble(), accountName: word()))
        case 7: return .nextValidId(NextValidID(orderId: int()))
        case 8:
            var details = ContractDetails()
            details.contract = contract()
            details.minTick = double()
            details.longName = text(20) + (chance(30) ? " Société" : "")
            details.secIdList = [TagValue(tag: "ISIN", value: text())]
            details.minSize = optionalQuantity()
            details.evMultiplier = optionalInt()
            details.ineligibilityReasons = chance(30) ? [TagValue(tag: "1", value: text())] : []
            return .contractData(ContractData(reqId: int(), details: details))
        case 9:
            var e = Execution()
            e.orderId = int()
            e.execId = text()
            e.time = "20251124  10:00:00"
            e.side = "BOT"
            e.shares = quantity()
            e.price = double()
            e.cumQty = quantity()
            e.avgPrice = double()
            e.evMultiplier = optionalDouble()
            e.pendingPriceRevision = bool()
            e.submitter = text()
            return .executionData(ExecutionData(reqId: int(-1...100), contract: contract(), execution: e))
        case 10: return .managedAccounts(ManagedAccounts(accounts: (0..<int(1...3)).map { _ in word() }))
        case 11: return .historicalData(HistoricalData(reqId: int(), startDate: text(), endDate: text(), bars: (0..<int(0...3)).map { _ in Bar(date: text(), open: double(), high: double(), low: double(), close: double(), volume: optionalQuantity(), wap: optionalDouble(), barCount: int()) }))
        case 12: return .tickString(TickString(reqId: int(), tickType: .lastTimestamp, value: text()))
        case 13: return .tickGeneric(TickGeneric(reqId: int(), tickType: .halted, value: double()))
        case 14: return [.contractDataEnd(reqId: int()), .executionDataEnd(reqId: int()), .accountSummaryEnd(reqId: int()), .openOrderEnd, .positionEnd, .completedOrdersEnd][int(0...5)]
        case 15: return .commissionReport(CommissionReport(execId: text(), commission: double(), currency: "USD", realizedPNL: optionalDouble(), yield: optionalDouble(), yieldRedemptionDate: optionalInt()))
        case 16: return .position(PositionData(account: word(), contract: contract(), position: quantity(), avgCost: double()))
        case 17: return .accountSummary(AccountSummary(reqId: int(), account: word(), tag: word(), value: text(), currency: "USD"))
        case 18: return .pnl(PnL(reqId: int(), dailyPnL: optionalDouble(), unrealizedPnL: optionalDouble(), realizedPnL: optionalDouble()))
        case 19: return .pnlSingle(PnLSingle(reqId: int(), position: optionalQuantity(), dailyPnL: optionalDouble(), unrealizedPnL: optionalDouble(), realizedPnL: optionalDouble(), value: optionalDouble()))
        case 20:
            let bag = chance(20)
            var state = OrderState(status: "Filled")
            state.completedTime = text()
            state.completedStatus = text()
            var o = order(bag: bag)
            o.orderId = 0
            o.clientId = 0
            o.filledQuantity = optionalQuantity()
            return .completedOrder(CompletedOrder(contract: contractWithLegs(bag), order: o, orderState: state))
        case 21: return .symbolSamples(SymbolSamples(reqId: int(), matches: [SymbolSamples.Match(contract: contract(), derivativeSecTypes: ["OPT", "CFD"], description: text())]))
        case 22: return .marketDepthL2(MarketDepthL2(reqId: int(), position: int(0...10), marketMaker: word(), operation: int(0...2), side: int(0...1), price: double(), size: optionalQuantity(), isSmartDepth: bool()))
        case 23: return .historicalDataUpdate(HistoricalDataUpdate(reqId: int(), bar: Bar(date: text(), open: double(), high: double(), low: double(), close: double(), volume: optionalQuantity(), wap: optionalDouble(), barCount: int())))
        default: return .unknown(id: int(200...300), fields: [text(), text()])
        }
    }

    mutating func clientMessage() -> ClientMessage {
        switch int(0...14) {
        case 0: return .requestMarketData(RequestMarketData(reqId: int(), contract: contractWithLegs(chance(20)), genericTickList: chance(50) ? "" : "233,236", snapshot: bool(), regulatorySnapshot: bool()))
        case 1:
            let bag = chance(20)
            var o = order(bag: bag)
            o.sharesAllocation = ""
            return .placeOrder(PlaceOrder(contract: contractWithLegs(bag), order: o))
        case 2: return .cancelOrder(CancelOrder(orderId: int(), manualOrderCancelTime: text(), extOperator: text(), manualOrderIndicator: optionalInt()))
        case 3:
            var filter = ExecutionFilter()
            filter.clientId = int()
            filter.symbol = word()
            filter.lastNDays = optionalInt()
            filter.specificDates = [20251124]
            return .requestExecutions(RequestExecutions(reqId: int(), filter: filter))
        case 4:
            var c = contract()
            c.includeExpired = bool()
            c.secIdType = "ISIN"
            c.issuerId = text()
            return .requestContractDetails(RequestContractDetails(reqId: int(), contract: c))
        case 5: return .requestHistoricalData(RequestHistoricalData(reqId: int(), contract: contractWithLegs(chance(20)), endDateTime: text(), barSizeSetting: "1 min", durationString: "1 D", useRTH: int(0...1), whatToShow: "TRADES", formatDate: int(1...2), keepUpToDate: bool()))
        case 6: return .requestAccountUpdates(RequestAccountUpdates(subscribe: bool(), account: word()))
        case 7: return .requestAccountSummary(RequestAccountSummary(reqId: int(), groupName: "All", tags: "NetLiquidation,BuyingPower"))
        case 8: return .requestPnLSingle(RequestPnLSingle(reqId: int(), account: word(), modelCode: text(), conId: int()))
        case 9: return .requestGlobalCancel(RequestGlobalCancel(extOperator: text(), manualOrderIndicator: optionalInt()))
        case 10: return .startAPI(clientId: int(), optionalCapabilities: text())
        case 11: return [.requestOpenOrders, .requestPositions, .requestCurrentTime, .requestAllOpenOrders, .cancelPositions, .requestManagedAccounts, .requestCurrentTimeInMillis][int(0...6)]
        case 12: return [.cancelMarketData(reqId: int()), .cancelPnL(reqId: int()), .cancelHistoricalData(reqId: int()), .requestIDs(numIds: int()), .requestMarketDataType(int(1...4)), .requestCompletedOrders(apiOnly: bool()), .requestAutoOpenOrders(autoBind: bool())][int(0...6)]
        case 13: return .requestAccountUpdatesMulti(RequestAccountUpdatesMulti(reqId: int(), account: word(), modelCode: "", ledgerAndNLV: bool()))
        default: return .requestPnL(RequestPnL(reqId: int(), account: word(), modelCode: text()))
        }
    }
}
