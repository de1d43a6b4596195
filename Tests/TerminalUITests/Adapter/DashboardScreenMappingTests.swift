import Dashboard
import Testing
import TerminalUI
import Vocabulary

@Suite struct DashboardScreenMappingTests {
    @Test func watchlistRowsKeepOrderPricesAndFreshness() throws {
        let screen = AdapterScenario.session().screen()
        #expect(screen.watchlist.map(\.symbol) == DashboardConfig.defaultWatchlist)
        let aapl = screen.watchlist[0]
        #expect(aapl.bid == "231.19" && aapl.ask == "231.21" && aapl.last == "231.20")
        #expect(aapl.change == Figure("+1.25", .up))
        #expect(aapl.changePercent == Figure("+0.54%", .up))
        #expect(aapl.volume == "41.2M")
        #expect(aapl.state == .live && aapl.age == nil)

        let msft = screen.watchlist[1]
        #expect(msft.state == .stale)
        #expect(msft.age == "47 s")
        #expect(msft.state.label(age: msft.age) == "stale 47 s")
        #expect(msft.last == "415.06", "a stale quote keeps its last price")
        #expect(msft.change == Figure("-1.64", .down))

        let nvda = screen.watchlist[2]
        #expect(nvda.state == .noEntitlement && nvda.last == nil && nvda.change == .missing)
        let amzn = screen.watchlist[3]
        #expect(amzn.state == .aging && amzn.age == "3 s")
        #expect(screen.watchlist.first { $0.symbol == "QQQ" }?.state == .noData)
    }

    @Test func aQuoteThatIsNotLiveNeverMapsToLive() {
        var scenario = AdapterScenario.market()
        for offset: Int64 in [0, 3, 6, 60] {
            scenario.at(offset)
            let rows = scenario.screen().watchlist
            let resolved = scenario.state.watchlist.symbols.map { scenario.state.quotes.freshness(of: $0, at: scenario.now.instant)?.state }
            for (row, freshness) in zip(rows, resolved) where freshness != .live {
                #expect(row.state != .live, "\(row.symbol) at +\(offset) s")
            }
        }
        scenario.send(.connectionLost(reason: "socket closed"))
        #expect(scenario.screen().watchlist.allSatisfy { $0.state == .disconnected })
    }

    @Test func pricesFollowTheTick() {
        #expect(ScreenFormat.price(231.2) == "231.20")
        #expect(ScreenFormat.price(243.001) == "243.001")
        #expect(ScreenFormat.price(1.08345, tick: 0.00005) == "1.08345")
        #expect(ScreenFormat.price(5432.25, tick: 0.25) == "5432.25")
        #expect(ScreenFormat.price(nil) == nil)
        #expect(ScreenFormat.volume(850) == "850")
        #expect(ScreenFormat.volume(12_345) == "12.3K")
        #expect(ScreenFormat.volume(1_100_000_000) == "1.1B")
        #expect(ScreenFormat.signedMoney(-20_753) == Figure("-20,753.00", .down))
        #expect(ScreenFormat.signedMoney(0.001) == Figure("0.00", .flat))
        #expect(TimeText.timeOfDay(Timestamp(secondsSinceEpoch: 5), utcOffsetSeconds: -3600) == "23:00:05")
        #expect(ScreenFormat.countdown(.milliseconds(2_300)) == "3 s")
    }

    @Test func positionsAndPnL() throws {
        let screen = AdapterScenario.session().screen()
        #expect(screen.positions.map(\.symbol) == ["AAPL", "MSFT"])
        let aapl = screen.positions[0]
        #expect(aapl.quantity == "100" && aapl.averageCost == "228.40")
        #expect(aapl.marketPrice == "231.20" && aapl.marketValue == "23,120.00")
        #expect(aapl.priceState == .live)
        #expect(aapl.unrealizedPnL == Figure("+280.00", .up))
        #expect(aapl.realizedPnL == .missing, "IB sent no realized P&L")
        let msft = screen.positions[1]
        #expect(msft.quantity == "-50" && msft.priceState == .stale)

        #expect(screen.pnl.netLiquidation.value == Figure("100,000.00"))
        #expect(screen.pnl.buyingPower.value == Figure("400,000.00"))
        #expect(screen.pnl.realized.value == .missing && screen.pnl.realized.source == nil)
        #expect(screen.pnl.unrealized.source == "computed")
        #expect(screen.pnl.unrealized.value.direction == .up)
    }

    @Test func gatewayPnLCarriesItsSourceAndMissingValues() {
        var scenario = AdapterScenario.market()
        scenario.send(.accountPnL(AccountPnL(daily: 514.5, unrealized: nil, realized: -12.5)))
        let pnl = scenario.screen().pnl
        #expect(pnl.daily == PnLSummary.Line(Figure("+514.50", .up), source: "gateway"))
        #expect(pnl.realized == PnLSummary.Line(Figure("-12.50", .down), source: "gateway"))
        #expect(pnl.history.last == 514.5)
    }

    @Test func ticketThroughReviewAndSend() throws {
        var scenario = AdapterScenario.reviewed()
        let review = try #require(scenario.screen().ticket)
        #expect(review.mode == .review)
        #expect(review.side == .buy && review.symbol == "AAPL" && review.quantity == "100")
        #expect(review.orderType == "LMT" && review.limitPrice == "231.21" && review.stopPrice == nil)
        #expect(review.reviewLines.contains("Quantity:    100"))
        #expect(review.reference == "231.19 × 231.21" && review.referenceState == .live)
        #expect(scenario.screen().focus == .ticket)

        scenario.user(.submit)
        #expect(scenario.screen().ticket?.mode == .sent("#100"))
    }

    @Test func aRefusalNamesItsFieldAndMovesTheCursorThere() throws {
        var scenario = AdapterScenario.market()
        scenario.user(.openTicket(.buy))
        scenario.type("100")
        scenario.user(.setOrderType(.stopLimit))
        scenario.user(.focusTicketField(.stopPrice))
        scenario.type("2x")
        scenario.user(.focusTicketField(.quantity))
        scenario.user(.submit)
        let ticket = try #require(scenario.screen().ticket)
        #expect(ticket.mode == .edit)
        #expect(ticket.orderType == "STP LMT" && ticket.stopPrice == "2x" && ticket.limitPrice == "231.21")
        let refusal = try #require(ticket.refusal)
        #expect(refusal.field == .stopPrice)
        #expect(ticket.focusedField == .stopPrice)
        #expect(refusal.message.lowercased().contains("stop price"))
    }

    @Test func repeatedNoticesCollapseIntoOneRowWithACount() throws {
        var scenario = AdapterScenario.market()
        scenario.at(5)
        scenario.send(.notice(Notice(requestID: scenario.tickerID("NVDA"), code: 354,
                                     text: "Requested market data is not subscribed.")))
        let rows = scenario.screen().messages.filter { $0.code == "354" }
        #expect(rows.count == 1)
        #expect(rows.first?.count == 2 && rows.first?.time == "14:30:05")
    }

    @Test func ordersExecutionsAndMessages() throws {
        let screen = AdapterScenario.session().screen()
        #expect(screen.orders.map(\.orderID) == ["100", "90"])
        let filled = screen.orders[0]
        #expect(filled.status == .filled && filled.statusText == "Filled 100/100")
        #expect(filled.typeAndPrice == "LMT 231.21" && filled.timeInForce == "DAY")
        #expect(filled.steps.map(\.event) == ["sent", "submitted", "filled 100"])
        #expect(filled.steps.map(\.time) == ["14:30:40", "14:30:41", "14:30:42"])
        let rejected = screen.orders[1]
        #expect(rejected.status == .rejected && rejected.statusText == "Rejected")
        #expect(rejected.rejectReason == "Order rejected — IB: insufficient margin", "IB's reason without its own \"Order rejected - reason:\"")
        #expect(rejected.steps.map(\.event) == ["presubmitted", "201 Order rejected"], "IB's Inactive after the rejection adds no step")

        #expect(screen.executions == [ExecutionLine(time: "14:30:42", side: .buy, quantity: "100", symbol: "AAPL",
                                                   price: "231.19", commission: "1.00", orderID: "100")])

        let notice = try #require(screen.messages.first { $0.code == "354" })
        #expect(notice.level == .error && notice.text == "NVDA quote: No market-data subscription")
        // An order's message names the order: id, side, quantity, symbol, type and price.
        let rejection = try #require(screen.messages.first { $0.code == "201" })
        #expect(rejection.level == .error)
        #expect(rejection.text == "Order 90 SELL 50 TSLA LMT 243.00 rejected: insufficient margin", "IB's reason, in place of the title")
        // A session notice says it is one.
        var farms = AdapterScenario.session()
        farms.send(.notice(Notice(code: 2104, text: "Market data farm connection is OK:usfarm")))
        #expect(farms.screen().messages.last?.text.hasPrefix("System notice: ") == true)
        #expect(screen.messages.last?.time == "14:30:43", "oldest first, the newest at the bottom")
        #expect(screen.messages.contains { $0.code == nil && $0.text.contains("Order 100 sent") })
    }

    @Test func theStatusBarShowsTheClientIDInUse() {
        var scenario = AdapterScenario.session()
        #expect(scenario.screen().status.clientID == nil)
        scenario.send(.clientID(1))
        scenario.send(.clientIDMoved(refused: 1, next: 2))
        #expect(scenario.screen().status.clientID == "id 2")
        #expect(scenario.screen().messages.last?.text.hasPrefix("Client id 1 in use: connecting as 2") == true)
    }

    @Test func statusBarSaysWhereAndWhen() {
        var scenario = AdapterScenario.session()
        let status = scenario.screen(timeZone: .fixed(offsetSeconds: 2 * 3600, abbreviation: "CEST")).status
        #expect(status.gateway == "127.0.0.1:4002" && status.serverVersion == "178")
        #expect(status.account == "DU1234567" && status.accountBadge == .paper)
        #expect(status.connection == .connected)
        #expect(status.clock == "16:30:47 CEST")
        #expect(status.freshnessCounts[.stale] == 1 && status.freshnessCounts[.noEntitlement] == 1)
        #expect(status.freshnessCounts[.live] == 1 && status.freshnessCounts[.noData] == 6)

        scenario.send(.notice(Notice(code: 1100, text: "Connectivity between IB and TWS has been lost.")))
        #expect(scenario.screen().status.connection == .degraded("TWS lost its link to IB (1100): no quote is live until IB is back"))
        #expect(scenario.screen().watchlist.allSatisfy { $0.state == .disconnected })
        scenario.send(.connectionLost(reason: "socket closed"))
        #expect(scenario.screen().status.connection == .disconnected("socket closed"))
        scenario.send(.reconnectScheduled(attempt: 2, after: .seconds(3)))
        #expect(scenario.screen().status.connection == .reconnecting(countdown: "3 s", attempt: 2, reason: "socket closed"))
        #expect(scenario.screen().status.connection.text == "socket closed · retry in 3 s (attempt 2, r: now)")
        scenario.send(.connecting(gateway: "127.0.0.1:4002"))
        #expect(scenario.screen().status.connection == .connecting)
        #expect(scenario.screen().status.accountBadge == .paper, "reconnecting to the account already known")
        var first = AdapterScenario()
        first.send(.connecting(gateway: "127.0.0.1:4002"))
        #expect(first.screen().status.accountBadge == .unknown(connecting: true), "connecting to an unknown account: neither paper nor live")
        #expect(first.screen().status.accountBadge.badge == " CONNECTING ")
        #expect(AdapterScenario().screen().status.accountBadge == .unknown(connecting: false), "unknown account is never shown as paper")
        #expect(AdapterScenario().screen().status.accountBadge.badge == " NO ACCOUNT ")
    }

    @Test func focusAndSelection() {
        var scenario = AdapterScenario.session()
        #expect(scenario.screen().focus == .watchlist)
        scenario.user(.moveSelection(.down))
        scenario.user(.nextPane)
        scenario.user(.nextPane)
        let screen = scenario.screen()
        #expect(screen.focus == .orders)
        #expect(screen.selection[.watchlist] == 1)
        #expect(screen.selection[.orders] == 0)
        #expect(screen.selectedRow(of: .executions) == 0)
    }
}
