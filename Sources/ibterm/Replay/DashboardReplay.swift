import TWSTrace

/// What the dashboard needs of `ibterm replay`: the badge (`REPLAY ×10`), the speed (the
/// staleness thresholds are divided by it), and the time line (its progress is shown, the
/// trader's keys pause, step and jump it).
struct DashboardReplay: Sendable {
    /// The status bar's badge.
    var badge: String
    /// How fast the recording plays.
    var speed: ReplaySchedule.Speed
    /// The stand-in gateway's time line.
    var player: ReplayPlayer

    /// The factor the staleness thresholds are divided by: the speed, or 1 at max speed (no
    /// waits at all, so no threshold could be faithful; quotes then look as fresh as the
    /// frames arrive).
    var stalenessFactor: Double {
        if case .times(let factor) = speed { return factor }
        return 1
    }
}
