/// One column of a `Table`: its header, width and alignment.
public struct TableColumn: Hashable, Sendable {
    /// How text sits in its column.
    public enum Alignment: Hashable, Sendable {
        /// Flush left (text).
        case left
        /// Flush right (numbers, so digits line up).
        case right
    }

    /// The header text.
    public var title: String
    /// The width in cells when there is room.
    public var width: Int
    /// How cells and the header are aligned.
    public var alignment: Alignment

    /// Creates a column.
    public init(_ title: String, width: Int, alignment: Alignment = .left) {
        self.title = title
        self.width = max(0, width)
        self.alignment = alignment
    }

    /// A right-aligned column, for numbers.
    public static func numeric(_ title: String, width: Int) -> TableColumn {
        TableColumn(title, width: width, alignment: .right)
    }
}
