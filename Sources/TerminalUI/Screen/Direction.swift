/// Which way a signed figure points: a price change or a P&L.
public enum Direction: Hashable, Sendable {
    /// Up or positive.
    case up
    /// Down or negative.
    case down
    /// Unchanged, zero or unknown.
    case flat

    /// The theme role for a figure pointing this way.
    public var role: ThemeRole {
        switch self {
        case .up: .up
        case .down: .down
        case .flat: .unchanged
        }
    }
}

/// A formatted number with the direction it points, e.g. `+1,234.50` up.
public struct Figure: Hashable, Sendable, ExpressibleByStringLiteral {
    /// The text, formatted by the caller; nil when unknown (drawn as the missing-value dash).
    public var text: String?
    /// Which way it points.
    public var direction: Direction

    /// Creates a figure.
    public init(_ text: String?, _ direction: Direction = .flat) {
        self.text = text
        self.direction = direction
    }

    /// A flat figure written as a literal.
    public init(stringLiteral value: String) {
        self.init(value)
    }

    /// An unknown figure.
    public static let missing = Figure(nil)
}
