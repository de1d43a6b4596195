/// A named mapping from every `ThemeRole` to a `Style`. Views ask for roles, never colours.
///
/// A theme always answers for every role: roles a theme file leaves out fall back to the
/// built-in default theme.
public struct Theme: Hashable, Sendable {
    /// The theme's name (`default`, `light`, ...).
    public var name: String
    /// The style of each role; complete for every role.
    public private(set) var styles: [ThemeRole: Style]

    /// Creates a theme from `styles`; any role missing from it takes `fallback`'s style.
    public init(name: String, styles: [ThemeRole: Style], fallback: Theme? = nil) {
        self.name = name
        var complete = styles
        for role in ThemeRole.allCases where complete[role] == nil {
            complete[role] = fallback?.styles[role] ?? Theme.builtinStyle(for: role)
        }
        self.styles = complete
    }

    /// The style for `role`.
    public subscript(role: ThemeRole) -> Style {
        get { styles[role] ?? .plain }
        set { styles[role] = newValue }
    }

    /// The theme fitted to a terminal's colour depth. Pass `.monochrome` for `NO_COLOR` or a
    /// colourless terminal: colours drop to the terminal default and attributes stay, and roles
    /// whose meaning was carried by colour alone get an attribute so they remain distinct.
    public func degraded(to depth: ColorDepth) -> Theme {
        var copy = self
        for role in ThemeRole.allCases {
            var style = self[role].degraded(to: depth)
            if depth == .monochrome, style == Style(), let emphasis = Theme.monochromeEmphasis[role] {
                style = emphasis
            }
            copy[role] = style
        }
        return copy
    }

    /// Attributes given in monochrome to roles that would otherwise look like plain text.
    static let monochromeEmphasis: [ThemeRole: Style] = [
        .dim: Style(dim: true), .focusBorder: Style(bold: true), .title: Style(bold: true),
        .header: Style(underline: true), .selection: Style(reverse: true),
        .up: Style(bold: true), .down: Style(underline: true),
        .aging: Style(dim: true), .stale: Style(underline: true, dim: true),
        .polled: Style(bold: true, dim: true), .delayed: Style(underline: true), .frozen: Style(dim: true), .halted: Style(reverse: true),
        .noEntitlement: Style(dim: true), .noData: Style(dim: true),
        .disconnected: Style(reverse: true), .error: Style(bold: true, reverse: true),
        .warning: Style(bold: true), .buy: Style(bold: true), .sell: Style(bold: true, underline: true),
        .paper: Style(reverse: true), .liveAccount: Style(bold: true, reverse: true),
        .statusBar: Style(reverse: true), .flash: Style(bold: true, reverse: true),
    ]
}
