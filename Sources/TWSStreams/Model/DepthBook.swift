import Vocabulary

/// A contract's order book as ``IBClient`` keeps it from IB's MARKET_DEPTH and
/// MARKET_DEPTH_L2 rows (insert, update, delete at a position), bounded to ``rowLimit`` rows a
/// side whatever the gateway sends.
public struct DepthBook: Hashable, Sendable {
    /// One price level of one side.
    public struct Row: Hashable, Sendable {
        /// The level's price.
        public var price: Double
        /// The size at that price; `nil` when IB sent none.
        public var size: FixedDecimal?
        /// The exchange (smart depth) or market maker quoting it; empty for one exchange's book.
        public var marketMaker: String

        /// Creates a row.
        public init(price: Double, size: FixedDecimal?, marketMaker: String = "") {
            self.price = price
            self.size = size
            self.marketMaker = marketMaker
        }
    }

    /// A change IB sends for one row (its `operation` field).
    public enum Operation: Int, Hashable, Sendable {
        /// A new row at the position; the rows from it down move one down.
        case insert = 0
        /// The row at the position changes.
        case update = 1
        /// The row at the position goes; the rows below move one up.
        case delete = 2
    }

    /// The most rows kept on each side (the rows asked for).
    public let rowLimit: Int
    /// The bids, best (highest) first.
    public private(set) var bids: [Row] = []
    /// The asks, best (lowest) first.
    public private(set) var asks: [Row] = []
    /// When the last row that changed the book was read.
    public var receivedAt: SessionInstant?

    /// An empty book of at most `rowLimit` rows a side (at least one).
    public init(rowLimit: Int) {
        self.rowLimit = max(rowLimit, 1)
    }

    /// Whether both sides hold no row.
    public var isEmpty: Bool { bids.isEmpty && asks.isEmpty }

    /// Whether both sides hold ``rowLimit`` rows.
    public var isFull: Bool { bids.count == rowLimit && asks.count == rowLimit }

    /// Applies one row of MARKET_DEPTH / MARKET_DEPTH_L2 (`side` 1 bid, 0 ask). A position at or
    /// past ``rowLimit``, an unknown operation or side, or an update or delete of a row the book
    /// does not hold (an update of the row just past the last adds it) changes nothing (the book stays bounded and consistent); an insert past
    /// the last row appends. Returns whether the book changed.
    @discardableResult
    public mutating func apply(position: Int, operation: Int, side: Int, price: Double, size: FixedDecimal?, marketMaker: String = "") -> Bool {
        guard let operation = Operation(rawValue: operation), side == 0 || side == 1,
              position >= 0, position < rowLimit else { return false }
        let row = Row(price: price, size: size, marketMaker: marketMaker)
        return side == 1 ? Self.apply(operation, row, at: position, to: &bids, limit: rowLimit)
            : Self.apply(operation, row, at: position, to: &asks, limit: rowLimit)
    }

    /// Empties both sides (IB's 317: the book was reset; or a resubscription, which sends the
    /// book again).
    public mutating func removeAll() {
        bids.removeAll()
        asks.removeAll()
    }

    private static func apply(_ operation: Operation, _ row: Row, at position: Int, to rows: inout [Row], limit: Int) -> Bool {
        switch operation {
        case .insert:
            rows.insert(row, at: min(position, rows.count))
            if rows.count > limit { rows.removeLast(rows.count - limit) }
            return true
        case .update:
            // An update of the row just past the last one adds it (some gateways update a
            // level they never inserted).
            guard position <= rows.count else { return false }
            if position == rows.count {
                rows.append(row)
                return true
            }
            guard rows[position] != row else { return false }
            rows[position] = row
            return true
        case .delete:
            guard position < rows.count else { return false }
            rows.remove(at: position)
            return true
        }
    }
}
