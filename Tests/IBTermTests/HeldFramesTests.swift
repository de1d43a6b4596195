import Foundation
import Testing
import TWSTrace
@testable import ibterm

/// The replay's frames set aside for the request they answer: released in order once it is
/// written, or after the limit (the request is then given up on); other requests' frames are
/// not held behind them.
@Suite struct HeldFramesTests {
    static let contracts = ReplaySchedule.Request(messageID: Array("9".utf8), ordinal: 1)
    static let positions = ReplaySchedule.Request(messageID: Array("61".utf8), ordinal: 1)

    @Test func framesGoInOrderOnceTheirRequestIsWrittenAndOthersAreNotHeldBehindThem() {
        var held = HeldFrames()
        let start = Date(timeIntervalSince1970: 1_000)
        held.hold([1], for: Self.contracts, now: start)
        held.hold([2], for: Self.positions, now: start)
        held.hold([3], for: Self.contracts, now: start)
        #expect(held.isHolding(Self.contracts) && held.isHolding(Self.positions))
        let first = held.release(limit: 2, now: start + 0.1) { $0 == Self.positions }
        #expect(first.frames == [[2]] && first.givenUp.isEmpty)
        #expect(!held.isHolding(Self.positions))
        let second = held.release(limit: 2, now: start + 0.2) { _ in true }
        #expect(second.frames == [[1], [3]])
        #expect(held.isEmpty)
    }

    @Test func aRequestNeverWrittenIsGivenUpOnAfterTheLimit() {
        var held = HeldFrames()
        let start = Date(timeIntervalSince1970: 1_000)
        held.hold([1], for: Self.contracts, now: start)
        #expect(held.release(limit: 2, now: start + 1.9) { _ in false }.frames.isEmpty)
        let late = held.release(limit: 2, now: start + 2) { _ in false }
        #expect(late.frames == [[1]] && late.givenUp == [Self.contracts])
        #expect(held.isEmpty)
    }
}
