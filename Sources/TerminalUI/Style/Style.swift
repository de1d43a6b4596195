/// How a cell looks: foreground and background colours plus text attributes.
public struct Style: Hashable, Sendable, CustomStringConvertible {
    /// The text colour.
    public var foreground: Color
    /// The cell background.
    public var background: Color
    /// Bold (often drawn brighter).
    public var bold: Bool
    /// Underlined.
    public var underline: Bool
    /// Foreground and background swapped; visible on every terminal, colour or not.
    public var reverse: Bool
    /// Dim / faint.
    public var dim: Bool

    /// Creates a style; everything defaults to the terminal's plain text.
    public init(
        foreground: Color = .default, background: Color = .default,
        bold: Bool = false, underline: Bool = false, reverse: Bool = false, dim: Bool = false
    ) {
        self.foreground = foreground
        self.background = background
        self.bold = bold
        self.underline = underline
        self.reverse = reverse
        self.dim = dim
    }

    /// Plain text in the terminal's default colours.
    public static let plain = Style()

    /// The style fitted to `depth`: colours degrade, attributes stay (so a monochrome
    /// terminal still tells bold, underlined, reversed and dim text apart).
    public func degraded(to depth: ColorDepth) -> Style {
        var copy = self
        copy.foreground = foreground.degraded(to: depth)
        copy.background = background.degraded(to: depth)
        return copy
    }

    /// A compact form such as `fg=red bg=default bold`, for test failure messages.
    public var description: String {
        var parts = ["fg=\(foreground)", "bg=\(background)"]
        if bold { parts.append("bold") }
        if underline { parts.append("underline") }
        if reverse { parts.append("reverse") }
        if dim { parts.append("dim") }
        return parts.joined(separator: " ")
    }
}
