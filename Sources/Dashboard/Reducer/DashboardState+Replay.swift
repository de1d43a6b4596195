/// A replay's progress and the trader's keys for it (pause, step, jump).
extension DashboardState {
    /// The replay moved. A rewind (a jump back) plays the recording again from its start: the
    /// orders, executions and positions learnt after the target are forgotten, and come back
    /// as the replay reaches them again.
    mutating func receiveReplayProgress(_ progress: ReplayProgress) {
        if let before = replay, progress.rewinds > before.rewinds {
            orders = [:]
            executions = []
            recentFills = []
            positions = [:]
        }
        guard progress != replay else { return }
        replay = progress
        changed = true
    }

    /// Space, `.`, `<`, `>`: asks the replay to pause, step or jump; outside a replay the
    /// footer says what the key is for.
    mutating func controlReplay(_ control: ReplayControl) -> [DashboardEffect] {
        guard config.replay != nil else {
            note(.nothingToDo, "Not a replay", "This key pauses, steps or jumps a replay (ibterm replay FILE); there is nothing to replay.")
            return []
        }
        return [.controlReplay(control)]
    }
}
