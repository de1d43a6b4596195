import Foundation
import Testing
import TerminalUI

@Suite struct ThemeFilesTests {
    /// The repository's `themes/` folder, found from this file's path.
    static let themesFolder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("themes")

    static func load(_ name: String) throws -> ThemeFile {
        let text = try String(contentsOf: themesFolder.appendingPathComponent("\(name).toml"), encoding: .utf8)
        return try ThemeFile(parsing: text, defaultName: name)
    }

    @Test(arguments: ["default", "light", "high-contrast", "mono"])
    func namesEveryRoleAndParsesCleanly(_ name: String) throws {
        let file = try Self.load(name)
        #expect(file.missingRoles.isEmpty)
        #expect(file.warnings.isEmpty, "\(file.warnings)")
        #expect(file.theme.name == name)
    }

    @Test func matchesTheBuiltinDefaultInDefaultToml() throws {
        let file = try Self.load("default")
        for role in ThemeRole.allCases {
            #expect(file.theme[role] == Theme.builtinDefault[role], "\(role)")
        }
    }

    @Test func usesNoColorInTheMonoTheme() throws {
        let mono = try Self.load("mono").theme
        #expect(mono == mono.degraded(to: .monochrome))
        #expect(mono[.stale] != mono[.live])
        #expect(mono[.paper] != mono[.statusBar], "the PAPER badge stands out in the status bar")
    }

    @Test func shipsNoOtherThemeFilesUntested() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.themesFolder.path)
            .filter { $0.hasSuffix(".toml") }.sorted()
        #expect(names == ["default.toml", "high-contrast.toml", "light.toml", "mono.toml"])
    }
}
