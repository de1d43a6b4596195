/// The flight recorder's settings (`[trace]` in the config): whether it records, and how much
/// of the recent traffic its in-memory ring keeps, by age and by size (whichever is reached
/// first evicts the oldest records).
///
/// ```toml
/// [trace]
/// enabled = true    # the ring (`:dump`, and a crash or fatal error, write it next to the log)
/// ring_minutes = 10
/// ring_mb = 16
/// ```
public struct RecorderSettings: Sendable, Hashable {
    /// Whether the ring records (`--trace FILE` records whatever this says).
    public var enabled = true
    /// How long a record stays in the ring, in minutes (1...1440).
    public var ringMinutes = 10
    /// The ring's size in MiB (1...1024).
    public var ringMegabytes = 16

    /// The defaults: on, 10 minutes, 16 MiB.
    public init() {}
}
