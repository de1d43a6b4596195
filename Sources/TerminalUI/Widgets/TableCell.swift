/// One cell of a `Table` row: its text and the theme role it is drawn in.
public struct TableCell: Hashable, Sendable, ExpressibleByStringLiteral {
    /// The text (truncated with an ellipsis when the column is too narrow).
    public var text: String
    /// The role to draw it in.
    public var role: ThemeRole
    /// Whether the cell keeps its role on the selected row instead of taking the selection
    /// role (used for freshness, so a selected stale quote still looks stale).
    public var keepsRoleWhenSelected: Bool

    /// Creates a cell.
    public init(_ text: String, role: ThemeRole = .text, keepsRoleWhenSelected: Bool = false) {
        self.text = text
        self.role = role
        self.keepsRoleWhenSelected = keepsRoleWhenSelected
    }

    /// A plain text cell written as a literal.
    public init(stringLiteral value: String) {
        self.init(value)
    }
}
