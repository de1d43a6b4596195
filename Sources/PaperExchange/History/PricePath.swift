import Vocabulary

/// A deterministic price path through time for one instrument, from which the engine draws
/// historical bars: the same seed, instrument and instant always give the same value, whatever
/// request asks for it, so pages of history join, bar sizes agree at their boundaries, and a
/// daily bar's close is its last minute bar's close.
///
/// The path's logarithm is a sum of value-noise layers, one per time scale from a year down to
/// a second, each with the amplitude a random walk of the instrument's volatility has over its
/// scale (σ·√(scale / year)). ``anchored(to:at:)`` scales the path so that it passes through
/// the live mark at the current instant: the latest bar agrees with the live price.
public struct PricePath: Sendable {
    private struct Layer: Sendable {
        var scale: Int64
        var amplitude: Double
    }

    private let key: UInt64
    private let layers: [Layer]
    private var factor: Double = 1

    /// The scales of the noise layers, in seconds: a year down to one second.
    static let scales: [Int64] = [31_536_000, 7_776_000, 2_592_000, 604_800, 86_400, 14_400, 3600, 900, 300, 60, 15, 5, 1]

    /// A path for an instrument of annualised `volatility`, keyed by the engine's seed and the
    /// instrument's contract id.
    public init(seed: UInt64, conId: Int, volatility: Double) {
        var mixer = SeededGenerator(seed: seed ^ (UInt64(truncatingIfNeeded: conId) &* 0x9E37_79B9_7F4A_7C15))
        key = mixer.next()
        let sigma = max(0.0001, volatility)
        layers = Self.scales.map { Layer(scale: $0, amplitude: sigma * (Double($0) / 31_536_000).squareRoot() * 1.2) }
    }

    /// The path scaled so that its value at `instant` (seconds since the epoch) is `price`.
    public func anchored(to price: Double, at instant: Int64) -> PricePath {
        var copy = self
        copy.factor = 1
        copy.factor = price / copy.value(at: Double(instant))
        return copy
    }

    /// The value at `instant`, in seconds since the epoch (fractions allowed).
    public func value(at instant: Double) -> Double {
        var level = 0.0
        for (index, layer) in layers.enumerated() {
            let position = instant / Double(layer.scale)
            let cell = position.rounded(.down)
            let fraction = position - cell
            let a = noise(layer: index, cell: Int64(cell))
            let b = noise(layer: index, cell: Int64(cell) + 1)
            // Smoothstep keeps each layer's slope continuous at cell edges.
            let weight = fraction * fraction * (3 - 2 * fraction)
            level += layer.amplitude * (a + (b - a) * weight)
        }
        return factor * Self.exponential(level)
    }

    /// A value in [-1, 1) fixed by the path's key, the layer and the cell.
    private func noise(layer: Int, cell: Int64) -> Double {
        var mixer = SeededGenerator(seed: key ^ (UInt64(layer) &* 0xBF58_476D_1CE4_E5B9) ^ (UInt64(bitPattern: cell) &* 0x94D0_49BB_1331_11EB))
        return Double(mixer.next() >> 11) / Double(1 << 52) - 1
    }

    /// e^x without Foundation: x = n·ln 2 + r with |r| ≤ ln 2 / 2, a Taylor series for e^r,
    /// scaled by 2^n. Accurate to a few units in the last place over the path's range.
    static func exponential(_ x: Double) -> Double {
        let ln2 = 0.693_147_180_559_945_3
        let n = (x / ln2).rounded()
        let r = x - n * ln2
        var term = 1.0
        var sum = 1.0
        for k in 1...16 {
            term *= r / Double(k)
            sum += term
        }
        return sum * Double(sign: .plus, exponent: Int(n), significand: 1)
    }
}

extension PricePath {
    /// A deterministic number in [0, 1) for the seed, the instrument, `salt` and `index`, for
    /// the bars' volumes.
    static func uniform(seed: UInt64, conId: Int, salt: UInt64, index: Int64) -> Double {
        var mixer = SeededGenerator(seed: seed ^ (UInt64(truncatingIfNeeded: conId) &* 0x9E37_79B9_7F4A_7C15)
            ^ (salt &* 0xD6E8_FEB8_6659_FD93) ^ UInt64(bitPattern: index))
        return Double(mixer.next() >> 11) / Double(1 << 53)
    }
}
