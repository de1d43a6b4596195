import ArgumentParser
import Testing
@testable import ibterm

@Suite struct CommandLineTests {
    @Test func aSubcommandsGatewayReachesTheSubcommand() throws {
        let command = try IBTerm.parseAsRoot(["quote", "AAPL", "--gateway", "127.0.0.1:4002"])
        let quote = try #require(command as? QuoteCommand)
        #expect(try quote.gateway.endpoint()?.port == 4002)
    }

    @Test func dashboardOptionsWithoutASubcommandGoToTheDashboard() throws {
        let command = try IBTerm.parseAsRoot(["--gateway", "[::1]:7497", "--seed", "9"])
        let dashboard = try #require(command as? RunDashboardCommand)
        let endpoint = try #require(try dashboard.options.gatewayEndpoint())
        #expect(endpoint.host == "::1" && endpoint.port == 7497)
        #expect(dashboard.options.paper.seed == 9)
    }

    @Test func aMalformedGatewayIsRejectedWithTheExpectedShape() {
        #expect(throws: (any Error).self) { try GatewayAddress.parse("nohost") }
        #expect(throws: (any Error).self) { try GatewayAddress.parse(":4002") }
        #expect(throws: (any Error).self) { try GatewayAddress.parse("host:70000") }
    }

    @Test func explainingACodeIbtermDoesNotKnowFailsWithoutInventingACategory() throws {
        let unknown = try #require(try IBTerm.parseAsRoot(["explain", "99999"]) as? ExplainCommand)
        #expect(throws: ExitCode(1)) { try unknown.run() }
        #expect(ExplainCommand.unknownText(99999).contains("no entry for IB message code 99999"))
        let known = try #require(try IBTerm.parseAsRoot(["explain", "354"]) as? ExplainCommand)
        try known.run()
    }

    @Test func ordersShowOnlyThePricesAnOrderTypeHas() {
        #expect(OrdersCommand.prices(orderType: "LMT", limit: 231.2, aux: 0) == (231.2, nil))
        #expect(OrdersCommand.prices(orderType: "STP", limit: 0, aux: 225) == (nil, 225))
        #expect(OrdersCommand.prices(orderType: "STP LMT", limit: 224.5, aux: 225) == (224.5, 225))
        #expect(OrdersCommand.prices(orderType: "MKT", limit: 0, aux: 0) == (nil, nil))
        #expect(OrdersCommand.prices(orderType: "TRAIL", limit: 0, aux: 1.5) == (nil, 1.5))
    }

    @Test func aSymbolThatCannotBeATickerIsRefusedBeforeAnythingIsSent() throws {
        let long = String(repeating: "A", count: 300)
        #expect(throws: (any Error).self) { try IBTerm.parseAsRoot(["order", "buy", "1", long]) }
        #expect(throws: (any Error).self) { try IBTerm.parseAsRoot(["quote", "AAPL", "$$$"]) }
        #expect(IBTerm.message(for: ValidationError("x")).isEmpty == false)
        _ = try #require(try IBTerm.parseAsRoot(["order", "buy", "1", "BRK.B"]) as? OrderCommand)
    }
}
