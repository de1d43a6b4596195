/// One terminal cell: a grapheme, its style, and the theme role it was drawn with.
///
/// A wide character (2 columns) occupies two cells: the leading cell holds the character with
/// `width == 2`, and the cell to its right is a continuation (`width == 0`, `character == " "`)
/// that a backend skips when printing.
public struct Cell: Hashable, Sendable {
    /// The grapheme shown in the cell (a space for blank and continuation cells).
    public var character: Character
    /// How the cell looks.
    public var style: Style
    /// The semantic role the cell was drawn with, for role dumps in tests; nil for none.
    public var role: ThemeRole?
    /// Columns the character occupies: 1 normally, 2 for a wide character, 0 for the
    /// continuation cell right of a wide character.
    public var width: UInt8

    /// Creates a cell.
    public init(_ character: Character = " ", style: Style = .plain, role: ThemeRole? = nil, width: UInt8 = 1) {
        self.character = character
        self.style = style
        self.role = role
        self.width = width
    }

    /// A space in the plain style with no role.
    public static let blank = Cell()

    /// Whether this cell is the right half of a wide character.
    public var isContinuation: Bool { width == 0 }
}
