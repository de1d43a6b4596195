/// A mouse event the dashboard understands: button 1 pressed on a cell, or the wheel turned
/// over one. Only reported when the config turns the mouse on (`mouse = true`).
public struct MouseEvent: Hashable, Sendable {
    /// What the mouse did.
    public enum Kind: Hashable, Sendable {
        /// The (left) button went down: select what is under it.
        case press
        /// The wheel turned away from the user: scroll up.
        case wheelUp
        /// The wheel turned towards the user: scroll down.
        case wheelDown
    }

    /// What the mouse did.
    public var kind: Kind
    /// The cell it did it on (column, row from the top left, 0-based).
    public var point: Point

    /// Creates an event.
    public init(_ kind: Kind, at point: Point) {
        self.kind = kind
        self.point = point
    }
}
