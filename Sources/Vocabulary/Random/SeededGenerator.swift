/// The seeded pseudo-random generator every layer shares: Sebastiano Vigna's SplitMix64.
///
/// A given seed gives the same sequence on every platform and in every release: the session's
/// reconnect jitter, the seeding of the simulator's xoshiro256** streams, the soak's fault
/// schedule and every seeded test depend on it, so the algorithm never changes. The pure layers take all randomness from a generator passed in
/// by their owner; the I/O layer seeds it from the system generator, tests with a constant. Not
/// suitable for cryptography.
///
/// ```swift
/// var generator = SeededGenerator(seed: 0)
/// generator.next()    // 0xE220_A839_7B1D_CDAF, always
/// ```
public struct SeededGenerator: RandomNumberGenerator, Sendable, Hashable, Codable {
    /// The generator's whole state.
    public private(set) var state: UInt64

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
