import Testing
import TWSClient
import TWSSession
import TWSWire
import Vocabulary

@Suite(.timeLimit(.minutes(1))) struct AccountStreamTests {
    @Test func accountValuesPortfolioSummaryAndPnLArriveOnTheirStreamsWithUnsetValuesAsNil() async throws {
        let server = try await ScriptedServer.start {
            $0.positions = [PositionData(account: "DU1234567", contract: aapl, position: FixedDecimal(100), avgCost: 187.25)]
        }
        let client = try await connectedClient(server)
        let (positions, p) = Recorder.record(await client.positions())
        let (account, a) = Recorder.record(await client.accountUpdates())
        let (summary, s) = Recorder.record(await client.accountSummary(tags: "NetLiquidation"))
        let (pnl, n) = Recorder.record(await client.profitAndLoss(account: "DU1234567"))
        let (single, q) = Recorder.record(await client.profitAndLoss(account: "DU1234567", conId: 265_598))

        try await waitUntil("every request sent") {
            let sent = server.messages(on: 0)
            return sent.contains(.requestAccountUpdates(RequestAccountUpdates(subscribe: true, account: "DU1234567")))
                && sent.contains { if case .requestPnLSingle = $0 { true } else { false } }
        }
        let sent = server.messages(on: 0)
        let summaryID = try #require(sent.compactMap { if case .requestAccountSummary(let r) = $0 { r.reqId } else { nil } }.first)
        let pnlID = try #require(sent.compactMap { if case .requestPnL(let r) = $0 { r.reqId } else { nil } }.first)
        let singleID = try #require(sent.compactMap { if case .requestPnLSingle(let r) = $0 { r.reqId } else { nil } }.first)

        server.send(.accountValue(AccountValue(key: "NetLiquidation", value: "100000", currency: "USD", accountName: "DU1234567")))
        server.send(.portfolioValue(PortfolioValue(
            contract: aapl, position: FixedDecimal(100), marketPrice: 201.9, marketValue: 20_190, averageCost: 187.25,
            unrealizedPNL: 1465, realizedPNL: nil, accountName: "DU1234567"
        )))
        server.send(.accountDownloadEnd(AccountDownloadEnd(account: "DU1234567")))
        server.send(.accountSummary(AccountSummary(reqId: summaryID, account: "DU1234567", tag: "NetLiquidation", value: "100000", currency: "USD")))
        server.send(.accountSummaryEnd(reqId: summaryID))
        server.send(.pnl(PnL(reqId: pnlID, dailyPnL: 12.5, unrealizedPnL: nil, realizedPnL: nil)))
        server.send(.pnlSingle(PnLSingle(reqId: singleID, position: FixedDecimal(100), dailyPnL: 3, unrealizedPnL: 1465, realizedPnL: nil, value: 20_190)))

        try await waitUntil("every stream heard") {
            positions.events.count >= 2 && account.events.count >= 3 && summary.events.count >= 2
                && !pnl.events.isEmpty && !single.events.isEmpty
        }
        #expect(positions.events.last.map { if case .end = $0 { true } else { false } } == true)
        guard case .value(let p0)? = positions.events.first else { throw TimedOut(description: "no position") }
        #expect(p0.avgCost == 187.25)
        guard case .value(.portfolio(let portfolio))? = account.events.dropFirst().first else { throw TimedOut(description: "no portfolio") }
        #expect(portfolio.realizedPNL == nil, "UNSET_DOUBLE is nil, never 1.797e308")
        guard case .value(let profit)? = pnl.events.first else { throw TimedOut(description: "no pnl") }
        #expect(profit.dailyPnL == 12.5)
        #expect(profit.unrealizedPnL == nil)
        #expect(profit.realizedPnL == nil)
        guard case .value(let one)? = single.events.first else { throw TimedOut(description: "no pnl single") }
        #expect(one.realizedPnL == nil)
        #expect(one.value == 20_190)
        guard case .value(let tag)? = summary.events.first else { throw TimedOut(description: "no summary") }
        #expect(tag.value == "100000")

        await client.disconnect()
        for task in [p, a, s, n, q] { task.cancel() }
        await server.stop()
    }
}
