import Testing

@testable import TWSSession

@Suite struct PacingPolicyTests {
    /// Runs a queue as the I/O layer would: drain, then jump to the wake-up instant.
    private func drainAll(_ queue: inout PacedQueue<Int>, from start: SessionInstant) -> [(id: Int, at: SessionInstant)] {
        var sent: [(id: Int, at: SessionInstant)] = []
        var now = start
        var rounds = 0
        while true {
            let batch = queue.drain(now: now)
            sent += batch.ready.map { ($0, now) }
            guard let wake = batch.nextWakeup else { break }
            #expect(wake > now, "a wake-up must lie in the future, or the loop would spin")
            now = wake
            rounds += 1
            if rounds > 10_000 { Issue.record("queue did not drain"); break }
        }
        return sent
    }

    /// The largest number of sends in any half-open window `[t, t + window)`; checking the
    /// windows that start at each send time covers every window.
    private func busiestWindow(_ times: [SessionInstant], window: Duration) -> Int {
        var busiest = 0
        var end = 0
        for start in times.indices {
            while end < times.count, times[end] < times[start] + window { end += 1 }
            busiest = max(busiest, end - start)
        }
        return busiest
    }

    @Test(arguments: [1, 10, 50])
    func drainsABurstOf500WithNoMoreThan50InAnyOneSecondWindow(burst: Int) {
        var queue = PacedQueue<Int>(policy: PacingPolicy(limit: 50, per: .seconds(1), burst: burst))
        queue.enqueue(contentsOf: 0..<500)
        let sent = drainAll(&queue, from: .seconds(100))

        #expect(sent.count == 500, "nothing may be dropped")
        #expect(sent.map(\.id) == Array(0..<500), "the order must be kept")
        #expect(busiestWindow(sent.map(\.at), window: .seconds(1)) <= 50)
        // At 50 per second, 500 messages need at least 9 whole seconds after the first.
        let span = sent.last!.at - sent.first!.at
        #expect(span >= .seconds(9))
        #expect(span < .seconds(10), "the limiter should not be slower than 50 per second")
        #expect(queue.isEmpty)
    }

    @Test func aTokenBucketAloneWithAFullBurstWouldBreakTheWindowLimit() {
        // Why PacingPolicy keeps a send log: 50 tokens at once plus a second's refill is 99.
        var bucket = TokenBucket(rate: 50, per: .seconds(1), burst: 50)
        var times: [SessionInstant] = []
        var now = SessionInstant.origin
        while times.count < 200 {
            switch bucket.admit(now: now) {
            case .sendNow: times.append(now)
            case .wait(let until): now = until
            }
        }
        #expect(busiestWindow(times, window: .seconds(1)) == 99)
    }

    @Test func sendsAFullBurstAtOnceThenSpacesByTheEmissionInterval() {
        var policy = PacingPolicy(limit: 50, per: .seconds(1), burst: 10)
        let start = SessionInstant.seconds(5)
        for _ in 0..<10 { #expect(policy.admit(now: start) == .sendNow) }
        #expect(policy.admit(now: start) == .wait(until: start + .milliseconds(20)))
        #expect(policy.admit(now: start + .milliseconds(19)) == .wait(until: start + .milliseconds(20)))
        #expect(policy.admit(now: start + .milliseconds(20)) == .sendNow)
    }

    @Test func waitsForTheOldestSendToLeaveTheWindowWhenTheBucketWouldAllowMore() {
        var policy = PacingPolicy(limit: 5, per: .seconds(1), burst: 5)
        let start = SessionInstant.origin
        for _ in 0..<5 { #expect(policy.admit(now: start) == .sendNow) }
        // The bucket refills one token per 200 ms, but the window still holds 5 sends.
        #expect(policy.admit(now: .milliseconds(400)) == .wait(until: .seconds(1)))
        #expect(policy.admit(now: .seconds(1)) == .sendNow)
    }

    @Test func aWaitDecisionCountsNothing() {
        var policy = PacingPolicy(limit: 2, per: .seconds(1), burst: 1)
        #expect(policy.admit(now: .origin) == .sendNow)
        for _ in 0..<100 { _ = policy.admit(now: .milliseconds(100)) }
        #expect(policy.admit(now: .milliseconds(500)) == .sendNow)
    }

    @Test func tokenBucketRefillsOneTokenPerEmissionIntervalUpToItsBurst() {
        var bucket = TokenBucket(rate: 4, per: .seconds(1), burst: 2)
        #expect(bucket.emissionInterval == .milliseconds(250))
        #expect(bucket.admit(now: .origin) == .sendNow)
        #expect(bucket.admit(now: .origin) == .sendNow)
        #expect(bucket.admit(now: .origin) == .wait(until: .milliseconds(250)))
        // After a long pause the bucket holds no more than its burst.
        #expect(bucket.admit(now: .seconds(10)) == .sendNow)
        #expect(bucket.admit(now: .seconds(10)) == .sendNow)
        #expect(bucket.admit(now: .seconds(10)) == .wait(until: .seconds(10) + .milliseconds(250)))
    }

    @Test func anEmptyQueueHasNoWakeUpAndMessagesEnqueuedLaterStillGoInOrder() {
        var queue = PacedQueue<String>(policy: PacingPolicy(limit: 2, per: .seconds(1), burst: 2))
        #expect(queue.drain(now: .origin).nextWakeup == nil)
        queue.enqueue(contentsOf: ["a", "b", "c"])
        let first = queue.drain(now: .origin)
        #expect(first.ready == ["a", "b"])
        #expect(first.nextWakeup == .seconds(1))
        queue.enqueue("d")
        let second = queue.drain(now: .seconds(1))
        #expect(second.ready == ["c", "d"])
        #expect(second.nextWakeup == nil)
    }

    @Test func anUrgentMessageJumpsTheBacklogButStaysPaced() {
        var queue = PacedQueue<Int>(policy: PacingPolicy(limit: 2, per: .seconds(1), burst: 2))
        queue.enqueue(contentsOf: [1, 2, 3, 4])
        #expect(queue.drain(now: .origin).ready == [1, 2])
        queue.enqueueFirst(99)
        #expect(queue.drain(now: .milliseconds(500)).ready.isEmpty, "still inside the window")
        #expect(queue.drain(now: .seconds(1)).ready == [99, 3])
        #expect(queue.drain(now: .seconds(2)).ready == [4])
        queue.enqueueFirst(7)
        #expect(queue.drain(now: .seconds(3)).ready == [7])
    }

    @Test func removedMessagesAreNotCounted() {
        var queue = PacedQueue<Int>(policy: PacingPolicy(limit: 2, per: .seconds(1), burst: 2))
        queue.enqueue(contentsOf: [1, 2, 3, 4, 5])
        #expect(queue.drain(now: .origin).ready == [1, 2])
        #expect(queue.removeAll { $0 % 2 == 1 } == [3, 5])
        #expect(queue.count == 1)
        #expect(queue.drain(now: .seconds(1)).ready == [4])
    }
}
