/// A small, fast, seeded pseudo-random generator (SplitMix64) for reproducible jitter.
///
/// `TWSSession` takes all randomness from a generator passed in by its owner, so a fixed seed
/// gives the same backoff schedule on every run. The I/O layer seeds it from the system
/// generator; tests seed it with a constant. Not suitable for cryptography.
public struct SeededGenerator: RandomNumberGenerator, Sendable, Equatable {
    private var state: UInt64

    /// Creates a generator whose sequence is fully determined by `seed`.
    public init(seed: UInt64) {
        self.state = seed
    }

    /// Returns the next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
