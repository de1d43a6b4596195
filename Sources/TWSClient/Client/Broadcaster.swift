/// Fans one stream of values out to any number of `AsyncStream` subscribers.
struct Broadcaster<Element: Sendable>: Sendable {
    private var continuations: [Int: AsyncStream<Element>.Continuation] = [:]
    private var nextID = 0

    /// Adds a subscriber and returns its id and stream.
    mutating func add() -> (id: Int, stream: AsyncStream<Element>, continuation: AsyncStream<Element>.Continuation) {
        let (stream, continuation) = AsyncStream.makeStream(of: Element.self, bufferingPolicy: .bufferingNewest(4096))
        let id = nextID
        nextID += 1
        continuations[id] = continuation
        return (id, stream, continuation)
    }

    /// Removes a subscriber whose stream ended.
    mutating func remove(_ id: Int) {
        continuations[id] = nil
    }

    /// Sends `value` to every subscriber.
    func yield(_ value: Element) {
        for continuation in continuations.values { continuation.yield(value) }
    }

    /// Ends every subscriber's stream.
    mutating func finishAll() {
        for continuation in continuations.values { continuation.finish() }
        continuations.removeAll()
    }
}
