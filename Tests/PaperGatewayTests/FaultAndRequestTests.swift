import PaperExchange
import PaperGateway
import Testing
import TWSWire
import Vocabulary

@Suite struct FaultAndRequestTests {
    @Test func answersEveryConnectTimeRequestWithItsEndMessage() async throws {
        let gateway = try await GatewayFixture.make()
        let client = try await gateway.connect(range: 157...178)
        try await client.send(.requestPositions)
        try await client.send(.requestOpenOrders)
        try await client.send(.requestCompletedOrders(apiOnly: false))
        try await client.send(.requestAccountUpdates(RequestAccountUpdates(subscribe: true, account: "DU0000001")))
        try await client.send(.requestAccountUpdatesMulti(RequestAccountUpdatesMulti(reqId: 5, account: "DU0000001")))
        try await client.send(.requestExecutions(RequestExecutions(reqId: 6)))
        try await client.send(.requestAccountSummary(RequestAccountSummary(reqId: 7, tags: "NetLiquidation,BuyingPower")))
        try await client.send(.requestManagedAccounts)
        try await client.send(.requestPnL(RequestPnL(reqId: 8, account: "DU0000001")))
        try await client.send(.requestContractDetails(RequestContractDetails(reqId: 9, contract: Contract(symbol: "ES", secType: "FUT", exchange: "CME", currency: "USD"))))
        try await client.send(.requestContractDetails(RequestContractDetails(reqId: 10, contract: .stock("ZZZZ"))))
        try await client.send(.requestHistoricalData(RequestHistoricalData(
            reqId: 11, contract: .stock("AAPL"), barSizeSetting: "5 mins", durationString: "1 D")))
        try await client.send(.requestHistoricalData(RequestHistoricalData(
            reqId: 12, contract: .stock("AAPL"), barSizeSetting: "1 day", durationString: "1 M")))
        try await client.send(.requestCurrentTime)
        _ = try await client.next { if case .currentTime = $0 { true } else { nil } }
        let all = client.all
        func has(_ match: (ServerMessage) -> Bool) -> Bool { all.contains(where: match) }
        #expect(has { if case .positionEnd = $0 { true } else { false } })
        #expect(has { if case .openOrderEnd = $0 { true } else { false } })
        #expect(has { if case .completedOrdersEnd = $0 { true } else { false } })
        #expect(has { if case .accountDownloadEnd = $0 { true } else { false } })
        #expect(has { if case .accountUpdateTime = $0 { true } else { false } })
        #expect(all.filter { if case .accountValue = $0 { true } else { false } }.count > 20)
        #expect(has { if case .accountUpdateMultiEnd(5) = $0 { true } else { false } })
        #expect(has { if case .executionDataEnd(6) = $0 { true } else { false } })
        #expect(all.filter { if case let .accountSummary(s) = $0 { s.reqId == 7 } else { false } }.count == 2)
        #expect(has { if case .accountSummaryEnd(7) = $0 { true } else { false } })
        #expect(has { if case let .pnl(p) = $0 { p.reqId == 8 } else { false } })
        #expect(has { if case let .contractData(c) = $0 { c.details.contract.symbol == "ES" } else { false } })
        #expect(has { if case .contractDataEnd(9) = $0 { true } else { false } })
        #expect(has { if case let .error(e) = $0 { e.id == 10 && e.code == 200 } else { false } })
        let intraday = all.compactMap { message -> HistoricalData? in
            if case let .historicalData(h) = message, h.reqId == 11 { return h }
            return nil
        }.first
        // Regular hours of Monday 2025-11-24 up to 11:00 New York: 09:30 to 10:55 in 5-minute bars.
        #expect(intraday?.bars.count == 18)
        #expect(intraday?.bars.first?.date == "20251124 09:30:00 US/Eastern")
        let daily = all.compactMap { message -> HistoricalData? in
            if case let .historicalData(h) = message, h.reqId == 12 { return h }
            return nil
        }.first
        // One calendar month of trade dates, 24 October to 24 November 2025: no weekends.
        #expect(daily?.bars.count == 22)
        #expect(daily?.bars.allSatisfy { $0.low <= min($0.open, $0.close) && $0.high >= max($0.open, $0.close) } == true)
        #expect(client.decodeErrors.isEmpty)
        try await gateway.server.stop()
    }

    @Test func answersContractDetailsForEveryInstrument() async throws {
        let gateway = try await GatewayFixture.make()
        let client = try await gateway.connect()
        let universe = try GatewayResources.universe()
        for (index, instrument) in universe.instruments.enumerated() {
            var contract = Contract()
            contract.conId = instrument.conId
            try await client.send(.requestContractDetails(RequestContractDetails(reqId: 100 + index, contract: contract)))
        }
        let last = 100 + universe.instruments.count - 1
        _ = try await client.next { if case .contractDataEnd(last) = $0 { true } else { nil } }
        let details = client.all.filter { if case .contractData = $0 { true } else { false } }
        #expect(details.count == universe.instruments.count)
        #expect(universe.instruments.count >= 40)
        try await gateway.server.stop()
    }

    @Test func expiresAndStallsSubscriptionsAndSendsNotices() async throws {
        let gateway = try await GatewayFixture.make()
        let client = try await gateway.connect()
        try await client.send(.requestMarketData(RequestMarketData(reqId: 1, contract: .stock("AAPL"))))
        try await client.send(.requestMarketData(RequestMarketData(reqId: 2, contract: .stock("MSFT"))))
        _ = try await client.next { if case let .tickRequestParameters(p) = $0, p.reqId == 2 { true } else { nil } }
        try await gateway.server.inject(.expireSubscription(symbol: "AAPL"))
        let error = try await client.next { message -> ErrorMessage? in
            if case let .error(e) = message { return e }
            return nil
        }
        #expect(error.id == 1 && error.code == 354)
        try await gateway.server.inject(.stallSymbol(symbol: "MSFT"))
        _ = client.drain()
        try await gateway.advance(milliseconds: 3000)
        try await client.send(.requestCurrentTime)
        _ = try await client.next { if case .currentTime = $0 { true } else { nil } }
        let afterStall = client.drain()
        #expect(!afterStall.contains { if case .tickPrice = $0 { true } else { false } })
        try await gateway.server.inject(.resumeSymbol(symbol: "MSFT"))
        try await gateway.advance(milliseconds: 3000)
        _ = try await client.next { if case let .tickPrice(t) = $0, t.reqId == 2 { true } else { nil } }

        try await gateway.server.inject(.connectivityLost)
        try await gateway.server.inject(.connectivityRestored(dataMaintained: true))
        try await gateway.server.inject(.exceedRate)
        try await gateway.server.inject(.dataFarmBroken(farm: "usfarm"))
        try await gateway.server.inject(.dataFarmRestored(farm: "usfarm"))
        var codes: [Int] = []
        for _ in 0..<7 { codes.append(try await client.next { $0.errorCode }) }
        #expect(codes == [1100, 1102, 2104, 2106, 100, 2103, 2104])

        try await gateway.server.inject(.dropAllConnections)
        try await client.waitForClose()
        try await gateway.server.stop()
    }

    @Test func socketDownClosesEveryConnectionAndRefusesNewOnesUntilUp() async throws {
        let gateway = try await GatewayFixture.make()
        let client = try await gateway.connect(clientId: 1)
        try await gateway.server.inject(.socketDown)
        try await client.waitForClose()
        // A new connection is accepted by the kernel and closed at once, before the handshake.
        let refused = try await WireTestClient.open(port: gateway.server.port)
        try await refused.waitForClose()
        #expect(try await gateway.server.connectedClientIds().isEmpty)
        try await gateway.server.inject(.socketUp)
        let again = try await gateway.connect(clientId: 2)
        #expect(try await gateway.server.connectedClientIds() == [2])
        _ = again
        try await gateway.server.stop()
    }

    @Test func aClientConnectingDuringAnOutageIsToldTheLinkIsBrokenAndThenRestored() async throws {
        let gateway = try await GatewayFixture.make()
        try await gateway.server.inject(.connectivityLost)
        let client = try await WireTestClient.connect(port: gateway.server.port, clientId: 1, range: 157...200)
        var codes: [Int] = []
        for _ in 0..<3 { codes.append(try await client.next { $0.errorCode }) }
        #expect(codes == [2110, 2103, 2105], "TWS greets a client mid-outage with the broken link, not with farms OK")
        try await gateway.server.inject(.connectivityRestored(dataMaintained: false))
        codes = []
        for _ in 0..<3 { codes.append(try await client.next { $0.errorCode }) }
        #expect(codes == [1101, 2104, 2106])
        try await gateway.server.stop()
    }

    @Test func halfOpenStopsAnsweringButKeepsTheSocket() async throws {
        let gateway = try await GatewayFixture.make()
        let client = try await gateway.connect()
        try await gateway.server.inject(.beginHalfOpen)
        try await client.send(.requestCurrentTime)
        await #expect(throws: WireTestClient.Timeout.self) {
            _ = try await client.next(timeout: .milliseconds(300)) { if case .currentTime = $0 { true } else { nil } }
        }
        #expect(!client.isClosed)
        try await gateway.server.inject(.endHalfOpen)
        try await client.send(.requestCurrentTime)
        _ = try await client.next { if case .currentTime = $0 { true } else { nil } }
        try await gateway.server.stop()
    }

    @Test(.timeLimit(.minutes(1))) func ordersSentDuringHalfOpenAreNeverPlacedEvenWhenTheClientGivesUpWithAFullWindow() async throws {
        // Found by `ibterm-bench soak`: the gateway used to stop reading, so the bytes stayed in
        // the kernel; when the client gave up, they were dropped with the socket, unless the
        // receive window had filled, in which case the rest arrived after the fault ended and
        // orders the client had given up on were placed after it had reconnected.
        let gateway = try await GatewayFixture.make()
        let stale = try await gateway.connect(clientId: 4)
        try await gateway.server.inject(.beginHalfOpen)
        var order = Order(action: "BUY", totalQuantity: FixedDecimal(1), orderType: "LMT", lmtPrice: 1.00)
        for id in 1...600 {   // more than a fresh loopback receive window holds
            order.orderId = id
            try await stale.send(.placeOrder(PlaceOrder(contract: .stock("AAPL"), order: order)))
        }
        await stale.close()
        // The gateway has read (and dropped) everything the stale connection sent once it saw
        // the connection close; only then does the fault end.
        let clock = ContinuousClock()
        let deadline = clock.now + .seconds(10)
        while try await gateway.server.connectedClientIds().contains(4), clock.now < deadline {
            try await Task.sleep(for: .milliseconds(10))
        }
        try await gateway.server.inject(.endHalfOpen)
        let fresh = try await gateway.connect(clientId: 4)
        try await fresh.send(.requestOpenOrders)
        _ = try await fresh.next { if case .openOrderEnd = $0 { true } else { nil } }
        try await Task.sleep(for: .milliseconds(200))
        #expect(!fresh.drain().contains { if case .openOrder = $0 { true } else { false } })
        #expect(try await gateway.server.snapshot().orders.isEmpty, "no order sent during the fault was placed")
        try await gateway.server.stop()
    }

    @Test func aConnectionOpenedDuringHalfOpenIsAnsweredWhenItEnds() async throws {
        let gateway = try await GatewayFixture.make()
        try await gateway.server.inject(.beginHalfOpen)
        let pending = Task { try await gateway.connect(clientId: 6) }
        try await Task.sleep(for: .milliseconds(300))
        try await gateway.server.inject(.endHalfOpen)
        let client = try await pending.value
        try await client.send(.requestCurrentTime)
        _ = try await client.next { if case .currentTime = $0 { true } else { nil } }
        try await gateway.server.stop()
    }

    @Test func runsAScenarioTimeline() async throws {
        let scenario = Scenario(name: "t", faults: [
            .init(offsetMilliseconds: 1000, fault: .dataFarmBroken(farm: "usfarm")),
            .init(offsetMilliseconds: 2000, fault: .dataFarmRestored(farm: "usfarm")),
        ])
        let gateway = try await GatewayFixture.make(scenario: scenario)
        let client = try await gateway.connect()
        try await gateway.advance(milliseconds: 1500)
        #expect(try await client.next { $0.errorCode } == 2103)
        try await gateway.advance(milliseconds: 1000)
        #expect(try await client.next { $0.errorCode } == 2104)
        try await gateway.server.stop()
    }
}
