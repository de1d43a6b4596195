extension Theme {
    /// The compiled-in dark theme, used on its own and as the fallback for any role a theme
    /// file leaves out. `themes/default.toml` spells out the same styles.
    public static let builtinDefault = Theme(
        name: "default",
        styles: Dictionary(uniqueKeysWithValues: ThemeRole.allCases.map { ($0, builtinStyle(for: $0)) }))

    /// The built-in dark style of one role.
    static func builtinStyle(for role: ThemeRole) -> Style {
        switch role {
        case .text: return Style(foreground: .indexed(252))
        case .dim: return Style(foreground: .indexed(244))
        case .border: return Style(foreground: .indexed(240))
        case .focusBorder: return Style(foreground: .indexed(39), bold: true)
        case .title: return Style(foreground: .indexed(255), bold: true)
        case .header: return Style(foreground: .indexed(110), bold: true)
        case .selection: return Style(foreground: .indexed(255), background: .indexed(24))
        case .up: return Style(foreground: .indexed(41))
        case .down: return Style(foreground: .indexed(203))
        case .unchanged: return Style(foreground: .indexed(250))
        case .live: return Style(foreground: .indexed(41))
        case .aging: return Style(foreground: .indexed(179))
        case .stale: return Style(foreground: .indexed(208), underline: true)
        case .polled: return Style(foreground: .indexed(144))
        case .delayed: return Style(foreground: .indexed(141))
        case .frozen: return Style(foreground: .indexed(75), dim: true)
        case .halted: return Style(foreground: .indexed(231), background: .indexed(124), bold: true)
        case .noEntitlement: return Style(foreground: .indexed(244), underline: true)
        case .noData: return Style(foreground: .indexed(240))
        case .disconnected: return Style(foreground: .indexed(231), background: .indexed(160), bold: true)
        case .error: return Style(foreground: .indexed(196), bold: true)
        case .warning: return Style(foreground: .indexed(214))
        case .info: return Style(foreground: .indexed(117))
        case .buy: return Style(foreground: .indexed(33), bold: true)
        case .sell: return Style(foreground: .indexed(197), bold: true)
        case .paper: return Style(foreground: .indexed(16), background: .indexed(220), bold: true)
        case .liveAccount: return Style(foreground: .indexed(231), background: .indexed(160), bold: true)
        case .statusBar: return Style(foreground: .indexed(252), background: .indexed(236))
        case .flash: return Style(foreground: .indexed(16), background: .indexed(41), bold: true)
        }
    }
}
