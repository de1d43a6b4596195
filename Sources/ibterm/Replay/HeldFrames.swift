import Foundation
import TWSTrace

/// The replay's frames waiting aside for the client request they answer
/// (``ReplaySchedule/Step/after``), each request's frames in recorded order: released once the
/// client has written the request, or after a limit (the client asks differently this time).
struct HeldFrames {
    private var queues: [ReplaySchedule.Request: (since: Date, payloads: [[UInt8]])] = [:]
    /// Requests in the order their first frame was held.
    private var order: [ReplaySchedule.Request] = []

    /// Whether no frame waits.
    var isEmpty: Bool { queues.isEmpty }

    /// Whether frames wait for `request` (a later frame for it waits behind them).
    func isHolding(_ request: ReplaySchedule.Request) -> Bool {
        queues[request] != nil
    }

    /// Holds `payload` until `request` is written.
    mutating func hold(_ payload: [UInt8], for request: ReplaySchedule.Request, now: Date = Date()) {
        if queues[request] == nil {
            queues[request] = (now, [])
            order.append(request)
        }
        queues[request]?.payloads.append(payload)
    }

    /// The frames free now, in the order their requests were first held: those whose request
    /// is `written`, and those held `limit` seconds or more (their requests are returned as
    /// given up on).
    mutating func release(limit: Double, now: Date = Date(), written: (ReplaySchedule.Request) -> Bool)
        -> (frames: [[UInt8]], givenUp: [ReplaySchedule.Request]) {
        var frames: [[UInt8]] = []
        var givenUp: [ReplaySchedule.Request] = []
        order.removeAll { request in
            guard let queue = queues[request] else { return true }
            let expired = now.timeIntervalSince(queue.since) >= limit
            guard expired || written(request) else { return false }
            if expired, !written(request) { givenUp.append(request) }
            frames += queue.payloads
            queues[request] = nil
            return true
        }
        return (frames, givenUp)
    }
}
