/// Hands out ncurses colour-pair numbers for (foreground, background) colour numbers, reusing
/// a pair once allocated. Pure: the caller runs `init_pair` for each `.new` allocation.
///
/// Pair 0 is the terminal default (-1, -1) and is never allocated; numbers run from 1 up to
/// `capacity`. When every pair is taken, further combinations get `.exhausted` and should be
/// drawn with pair 0.
public struct ColorPairAllocator: Hashable, Sendable {
    /// The outcome of asking for a pair.
    public enum Allocation: Hashable, Sendable {
        /// The combination already had this pair.
        case existing(Int16)
        /// A fresh pair: call `init_pair(pair, foreground, background)` before using it.
        case new(Int16)
        /// No pair numbers are left.
        case exhausted

        /// The pair number to draw with (0 when exhausted).
        public var pair: Int16 {
            switch self {
            case let .existing(pair), let .new(pair): return pair
            case .exhausted: return 0
            }
        }
    }

    /// The highest pair number that may be allocated.
    public let capacity: Int
    /// The pairs allocated so far, keyed by foreground and background.
    private var pairs: [ColorPairKey: Int16] = [:]

    /// A foreground and background colour number (-1 for the terminal default).
    struct ColorPairKey: Hashable, Sendable {
        var foreground: Int16
        var background: Int16
    }

    /// Creates an allocator for a terminal with `colorPairs` pairs (ncurses' `COLOR_PAIRS`);
    /// pair numbers stay below 32768 because `init_pair` takes a `short`.
    public init(colorPairs: Int) {
        capacity = max(0, min(colorPairs, 32768) - 1)
    }

    /// How many pairs have been allocated.
    public var count: Int { pairs.count }

    /// The pair for `foreground` on `background`.
    public mutating func pair(foreground: Int16, background: Int16) -> Allocation {
        if foreground == -1 && background == -1 { return .existing(0) }
        let key = ColorPairKey(foreground: foreground, background: background)
        if let existing = pairs[key] { return .existing(existing) }
        guard pairs.count < capacity else { return .exhausted }
        let number = Int16(pairs.count + 1)
        pairs[key] = number
        return .new(number)
    }

    /// Forgets every allocation (after the colour depth changed).
    public mutating func reset() {
        pairs.removeAll()
    }
}
