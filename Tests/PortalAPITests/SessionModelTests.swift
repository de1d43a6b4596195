import Foundation
import PortalAPI
import Testing

@Suite struct SessionModelTests {
    /// Source: https://www.interactivebrokers.com/campus/ibkr-api-page/cpapi-v1/#auth-status (IB's example).
    static let authStatus = """
        {"authenticated":true,"competing":false,"connected":true,"message":"","MAC":"98:F2:B3:23:BF:A0",
         "serverInfo":{"serverName":"JifN19053","serverVersion":"Build 10.25.0p, Dec 5, 2023 5:48:12 PM"},"fail":""}
        """

    /// Source: https://www.interactivebrokers.com/campus/ibkr-api-page/cpapi-v1/#tickle (IB's example).
    static let tickle = """
        {"session":"bb665d0f55b6289d70bc7380089fc96f","ssoExpires":460311,"collission":false,"userId":123456789,
         "hmds":{"error":"no bridge"},
         "iserver":{"authStatus":{"authenticated":true,"competing":false,"connected":true,"message":"","MAC":"98:F2:B3:23:BF:A0",
           "serverInfo":{"serverName":"JifN19053","serverVersion":"Build 10.25.0p, Dec 5, 2023 5:48:12 PM"}}}}
        """

    @Test func authStatusReadsIBsExampleAndWritesTheSameKeys() throws {
        let status = try decode(AuthStatus.self, Self.authStatus)
        #expect(status.authenticated && status.connected && !status.competing)
        #expect(status.MAC == "98:F2:B3:23:BF:A0")
        #expect(status.serverInfo?.serverName == "JifN19053")
        #expect(try roundTrip(status) == status)
        #expect(Set(try jsonObject(status).keys) == (try fixtureKeys(Self.authStatus)))
    }

    @Test func tickleKeepsIBsSpellingOfCollission() throws {
        let tickle = try decode(Tickle.self, Self.tickle)
        #expect(tickle.session == "bb665d0f55b6289d70bc7380089fc96f")
        #expect(tickle.ssoExpires == 460_311)
        #expect(tickle.hmds?.error == "no bridge")
        #expect(tickle.iserver.authStatus.authenticated)
        #expect(try roundTrip(tickle) == tickle)
        #expect(Set(try jsonObject(tickle).keys) == ["session", "ssoExpires", "collission", "userId", "hmds", "iserver"])
    }
}
