import Testing
import TerminalUI

@Suite struct KeyEventTests {
    @Test(arguments: [
        ("q", KeyEvent.character("q")), ("C", .character("C")), ("?", .character("?")),
        ("space", .character(" ")), ("enter", .enter), ("Return", .enter), ("esc", .escape),
        ("shift-tab", .backTab), ("Tab", .tab), ("F5", .function(5)), ("f12", .function(12)),
        ("ctrl-c", .control("c")), ("C-x", .control("x")), ("^a", .control("a")), ("pgup", .pageUp),
        ("PageDown", .pageDown), ("del", .delete), ("backspace", .backspace), ("up", .up),
        ("shift-a", .character("A")),
    ])
    func parsesConfigKeyNames(_ name: String, _ expected: KeyEvent) {
        #expect(KeyEvent(name: name) == expected)
    }

    @Test func foldsControlCombinationsThatEqualNamedKeys() {
        #expect(KeyEvent(name: "ctrl-i") == .tab)
        #expect(KeyEvent(name: "ctrl-m") == .enter)
        #expect(KeyEvent(name: "ctrl-h") == .backspace)
        #expect(KeyEvent(name: "ctrl-[") == .escape)
    }

    @Test(arguments: ["", "ctrl-", "ctrl-cc", "F0", "F25", "hyper-x", "shift-", "\u{301}"])
    func rejectsUnknownKeyNames(_ name: String) {
        #expect(KeyEvent(name: name) == nil)
    }

    @Test func roundTripsCanonicalNames() {
        let keys: [KeyEvent] = [.character("b"), .character(" "), .control("c"), .up, .down, .left, .right,
                                .home, .end, .pageUp, .pageDown, .insert, .delete, .tab, .backTab,
                                .enter, .escape, .backspace, .function(1), .function(24)]
        for key in keys {
            #expect(KeyEvent(name: key.name) == key, "\(key.name)")
        }
        #expect(KeyEvent.backTab.name == "shift-tab")
        #expect(KeyEvent.function(5).name == "F5")
    }
}
