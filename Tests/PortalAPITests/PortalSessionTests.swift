import PortalAPI
import Testing
import Vocabulary

@Suite struct PortalSessionTests {
    private let start = SessionInstant.seconds(100)

    @Test func beforeValidationNothingIsAdmittedAndStatusSaysNotConnected() {
        var session = PortalSession()
        #expect(session.state(at: start) == .unauthenticated)
        let result1 = session.admit(.readOnly, at: start)
        #expect(!result1)
        let result2 = session.admit(.brokerage, at: start)
        #expect(!result2)
        let status = session.authStatus(at: start)
        #expect(!status.authenticated && !status.connected && !status.competing)
    }

    @Test func validationAuthenticates() {
        var session = PortalSession()
        session.validate(at: start)
        #expect(session.state(at: start) == .authenticated)
        let result3 = session.admit(.brokerage, at: start + .seconds(1))
        #expect(result3)
        let status = session.authStatus(at: start + .seconds(1))
        #expect(status.authenticated && status.connected && !status.competing)
    }

    /// IB: a timed-out session answers connected true, authenticated false.
    @Test func fiveIdleMinutesTimeTheSessionOut() {
        var session = PortalSession()
        session.validate(at: start)
        #expect(session.state(at: start + .seconds(299)) == .authenticated)
        #expect(session.state(at: start + .seconds(300)) == .timedOut)
        let status = session.authStatus(at: start + .seconds(300))
        #expect(!status.authenticated && status.connected)
        let result4 = session.admit(.brokerage, at: start + .seconds(300))
        #expect(!result4)
        let result5 = session.admit(.readOnly, at: start + .seconds(300))
        #expect(!result5)
    }

    @Test func tickleAndRequestsKeepTheSessionAlive() {
        var session = PortalSession()
        session.validate(at: start)
        var now = start
        for _ in 0..<10 {
            now += .seconds(60)
            let result6 = session.tickle(at: now)
            #expect(result6.authenticated)
        }
        let result7 = session.admit(.brokerage, at: now + .seconds(240))
        #expect(result7)
        #expect(session.state(at: now + .seconds(240) + .seconds(299)) == .authenticated)
        #expect(session.lastActivity == now + .seconds(240))
    }

    @Test func aTickleAfterTheTimeOutDoesNotReviveIt() {
        var session = PortalSession()
        session.validate(at: start)
        let late = start + .seconds(301)
        let result8 = session.tickle(at: late)
        #expect(!result8.authenticated)
        #expect(session.state(at: late + .seconds(1)) == .timedOut)
        let result9 = session.reauthenticate(at: late + .seconds(2))
        #expect(result9)
        #expect(session.state(at: late + .seconds(2)) == .authenticated)
    }

    @Test func theIdleLimitCanBeShortened() {
        var session = PortalSession(idleTimeout: .seconds(10))
        session.validate(at: start)
        #expect(session.state(at: start + .seconds(10)) == .timedOut)
    }

    @Test func aCompetingSessionTakesTheBrokerageSessionUntilReauthentication() {
        var session = PortalSession()
        session.validate(at: start)
        session.competingSessionStarted(at: start + .seconds(5))
        #expect(session.state(at: start + .seconds(5)) == .competing)
        let status = session.authStatus(at: start + .seconds(5))
        #expect(status.competing && !status.authenticated && status.connected)
        let result10 = session.admit(.brokerage, at: start + .seconds(6))
        #expect(!result10)
        let result11 = session.admit(.readOnly, at: start + .seconds(6))
        #expect(result11)
        let result12 = session.reauthenticate(at: start + .seconds(7))
        #expect(result12)
        #expect(session.authStatus(at: start + .seconds(7)) == AuthStatus(authenticated: true, competing: false, connected: true))
    }

    @Test func logoutEndsTheSession() {
        var session = PortalSession()
        session.validate(at: start)
        session.logout()
        #expect(session.state(at: start) == .unauthenticated)
        let result13 = session.reauthenticate(at: start + .seconds(1))
        #expect(!result13)
        #expect(!session.authStatus(at: start).connected)
    }
}
