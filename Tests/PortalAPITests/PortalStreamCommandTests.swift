import PortalAPI
import Testing

/// The websocket's topics as a client writes them.
@Suite struct PortalStreamCommandTests {
    @Test(arguments: [
        (#"smd+265598+{"fields":["31","84","86"]}"#, PortalStreamCommand.subscribeMarketData(conid: 265598, fields: ["31", "84", "86"])),
        ("smd+265598+{}", .subscribeMarketData(conid: 265598, fields: [])),
        ("smd+265598", .subscribeMarketData(conid: 265598, fields: [])),
        ("umd+265598+{}", .unsubscribeMarketData(conid: 265598)),
        ("sor+{}", .subscribeOrders),
        ("uor+{}", .unsubscribeOrders),
        ("spl+{}", .subscribePnL),
        ("upl{}", .unsubscribePnL),
        ("tic", .tickle),
        (#"{"session":"3a5b7c"}"#, .tickle),
        ("ech+hb", .echo),
    ])
    func readsIBsTopics(text: String, command: PortalStreamCommand) {
        #expect(PortalStreamCommand(text: text) == command)
    }

    @Test(arguments: ["smd+AAPL+{}", "smd", "xyz", "", "umd+"])
    func saysWhatIsWrongWithAnythingElse(text: String) {
        guard case let .unknown(words) = PortalStreamCommand(text: text) else {
            Issue.record("\(text) was read as a topic")
            return
        }
        #expect(!words.isEmpty)
    }
}
