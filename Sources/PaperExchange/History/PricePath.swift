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
    /// A bend after ``anchored(to:at:)``: from `start` to `end` the path's scale moves
    /// geometrically from 1 to `ratio` (and stays there after `end`), so it passes through two
    /// given prices (``bridged(from:at:to:at:)``).
    private var bend: (start: Double, end: Double, ratio: Double)?

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

    /// The path through `first` at `firstInstant` and `second` at the later `secondInstant`:
    /// anchored at the first, then bent smoothly (geometrically in time) between the two so it
    /// meets the second; after it, scaled by the same bend. The paper gateway pins the
    /// previous session's close to the quote's previous close and the present to the live mark,
    /// so neither a chart's last session nor its latest bar contradicts the quote beside it.
    public func bridged(from first: Double, at firstInstant: Int64, to second: Double, at secondInstant: Int64) -> PricePath {
        var copy = anchored(to: first, at: firstInstant)
        guard secondInstant > firstInstant else { return anchored(to: second, at: secondInstant) }
        let unbent = copy.value(at: Double(secondInstant))
        guard unbent > 0, second > 0 else { return copy }
        copy.bend = (Double(firstInstant), Double(secondInstant), second / unbent)
        return copy
    }

    /// The value at `instant`, in seconds since the epoch (fractions allowed).
    public func value(at instant: Double) -> Double {
        guard let bend else { return unbentValue(at: instant) }
        let progress = min(1, max(0, (instant - bend.start) / (bend.end - bend.start)))
        return unbentValue(at: instant) * Self.power(bend.ratio, progress)
    }

    /// `base` raised to `exponent` (0...1), through the path's own exponential and logarithm.
    static func power(_ base: Double, _ exponent: Double) -> Double {
        exponent == 0 ? 1 : (exponent == 1 ? base : exponential(exponent * logarithm(base)))
    }

    /// The value before any bend.
    private func unbentValue(at instant: Double) -> Double {
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

    /// ln x for x > 0 without Foundation: x = m·2^e with m in [1, 2), ln m = 2·atanh((m−1)/(m+1))
    /// by its series (|z| ≤ 1/3, so 24 terms reach the last place).
    static func logarithm(_ x: Double) -> Double {
        guard x > 0, x.isFinite else { return x == 0 ? -.infinity : .nan }
        let ln2 = 0.693_147_180_559_945_3
        let m = x.significand
        let z = (m - 1) / (m + 1)
        let z2 = z * z
        var power = z
        var sum = 0.0
        for k in stride(from: 1, through: 47, by: 2) {
            sum += power / Double(k)
            power *= z2
        }
        return 2 * sum + Double(x.exponent) * ln2
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
