import Foundation
import Testing
import Vocabulary
@testable import Dashboard

private func aaplQuote() -> WatchedQuote {
    var quote = WatchedQuote(symbol: "AAPL")
    quote.bid = 231.38
    quote.ask = 231.42
    quote.last = 231.40
    return quote
}

private func context(
    freshness: Freshness = .live, connection: LinkState = .connected, account: AccountKind = .paper,
    allowLive: Bool = false, netLiquidation: FixedDecimal? = 200_000, position: FixedDecimal = 0,
    limits: TicketLimits = TicketLimits(), quote: WatchedQuote? = aaplQuote()
) -> TicketContext {
    TicketContext(
        quote: quote, quoteFreshness: freshness, connection: connection, accountKind: account,
        allowLive: allowLive, netLiquidation: netLiquidation, position: position, limits: limits)
}

private func limitTicket(_ side: OrderSide = .buy, quantity: String = "100", limit: String = "231.40") -> OrderTicket {
    OrderTicket(side: side, symbol: "AAPL", quantityText: quantity, orderType: .limit, limitPriceText: limit)
}

private func refusal(_ ticket: OrderTicket, _ context: TicketContext) -> TicketRefusal? {
    var copy = ticket
    do {
        try copy.review(in: context)
        return nil
    } catch {
        return error
    }
}

@Suite struct OrderTicketTests {
    @Test func reviewsAndSendsAValidLimitBuyOnce() throws {
        var ticket = limitTicket()
        let review = try ticket.review(in: context(position: 50))
        #expect(review.instruction == OrderInstruction(side: .buy, quantity: 100, symbol: "AAPL", orderType: .limit, limitPrice: FixedDecimal("231.40"), timeInForce: .day))
        #expect(review.estimatedNotional == FixedDecimal("23140"))
        #expect(review.lines.contains("Notional:    ≈ 23,140.00"), "thousands grouped in the review")
        #expect(review.estimatedCommission.commission == FixedDecimal("0.35"))
        #expect(review.estimatedCommission.clearingFees == FixedDecimal("0.02"))
        #expect(review.estimatedCommission.regulatoryFees == 0)
        #expect(review.positionBefore == 50)
        #expect(review.positionAfter == 150)
        #expect(review.lines.contains("Side:        BUY"))
        #expect(review.lines.contains("Limit:       231.40"))
        #expect(review.lines.contains("Position:    50 → 150"))
        #expect(review.lines.contains("TIF:         DAY"))
        #expect(ticket.review != nil)

        let sent = try ticket.send(in: context(position: 50))
        #expect(sent.summary == "BUY 100 AAPL LMT 231.40 DAY")
        #expect(throws: TicketRefusal.self) { try ticket.send(in: context()) }
        do {
            _ = try ticket.send(in: context())
        } catch {
            #expect(error.code == .alreadySent)
        }
    }

    @Test func refusesToSendWithoutAReview() {
        var ticket = limitTicket()
        do {
            _ = try ticket.send(in: context())
            Issue.record("send without review succeeded")
        } catch {
            #expect(error.code == .notInReview)
        }
    }

    @Test func returnsToEditingWhenAFieldChangesAfterReview() throws {
        var ticket = limitTicket()
        try ticket.review(in: context())
        ticket.quantityText = "200"
        #expect(ticket.phase == .editing)
        do {
            _ = try ticket.send(in: context())
            Issue.record("send after edit succeeded")
        } catch {
            #expect(error.code == .notInReview)
        }
    }

    @Test func sellReducesThePositionAndPaysRegulatoryFees() throws {
        var ticket = limitTicket(.sell, quantity: "100", limit: "231.40")
        let review = try ticket.review(in: context(position: 100))
        #expect(review.positionAfter == 0)
        // SEC 23140 × 27.80 / 1e6 = 0.643292; TAF 100 × 0.000166 = 0.0166 → 0.659892 → 0.66.
        #expect(review.estimatedCommission.regulatoryFees == FixedDecimal("0.66"))
    }

    @Test(arguments: [
        ("", TicketRefusal.Code.quantityNotNumeric), ("abc", .quantityNotNumeric), ("12abc", .quantityNotNumeric),
        ("0", .quantityNotPositive), ("-5", .quantityNotPositive), ("10.5", .quantityNotWhole), ("1001", .quantityAboveMaximum),
        ("1e2", .quantityNotNumeric), ("1,000", .quantityNotNumeric), ("10.000000001", .quantityNotWhole),
        ("99999999999999999999", .quantityAboveMaximum), (" 100.0 ", nil),
    ])
    func refusesABadQuantityNamingTheField(text: String, code: TicketRefusal.Code?) {
        let result = refusal(limitTicket(quantity: text), context())
        #expect(result?.code == code)
        guard code != nil else { return }
        #expect(result?.field == .quantity)
        #expect(result?.message.contains("Quantity") == true)
    }

    @Test(arguments: [
        ("", TicketRefusal.Code.priceMissing), ("2x1", .priceNotNumeric), ("1e3", .priceNotNumeric), ("0", .priceNotPositive),
        ("-231.40", .priceNotPositive), ("231.405", .priceOffTick), ("231.400000001", .priceOffTick),
        ("231,40", .priceNotNumeric), ("99999999999999", .priceNotNumeric),
    ])
    func refusesABadLimitPriceNamingTheField(text: String, code: TicketRefusal.Code) {
        let result = refusal(limitTicket(limit: text), context())
        #expect(result?.code == code)
        #expect(result?.field == .limitPrice)
        #expect(result?.message.contains("Limit price") == true)
    }

    @Test func saysWhatIsWrongWithATypedPrice() {
        #expect(refusal(limitTicket(limit: "231.400000001"), context())?.message
            == "Limit price 231.400000001 has more than 8 decimals; the minimum tick is 0.01.")
        #expect(refusal(limitTicket(limit: "231.405"), context())?.message
            == "Limit price 231.405 is not a multiple of the minimum tick 0.01.")
        #expect(refusal(limitTicket(limit: "99999999999999"), context())?.message == "Limit price 99999999999999 is out of range.")
        #expect(refusal(limitTicket(limit: "1e3"), context())?.message == "Limit price '1e3' is not a number.")
        #expect(refusal(limitTicket(limit: ".5"), context())?.code == .outsidePriceBand, "a leading point is a number")
    }

    @Test func checksTheTickWithExactDecimalArithmetic() {
        var subPenny = context(quote: nil)
        subPenny.quoteFreshness = .live
        subPenny.minimumTick = FixedDecimal("0.0001")!
        var ticket = OrderTicket(side: .buy, symbol: "SIRI", quantityText: "100", orderType: .limit, limitPriceText: "0.2917")
        #expect(refusal(ticket, subPenny) == nil)
        ticket.limitPriceText = "0.29175"
        #expect(refusal(ticket, subPenny)?.code == .priceOffTick)
        var fiveCents = context()
        fiveCents.minimumTick = FixedDecimal("0.05")!
        #expect(refusal(limitTicket(limit: "231.45"), fiveCents) == nil)
        #expect(refusal(limitTicket(limit: "231.41"), fiveCents)?.code == .priceOffTick)
    }

    @Test func refusesAStopOrderWithoutAStopPrice() {
        let ticket = OrderTicket(side: .sell, symbol: "AAPL", quantityText: "10", orderType: .stop)
        let result = refusal(ticket, context())
        #expect(result?.code == .priceMissing)
        #expect(result?.field == .stopPrice)
    }

    @Test func refusesStopLimitPricesInconsistentWithTheSide() {
        let buy = OrderTicket(side: .buy, symbol: "AAPL", quantityText: "10", orderType: .stopLimit, limitPriceText: "234.00", stopPriceText: "235.00")
        #expect(refusal(buy, context())?.code == .stopLimitInconsistent)
        let sell = OrderTicket(side: .sell, symbol: "AAPL", quantityText: "10", orderType: .stopLimit, limitPriceText: "226.00", stopPriceText: "225.00")
        #expect(refusal(sell, context())?.code == .stopLimitInconsistent)
        let goodSell = OrderTicket(side: .sell, symbol: "AAPL", quantityText: "10", orderType: .stopLimit, limitPriceText: "224.50", stopPriceText: "225.00")
        #expect(refusal(goodSell, context()) == nil)
    }

    @Test func refusesAStopOnTheWrongSideOfTheMarket() {
        let buy = OrderTicket(side: .buy, symbol: "AAPL", quantityText: "10", orderType: .stop, stopPriceText: "230.00")
        #expect(refusal(buy, context())?.code == .stopOnWrongSideOfMarket)
        let sell = OrderTicket(side: .sell, symbol: "AAPL", quantityText: "10", orderType: .stop, stopPriceText: "232.00")
        #expect(refusal(sell, context())?.field == .stopPrice)
    }

    @Test func refusesALimitOutsideThePriceBand() {
        let result = refusal(limitTicket(limit: "250.00"), context())
        #expect(result?.code == .outsidePriceBand)
        #expect(result?.field == .limitPrice)
        #expect(result?.message.contains("8.0 %") == true)
        #expect(refusal(limitTicket(limit: "242.97"), context()) == nil)
        var noBand = context()
        noBand.limits.priceBand = nil
        #expect(refusal(limitTicket(limit: "250.00"), noBand) == nil)
    }

    @Test func refusesANotionalAboveTheMaximum() {
        let result = refusal(limitTicket(quantity: "300"), context())
        #expect(result?.code == .notionalAboveMaximum)
        #expect(result?.field == .notional)
    }

    @Test func refusesANotionalAboveTheShareOfNetLiquidation() {
        let result = refusal(limitTicket(quantity: "100"), context(netLiquidation: 80_000))
        #expect(result?.code == .notionalAboveShareOfNetLiquidation)
        #expect(refusal(limitTicket(), context(netLiquidation: nil))?.code == .netLiquidationUnknown)
        var noShare = context(netLiquidation: nil)
        noShare.limits.maxShareOfNetLiquidation = nil
        #expect(refusal(limitTicket(), noShare) == nil)
    }

    @Test(arguments: [Freshness.stale, .delayed, .frozen, .halted, .aging, .noData])
    func requiresAnExplicitOverrideWhenTheQuoteIsNotLive(freshness: Freshness) throws {
        var ticket = limitTicket()
        let result = refusal(ticket, context(freshness: freshness))
        #expect(result?.code == .quoteNotLive)
        #expect(result?.field == .referenceQuote)
        #expect(result?.message.contains(freshness.badge) == true)
        ticket.overrideQuoteFreshness()
        let review = try ticket.review(in: context(freshness: freshness))
        #expect(review.quoteOverridden)
        #expect(review.lines.last?.contains("override") == true)
        _ = try ticket.send(in: context(freshness: freshness))
    }

    @Test func withdrawsTheOverrideWhenTheTicketIsEdited() {
        var ticket = limitTicket()
        ticket.overrideQuoteFreshness()
        ticket.limitPriceText = "231.39"
        #expect(!ticket.quoteOverrideAcknowledged)
        #expect(refusal(ticket, context(freshness: .stale))?.code == .quoteNotLive)
    }

    @Test(arguments: [LinkState.disconnected, .connecting, .linkLost])
    func refusesWhenTheConnectionIsNotUsable(connection: LinkState) {
        let result = refusal(limitTicket(), context(connection: connection))
        #expect(result?.code == .connectionNotUsable)
        #expect(result?.field == .connection)
    }

    @Test func refusesToSendWhenTheConnectionDropsAfterReview() throws {
        var ticket = limitTicket()
        try ticket.review(in: context())
        do {
            _ = try ticket.send(in: context(connection: .linkLost))
            Issue.record("sent on a lost link")
        } catch {
            #expect(error.code == .connectionNotUsable)
        }
        _ = try ticket.send(in: context())
    }

    @Test func refusesALiveAccountWithoutAllowLive() throws {
        let result = refusal(limitTicket(), context(account: .live))
        #expect(result?.code == .liveAccountNotAllowed)
        #expect(result?.field == .account)
        #expect(refusal(limitTicket(), context(account: .live, allowLive: true)) == nil)
        #expect(AccountKind(accountID: "DU1234567") == .paper)
        #expect(AccountKind(accountID: "U1234567") == .live)
    }

    @Test func refusesAnEmptySymbol() {
        let ticket = OrderTicket(side: .buy, symbol: " ", quantityText: "1", orderType: .market)
        #expect(refusal(ticket, context())?.field == .symbol)
    }

    @Test func pricesAMarketOrderAtTheAskForABuyAndTheBidForASell() throws {
        var buy = OrderTicket(side: .buy, symbol: "AAPL", quantityText: "10", orderType: .market)
        #expect(try buy.review(in: context()).estimatedNotional == FixedDecimal("2314.2"))
        var sell = OrderTicket(side: .sell, symbol: "AAPL", quantityText: "10", orderType: .market)
        #expect(try sell.review(in: context()).estimatedNotional == FixedDecimal("2313.8"))
        var blind = OrderTicket(side: .buy, symbol: "AAPL", quantityText: "10", orderType: .market)
        blind.overrideQuoteFreshness()
        #expect(refusal(blind, context(freshness: .noData, quote: nil))?.code == .noReferencePrice)
    }
}

@Suite struct TieredCommissionTests {
    @Test func appliesThePerOrderMinimumAndTheOnePercentCap() {
        let schedule = TieredCommission()
        #expect(schedule.estimate(quantity: 1000, price: 50, side: .buy).commission == FixedDecimal("3.5"))
        #expect(schedule.estimate(quantity: 10, price: 50, side: .buy).commission == FixedDecimal("0.35"))
        #expect(schedule.estimate(quantity: 1000, price: FixedDecimal("0.10")!, side: .buy).commission == 1)
    }

    @Test(arguments: [(0, "0.0035"), (300_000, "0.0035"), (300_001, "0.002"), (3_000_001, "0.0015"), (20_000_001, "0.001"), (100_000_001, "0.0005")])
    func choosesTheTierByMonthlyVolume(volume: Int, rate: String) {
        #expect(TieredCommission(monthlyVolume: volume).perShareRate == FixedDecimal(rate))
    }

    @Test func capsTheFINRAFeeOnLargeSales() {
        let estimate = TieredCommission().estimate(quantity: 100_000, price: 1, side: .sell)
        // SEC 100000 × 27.80 / 1e6 = 2.78; TAF capped at 8.30.
        #expect(estimate.regulatoryFees == FixedDecimal("11.08"))
    }
}

@Suite struct OrderTicketCommandTests {
    @Test func parsesALimitBuyIntoAReviewedTicket() throws {
        let ticket = try OrderTicketCommand.review("buy 100 aapl lmt 231.40", in: context())
        #expect(ticket.review?.instruction.summary == "BUY 100 AAPL LMT 231.40 DAY")
    }

    @Test(arguments: [
        ("sell 10 AAPL", "SELL 10 AAPL MKT DAY"),
        ("SELL 10 AAPL mkt gtc", "SELL 10 AAPL MKT GTC"),
        ("sell 10 AAPL stp 225.00", "SELL 10 AAPL STP 225.00 DAY"),
        ("sell 10 AAPL stplmt 225.00 224.50 gtc", "SELL 10 AAPL STP LMT 225.00 224.50 GTC"),
        ("buy 5 AAPL gtc", "BUY 5 AAPL MKT GTC"),
    ])
    func parsesEveryOrderForm(line: String, summary: String) throws {
        let ticket = try OrderTicketCommand.review(line, in: context())
        #expect(ticket.review?.instruction.summary == summary)
    }

    @Test(arguments: [
        ("", TicketCommandError.Code.empty), ("hold 10 AAPL", .unknownSide), ("buy 10", .missingArguments),
        ("buy 10 A$PL", .invalidSymbol), ("buy 10 AAPL moc", .unknownOrderType), ("buy 10 AAPL lmt", .missingPrice),
        ("buy 10 AAPL stplmt 235.00", .missingPrice), ("buy 10 AAPL lmt gtc", .missingPrice),
        ("buy 10 AAPL lmt 231.40 gtc now", .unexpectedWord), ("buy ten AAPL lmt 231.40", .refused),
    ])
    func reportsASpecificErrorForABadLine(line: String, code: TicketCommandError.Code) {
        do {
            _ = try OrderTicketCommand.review(line, in: context())
            Issue.record("'\(line)' was accepted")
        } catch {
            #expect(error.code == code)
            #expect(!error.message.isEmpty)
        }
    }

    @Test func carriesTheTicketRefusalForAValidLineThatFailsReview() {
        do {
            _ = try OrderTicketCommand.review("buy 100 AAPL lmt 231.405", in: context())
            Issue.record("off-tick price accepted")
        } catch {
            #expect(error.refusal?.code == .priceOffTick)
            #expect(error.refusal?.field == .limitPrice)
        }
    }
}
