/// Formats an age (a `Duration`) in the short form the status bar and quote rows use.
///
/// Examples: `0 s`, `47 s`, `2 min 07 s`, `1 h 05 min`, `3 d 04 h`. Ages are truncated to whole
/// seconds; a negative age (a tick stamped after `now`) is shown as `0 s`.
public enum AgeFormatter {
    /// Formats `age` compactly, truncating to whole seconds.
    public static func format(_ age: Duration) -> String {
        let seconds = max(0, age.components.seconds)
        if seconds < 60 { return "\(seconds) s" }
        if seconds < 3600 { return "\(seconds / 60) min \(pad(seconds % 60)) s" }
        if seconds < 86_400 { return "\(seconds / 3600) h \(pad((seconds % 3600) / 60)) min" }
        return "\(seconds / 86_400) d \(pad((seconds % 86_400) / 3600)) h"
    }

    private static func pad(_ value: Int64) -> String {
        value < 10 ? "0\(value)" : "\(value)"
    }
}
