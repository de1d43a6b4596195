/// One terminal cell: a grapheme, its style, and the theme role it was drawn with.
///
/// A wide character (2 columns) occupies two cells: the leading cell holds the character with
/// `width == 2`, and the cell to its right is a continuation (`width == 0`, `character == " "`)
/// that a backend skips when printing.
///
/// A cell is a plain value with no reference-counted payload, so canvases copy, compare and
/// fill with memory moves: a grapheme of one Unicode scalar (ASCII, box drawing, CJK, most
/// symbols) is stored inline, and one of several scalars (emoji sequences, combining marks) by
/// its number in a process-wide table that keeps its scalars exactly.
public struct Cell: Hashable, Sendable {
    /// The grapheme: a scalar value, or `interned` plus its `GraphemeTable` number.
    private var grapheme: UInt32
    /// How the cell looks.
    public var style: Style
    /// The semantic role the cell was drawn with, for role dumps in tests; nil for none.
    public var role: ThemeRole?
    /// Columns the character occupies: 1 normally, 2 for a wide character, 0 for the
    /// continuation cell right of a wide character.
    public var width: UInt8

    /// The flag marking `grapheme` as a `GraphemeTable` number (scalar values stay below it).
    private static let interned: UInt32 = 1 << 31

    /// Creates a cell.
    public init(_ character: Character = " ", style: Style = .plain, role: ThemeRole? = nil, width: UInt8 = 1) {
        self.grapheme = Cell.encode(character)
        self.style = style
        self.role = role
        self.width = width
    }

    /// Creates a cell holding one Unicode scalar.
    public init(scalar: Unicode.Scalar, style: Style = .plain, role: ThemeRole? = nil, width: UInt8 = 1) {
        self.grapheme = scalar.value
        self.style = style
        self.role = role
        self.width = width
    }

    /// The grapheme shown in the cell (a space for blank and continuation cells).
    public var character: Character {
        get {
            if grapheme & Cell.interned != 0 { return GraphemeTable.grapheme(grapheme & ~Cell.interned) }
            return Character(Unicode.Scalar(grapheme).unsafelyUnwrapped)
        }
        set { grapheme = Cell.encode(newValue) }
    }

    /// A space in the plain style with no role.
    public static let blank = Cell()

    /// Whether this cell is the right half of a wide character.
    public var isContinuation: Bool { width == 0 }

    /// Compares as the fields would with `character` stored: graphemes are equal when
    /// canonically equivalent (as `Character` compares), which only needs a look at the
    /// characters when the stored forms differ and one is not a single Latin scalar.
    public static func == (lhs: Cell, rhs: Cell) -> Bool {
        guard lhs.width == rhs.width, lhs.role == rhs.role else { return false }
        if lhs.grapheme != rhs.grapheme {
            // Distinct single scalars below U+0300 are never canonically equivalent.
            if lhs.grapheme < 0x300 && rhs.grapheme < 0x300 { return false }
            guard lhs.character == rhs.character else { return false }
        }
        return lhs.style == rhs.style
    }

    /// Hashes consistently with `==`: ASCII by its scalar, anything else by its character.
    public func hash(into hasher: inout Hasher) {
        if grapheme < 0x80 {
            hasher.combine(grapheme)
        } else {
            hasher.combine(character)
        }
        hasher.combine(style)
        hasher.combine(role)
        hasher.combine(width)
    }

    /// The stored form of `character`: its scalar when it has one, else its table number.
    private static func encode(_ character: Character) -> UInt32 {
        let scalars = character.unicodeScalars
        if scalars.count == 1, let only = scalars.first { return only.value }
        return GraphemeTable.number(of: character) | interned
    }
}
