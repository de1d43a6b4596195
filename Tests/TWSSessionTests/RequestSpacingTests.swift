import Testing
import TWSSession

@Suite struct RequestSpacingTests {
    @Test func requestsMadeTogetherGetTurnsOneIntervalApartInOrder() {
        var spacing = RequestSpacing(interval: .seconds(1))
        let now = SessionInstant.seconds(10)
        #expect(spacing.reserve(now: now) == now, "the first goes at once")
        #expect(spacing.reserve(now: now) == .seconds(11))
        #expect(spacing.reserve(now: now + .milliseconds(200)) == .seconds(12))
    }

    @Test func aRequestAfterAQuietIntervalGoesAtOnce() {
        var spacing = RequestSpacing(interval: .seconds(1))
        _ = spacing.reserve(now: .seconds(5))
        #expect(spacing.reserve(now: .milliseconds(5_999)) == .seconds(6), "one millisecond too early waits")
        #expect(spacing.reserve(now: .seconds(30)) == .seconds(30))
        var none = RequestSpacing(interval: .zero)
        #expect(none.reserve(now: .seconds(1)) == .seconds(1) && none.reserve(now: .seconds(1)) == .seconds(1))
    }
}
