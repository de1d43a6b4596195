/// Field 6509 of a snapshot: what kind of data the values are, up to three letters.
///
/// Per IB's field table (https://www.interactivebrokers.com/campus/ibkr-api-page/cpapi-v1/#market-data-availability,
/// as ibind's `ibkr_definitions.py` quotes it): the first letter is the kind, `R` real time,
/// `D` delayed, `Z` frozen, `Y` frozen delayed, `N` not subscribed; the second the delivery,
/// `P` snapshot, `p` consolidated; the third `B` book (top of book). IB's example is `RpB`.
public struct MarketDataAvailability: Sendable, Equatable, CustomStringConvertible {
    /// The first letter: the kind of data.
    public enum Kind: Character, Sendable {
        /// `R`: real time.
        case realtime = "R"
        /// `D`: delayed.
        case delayed = "D"
        /// `Z`: frozen (the last values, the market closed).
        case frozen = "Z"
        /// `Y`: frozen delayed.
        case frozenDelayed = "Y"
        /// `N`: not subscribed.
        case notSubscribed = "N"
    }

    /// The second letter: how the data is delivered.
    public enum Delivery: Character, Sendable {
        /// `P`: snapshot.
        case snapshot = "P"
        /// `p`: consolidated.
        case consolidated = "p"
    }

    /// The kind of data.
    public var kind: Kind
    /// How it is delivered, when the letter is there.
    public var delivery: Delivery?
    /// Whether it is top of book (`B`).
    public var book: Bool

    /// An availability by its parts.
    public init(kind: Kind, delivery: Delivery? = nil, book: Bool = false) {
        self.kind = kind
        self.delivery = delivery
        self.book = book
    }

    /// Reads the text of field 6509; nil when the first letter is not one of IB's, or a later
    /// letter is unknown.
    public init?(_ text: String) {
        let letters = Array(text)
        guard let first = letters.first, let kind = Kind(rawValue: first), letters.count <= 3 else { return nil }
        self.kind = kind
        delivery = nil
        book = false
        for letter in letters.dropFirst() {
            if let delivery = Delivery(rawValue: letter), self.delivery == nil, !book {
                self.delivery = delivery
            } else if letter == "B", !book {
                book = true
            } else {
                return nil
            }
        }
    }

    /// The text as IB sends it (`RpB`).
    public var description: String {
        String(kind.rawValue) + (delivery.map { String($0.rawValue) } ?? "") + (book ? "B" : "")
    }
}
