/// What `body` returns, or `nil` when `limit` passes first (its task is then cancelled): how
/// the one-shot commands wait for the first answer of a stream.
func firstAnswer<Value: Sendable>(within limit: Duration, _ body: @escaping @Sendable () async -> Value?) async -> Value? {
    await withTaskGroup(of: Value?.self) { group in
        group.addTask(operation: body)
        group.addTask {
            try? await Task.sleep(for: limit)
            return nil
        }
        let first = await group.next() ?? nil
        group.cancelAll()
        return first
    }
}
