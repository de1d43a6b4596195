/// A market-data field id (IB: `TickTypeEnum`), e.g. bid price, last size, volume.
///
/// A struct rather than an enum so that tick types newer than this codec pass through intact.
public struct TickType: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible {
    /// IB's numeric id.
    public var rawValue: Int
    /// Creates a tick type from IB's id.
    public init(rawValue: Int) { self.rawValue = rawValue }

    public static let bidSize = TickType(rawValue: 0)
    public static let bid = TickType(rawValue: 1)
    public static let ask = TickType(rawValue: 2)
    public static let askSize = TickType(rawValue: 3)
    public static let last = TickType(rawValue: 4)
    public static let lastSize = TickType(rawValue: 5)
    public static let high = TickType(rawValue: 6)
    public static let low = TickType(rawValue: 7)
    public static let volume = TickType(rawValue: 8)
    public static let close = TickType(rawValue: 9)
    public static let open = TickType(rawValue: 14)
    public static let avgVolume = TickType(rawValue: 21)
    public static let lastTimestamp = TickType(rawValue: 45)
    public static let shortable = TickType(rawValue: 46)
    public static let rtVolume = TickType(rawValue: 48)
    public static let halted = TickType(rawValue: 49)
    public static let markPrice = TickType(rawValue: 37)
    public static let delayedBid = TickType(rawValue: 66)
    public static let delayedAsk = TickType(rawValue: 67)
    public static let delayedLast = TickType(rawValue: 68)
    public static let delayedBidSize = TickType(rawValue: 69)
    public static let delayedAskSize = TickType(rawValue: 70)
    public static let delayedLastSize = TickType(rawValue: 71)
    public static let delayedHigh = TickType(rawValue: 72)
    public static let delayedLow = TickType(rawValue: 73)
    public static let delayedVolume = TickType(rawValue: 74)
    public static let delayedClose = TickType(rawValue: 75)
    public static let delayedOpen = TickType(rawValue: 76)
    public static let lastExchange = TickType(rawValue: 84)
    public static let delayedLastTimestamp = TickType(rawValue: 88)
    public static let delayedHalted = TickType(rawValue: 90)

    /// Whether this is one of the delayed variants (66-76, 88, 90).
    public var isDelayed: Bool { (66...76).contains(rawValue) || rawValue == 88 || rawValue == 90 }

    /// The live tick type a delayed one stands for (66 → 1 and so on); itself otherwise.
    public var live: TickType {
        switch rawValue {
        case 66: return .bid
        case 67: return .ask
        case 68: return .last
        case 69: return .bidSize
        case 70: return .askSize
        case 71: return .lastSize
        case 72: return .high
        case 73: return .low
        case 74: return .volume
        case 75: return .close
        case 76: return .open
        case 88: return .lastTimestamp
        case 90: return .halted
        default: return self
        }
    }

    /// The delayed variant of a live tick type (1 → 66 and so on); itself when there is none.
    public var delayed: TickType {
        switch rawValue {
        case 1: return .delayedBid
        case 2: return .delayedAsk
        case 4: return .delayedLast
        case 0: return .delayedBidSize
        case 3: return .delayedAskSize
        case 5: return .delayedLastSize
        case 6: return .delayedHigh
        case 7: return .delayedLow
        case 8: return .delayedVolume
        case 9: return .delayedClose
        case 14: return .delayedOpen
        case 45: return .delayedLastTimestamp
        case 49: return .delayedHalted
        default: return self
        }
    }

    /// A description.
    public var description: String { "tick \(rawValue)" }
}

/// Flags carried with a price tick (IB: `TickAttrib`).
public struct TickAttributes: Hashable, Sendable, Codable {
    /// The raw bit mask as sent.
    public var mask: Int
    /// Creates attributes from IB's mask.
    public init(mask: Int = 0) { self.mask = mask }
    /// Bit 0: the order can be executed automatically at this price.
    public var canAutoExecute: Bool { mask & 1 != 0 }
    /// Bit 1: a bid below the lowest or an ask above the highest allowed price.
    public var pastLimit: Bool { mask & 2 != 0 }
    /// Bit 2: the quote is from the pre-open session.
    public var preOpen: Bool { mask & 4 != 0 }
}
