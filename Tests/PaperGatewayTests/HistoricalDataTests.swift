import Testing
import PaperExchange
@testable import PaperGateway
import TWSWire

/// reqHistoricalData over the wire: paging, keepUpToDate with its cancel, IB's refusals.
@Suite struct HistoricalDataTests {
    static func history(
        _ reqId: Int, _ duration: String, _ barSize: String, show: String = "TRADES", end: String = "", keep: Bool = false
    ) -> ClientMessage {
        .requestHistoricalData(RequestHistoricalData(
            reqId: reqId, contract: .stock("AAPL"), endDateTime: end, barSizeSetting: barSize,
            durationString: duration, whatToShow: show, keepUpToDate: keep))
    }

    @Test func pagesBackWithEndDateTime() async throws {
        let gateway = try await GatewayFixture.make()
        let client = try await gateway.connect()
        try await client.send(Self.history(1, "1800 S", "1 min"))
        let first = try await client.next { if case let .historicalData(h) = $0, h.reqId == 1 { h } else { nil } }
        #expect(first.bars.count == 30)
        let oldest = try #require(first.bars.first?.date)
        try await client.send(Self.history(2, "1800 S", "1 min", end: oldest + " US/Eastern"))
        let second = try await client.next { if case let .historicalData(h) = $0, h.reqId == 2 { h } else { nil } }
        #expect(second.bars.count == 30)
        #expect(second.bars.allSatisfy { $0.date < oldest })
        #expect(second.bars.last?.date == "20251124 10:29:00")
        try await gateway.server.stop()
    }

    @Test func keepsTheBarInProgressUpToDateUntilCancelled() async throws {
        let gateway = try await GatewayFixture.make()
        let client = try await gateway.connect()
        try await client.send(Self.history(3, "3600 S", "5 mins", keep: true))
        _ = try await client.next { if case let .historicalDataEnd(e) = $0, e.reqId == 3 { e } else { nil } }
        var updates = 0
        for _ in 0..<20 where updates == 0 {
            try await gateway.advance(milliseconds: 1000)
            updates = client.all.filter { if case let .historicalDataUpdate(u) = $0 { u.reqId == 3 } else { false } }.count
        }
        #expect(updates > 0)
        try await client.send(.cancelHistoricalData(reqId: 3))
        try await client.send(.cancelHistoricalData(reqId: 3))
        let notOpen = try await client.next { if case let .error(e) = $0, e.id == 3 { e } else { nil } }
        #expect(notOpen.code == 366)
        let after = client.all.filter { if case .historicalDataUpdate = $0 { true } else { false } }.count
        for _ in 0..<3 { try await gateway.advance(milliseconds: 1000) }
        try await client.send(.requestCurrentTime)
        _ = try await client.next { if case .currentTime = $0 { true } else { nil } }
        #expect(client.all.filter { if case .historicalDataUpdate = $0 { true } else { false } }.count == after)
        try await gateway.server.stop()
    }

    @Test func refusesWithIBsCodes() async throws {
        let gateway = try await GatewayFixture.make()
        let client = try await gateway.connect()
        try await client.send(Self.history(4, "1 D", "7 mins"))
        #expect(try await client.next { if case let .error(e) = $0, e.id == 4 { e } else { nil } }.code == 321)
        try await client.send(Self.history(5, "1 Y", "1 secs"))
        #expect(try await client.next { if case let .error(e) = $0, e.id == 5 { e } else { nil } }.code == 162)
        try await client.send(Self.history(6, "1800 S", "5 secs"))
        _ = try await client.next { if case let .historicalData(h) = $0, h.reqId == 6 { h } else { nil } }
        try await client.send(Self.history(7, "1800 S", "5 secs"))
        let paced = try await client.next { if case let .error(e) = $0, e.id == 7 { e } else { nil } }
        #expect(paced.code == 162)
        #expect(paced.message.contains("pacing violation"))
        try await gateway.server.stop()
    }

    @Test func answersTheHeadTimestamp() async throws {
        let gateway = try await GatewayFixture.make()
        let client = try await gateway.connect()
        try await client.send(.requestHeadTimestamp(RequestHeadTimestamp(reqId: 8, contract: .stock("AAPL"))))
        let head = try await client.next { if case let .headTimestamp(h) = $0, h.reqId == 8 { h } else { nil } }
        #expect(head.headTimestamp == "20050103-14:30:00")
        try await client.send(.requestHeadTimestamp(RequestHeadTimestamp(reqId: 9, contract: .stock("AAPL"), formatDate: 2)))
        #expect(try await client.next { if case let .headTimestamp(h) = $0, h.reqId == 9 { h } else { nil } }.headTimestamp == "1104762600")
        try await client.send(.requestHeadTimestamp(RequestHeadTimestamp(reqId: 10, contract: .stock("AAPL"), whatToShow: "NOPE")))
        #expect(try await client.next { if case let .error(e) = $0, e.id == 10 { e } else { nil } }.code == 321)
        try await gateway.server.stop()
    }
}
