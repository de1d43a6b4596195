import Dashboard

/// The replay's time bar in the status bar: where the playhead is in the recording, drawn
/// as a line with a marker, then the time played and the recording's length
/// (`━━━━●─────── 2:05/5:12`; `====|------- 2:05/5:12` in ASCII).
public struct ReplayTimeBar: Hashable, Sendable {
    /// How far through the recording, 0...1.
    public var fraction: Double
    /// Seconds played since the recording's start.
    public var elapsedSeconds: Int
    /// The recording's length in seconds.
    public var lengthSeconds: Int

    /// The bar for `progress`.
    public init(_ progress: ReplayProgress) {
        fraction = progress.fraction
        let start = progress.start.millisecondsSinceEpoch
        elapsedSeconds = Int(max(0, progress.position.millisecondsSinceEpoch - start) / 1000)
        lengthSeconds = Int(max(0, progress.end.millisecondsSinceEpoch - start) / 1000)
    }

    /// The line of `width` cells with its marker, then the times.
    public func text(width: Int, ascii: Bool) -> String {
        let width = max(width, 2)
        let marker = min(width - 1, Int((fraction * Double(width - 1)).rounded()))
        let (done, mark, rest): (Character, Character, Character) = ascii ? ("=", "|", "-") : ("━", "●", "─")
        let line = String(repeating: done, count: marker) + String(mark) + String(repeating: rest, count: width - 1 - marker)
        return "\(line) \(Self.minutes(elapsedSeconds))/\(Self.minutes(lengthSeconds))"
    }

    /// `m:ss`, or `h:mm:ss` from an hour.
    static func minutes(_ seconds: Int) -> String {
        let h = seconds / 3600, m = seconds / 60 % 60, s = seconds % 60
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return h > 0 ? "\(h):\(two(m)):\(two(s))" : "\(m):\(two(s))"
    }
}
