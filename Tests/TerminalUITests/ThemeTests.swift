import Testing
import TerminalUI
import Vocabulary

@Suite struct ThemeTests {
    @Test func parsesTablesAndBareColorsForRoles() throws {
        let file = try ThemeFile(parsing: """
            name = "test"
            [roles]
            text = "white"
            up = { fg = "#00ff00", bold = true }
            paper = { fg = 16, bg = "220", reverse = true, underline = true, dim = false }
            """)
        #expect(file.theme.name == "test")
        #expect(file.theme[.text] == Style(foreground: .named(.white)))
        #expect(file.theme[.up] == Style(foreground: .rgb(0, 255, 0), bold: true))
        #expect(file.theme[.paper] == Style(foreground: .indexed(16), background: .indexed(220), underline: true, reverse: true))
        #expect(file.warnings.isEmpty)
    }

    @Test func fallsBackToTheBuiltinDefaultForMissingRoles() throws {
        let file = try ThemeFile(parsing: "[roles]\nstale = { fg = \"red\" }", defaultName: "partial")
        #expect(file.theme.name == "partial")
        #expect(file.theme[.stale] == Style(foreground: .named(.red)))
        #expect(file.theme[.down] == Theme.builtinDefault[.down])
        #expect(file.missingRoles.count == ThemeRole.allCases.count - 1)
        #expect(!file.missingRoles.contains(.stale))
    }

    @Test func warnsAboutUnknownKeysAndUnusableValues() throws {
        let file = try ThemeFile(parsing: """
            colour_scheme = "x"
            [roles]
            price_up = "green"
            down = { fg = "purplish", blink = true, bold = "yes" }
            sell = [1, 2]
            """)
        #expect(Set(file.warnings.map(\.keyPath)) == [
            "colour_scheme", "roles.price_up", "roles.down.fg", "roles.down.blink", "roles.down.bold", "roles.sell",
        ])
        #expect(file.theme[.down].foreground == Theme.builtinDefault[.down].foreground)
        #expect(file.theme[.sell] == Theme.builtinDefault[.sell])
    }

    @Test func reportsTheLineOfInvalidTOML() {
        #expect {
            try ThemeFile(parsing: "name = \"x\"\n[roles\n")
        } throws: { error in
            (error as? ConfigError)?.line == 2
        }
        #expect(throws: ConfigError.self) { try ThemeFile(parsing: "roles = 3") }
    }

    @Test func keepsEveryRoleDistinctInMonochrome() {
        let mono = Theme.builtinDefault.degraded(to: .monochrome)
        for role in ThemeRole.allCases {
            #expect(mono[role].foreground == .default, "\(role)")
            #expect(mono[role].background == .default, "\(role)")
        }
        #expect(mono[.stale] != mono[.live])
        #expect(mono[.selection].reverse)
        #expect(mono[.paper] != mono[.text])
        #expect(mono[.error] != mono[.info])
    }

    @Test func degradesThemeColorsTo8Colors() {
        let eight = Theme.builtinDefault.degraded(to: .ansi8)
        for role in ThemeRole.allCases {
            if case let .named(named) = eight[role].foreground {
                #expect(named.rawValue < 8, "\(role)")
            } else {
                #expect(eight[role].foreground == .default, "\(role)")
            }
        }
        #expect(eight[.error].foreground == .named(.red))
    }

    @Test func givesEveryRoleAUniqueDumpLetter() {
        let letters = ThemeRole.allCases.map(\.dumpLetter)
        #expect(Set(letters).count == letters.count)
        #expect(!letters.contains("."))
        #expect(ThemeRole.allCases.count >= 27)
    }
}

@Suite struct CanvasThemeTests {
    @Test func writesWithTheRolesStyleAndRecordsTheRole() {
        let theme = Theme.builtinDefault
        var canvas = Canvas(size: Size(width: 8, height: 1))
        canvas.fill(canvas.bounds, role: .statusBar, theme: theme)
        let end = canvas.write("PAPER", at: Point(x: 1, y: 0), role: .paper, theme: theme)
        #expect(end == 6)
        #expect(canvas.roleLines == ["_PPPPP__"])
        #expect(canvas[1, 0].style == theme[.paper])
        #expect(canvas[0, 0].style == theme[.statusBar])
    }
}
