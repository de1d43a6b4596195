/// A width and height in terminal cells. Negative values are clamped to zero.
public struct Size: Hashable, Sendable, CustomStringConvertible {
    /// Columns.
    public var width: Int
    /// Rows.
    public var height: Int

    /// Creates a size, clamping negative dimensions to zero.
    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
    }

    /// The empty size, 0x0.
    public static let zero = Size(width: 0, height: 0)

    /// The number of cells (`width * height`).
    public var area: Int { width * height }

    /// Whether the size holds no cells.
    public var isEmpty: Bool { width == 0 || height == 0 }

    /// Whether this size is at least `other` in both dimensions.
    public func fits(_ other: Size) -> Bool {
        width >= other.width && height >= other.height
    }

    /// `WxH`, for messages such as "terminal too small (80x20)".
    public var description: String { "\(width)x\(height)" }
}
