import Dashboard

/// The one-cell marks that carry meaning without colour: a mark per quote freshness state and
/// per message severity, plus the dash shown for a missing value. Each set comes in Unicode and
/// in seven-bit ASCII (`--ascii`).
///
/// | state          | Unicode | ASCII |
/// | -------------- | ------- | ----- |
/// | live           | `●`     | `*`   |
/// | aging          | `◐`     | `~`   |
/// | stale          | `✕`     | `!`   |
/// | polled         | `◌`     | `p`   |
/// | delayed        | `◷`     | `d`   |
/// | frozen         | `■`     | `=`   |
/// | halted         | `‖`     | `H`   |
/// | no entitlement | `⊘`     | `$`   |
/// | no data        | `○`     | `?`   |
/// | disconnected   | `⊗`     | `X`   |
///
/// Severity marks: info `·`/`i`, warning `△`/`!`, error `✖`/`E`. Every mark is one column
/// wide, and no two states share a mark within a set.
public struct MarkGlyphs: Hashable, Sendable {
    /// The mark of each quote state.
    public var freshness: [Freshness: Character]
    /// The mark of each message severity.
    public var severity: [MessageLevel: Character]
    /// Shown where a value is unknown (IB's "no value" sentinels, no quote yet).
    public var missingValue: String
    /// Whether every character drawn must be seven-bit ASCII (text is transliterated).
    public var asciiOnly: Bool

    /// Creates a mark set.
    public init(
        freshness: [Freshness: Character], severity: [MessageLevel: Character], missingValue: String,
        asciiOnly: Bool
    ) {
        self.freshness = freshness
        self.severity = severity
        self.missingValue = missingValue
        self.asciiOnly = asciiOnly
    }

    /// The mark for a quote state (`?` if a custom set leaves one out).
    public func mark(_ state: Freshness) -> Character {
        freshness[state] ?? "?"
    }

    /// The mark for a message severity (`?` if a custom set leaves one out).
    public func mark(_ level: MessageLevel) -> Character {
        severity[level] ?? "?"
    }

    /// Geometric shapes: filled for live, half for aging, a cross for stale.
    public static let unicode = MarkGlyphs(
        freshness: [
            .live: "●", .aging: "◐", .stale: "✕", .polled: "◌", .delayed: "◷", .frozen: "■", .halted: "‖",
            .noEntitlement: "⊘", .noData: "○", .disconnected: "⊗",
        ],
        severity: [.info: "·", .warning: "△", .error: "✖"],
        missingValue: "—", asciiOnly: false)

    /// Seven-bit ASCII marks.
    public static let ascii = MarkGlyphs(
        freshness: [
            .live: "*", .aging: "~", .stale: "!", .polled: "p", .delayed: "d", .frozen: "=", .halted: "H",
            .noEntitlement: "$", .noData: "?", .disconnected: "X",
        ],
        severity: [.info: "i", .warning: "!", .error: "E"],
        missingValue: "-", asciiOnly: true)
}
