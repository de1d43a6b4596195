/// One piece of the status bar (gateway address, PAPER badge, clock, ...).
public struct StatusSegment: Hashable, Sendable {
    /// Which end of the bar a segment sits at.
    public enum Edge: Hashable, Sendable {
        /// Packed from the left edge, in order.
        case left
        /// Packed from the right edge; the first right segment sits furthest right.
        case right
    }

    /// The text.
    public var text: String
    /// The role to draw it in (e.g. `.paper` for the PAPER badge).
    public var role: ThemeRole
    /// Which end of the bar it belongs to.
    public var edge: Edge

    /// Creates a segment.
    public init(_ text: String, role: ThemeRole = .statusBar, edge: Edge = .left) {
        self.text = text
        self.role = role
        self.edge = edge
    }
}
