import Dashboard
import Vocabulary

/// Which key triggers which `KeyAction`: the defaults (arrows and vim keys, Tab, b, s, c, C,
/// a, d, ?, :, q) plus overrides from the config file.
public struct Keymap: Hashable, Sendable {
    /// Every action, in the order the help overlay lists them.
    public private(set) var actions: [KeyAction]
    /// The keys bound to each action, in the order given.
    private var keysByAction: [KeyAction: [KeyEvent]]

    /// Creates a keymap from an ordered list of bindings. A key listed for two actions stays
    /// with the first.
    public init(bindings: [(action: KeyAction, keys: [KeyEvent])]) {
        actions = []
        keysByAction = [:]
        // Keys are unique per scope: an action of one pane may reuse a key of every pane.
        var taken: [Pane?: Set<KeyEvent>] = [:]
        for (action, keys) in bindings {
            if keysByAction[action] == nil { actions.append(action) }
            let fresh = keys.filter { taken[action.scope, default: []].insert($0).inserted }
            keysByAction[action, default: []].append(contentsOf: fresh)
        }
    }

    /// The built-in bindings.
    public static let defaults = Keymap(bindings: [
        (.moveUp, [.up, .character("k")]),
        (.moveDown, [.down, .character("j")]),
        (.moveLeft, [.left, .character("h")]),
        (.moveRight, [.right, .character("l")]),
        (.pageUp, [.pageUp]),
        (.pageDown, [.pageDown]),
        (.moveTop, [.home, .character("g")]),
        (.moveBottom, [.end, .character("G")]),
        (.nextPane, [.tab]),
        (.previousPane, [.backTab]),
        (.confirm, [.enter]),
        (.back, [.escape]),
        (.buy, [.character("b")]),
        (.sell, [.character("s")]),
        (.cancelOrder, [.character("c")]),
        (.cancelAll, [.character("C")]),
        (.addSymbol, [.character("a")]),
        (.removeSymbol, [.character("d")]),
        (.help, [.character("?"), .function(1)]),
        (.command, [.character(":")]),
        (.quit, [.character("q")]),
        (.retryConnection, [.character("r")]),
        (.search, [.character("/")]),
        (.acknowledgeAlerts, [.character("A")]),
        (.delayedData, [.character("D")]),
        (.modifyOrder, [.character("e")]),
        (.closePosition, [.character("x")]),
        (.reversePosition, [.character("r")]),
        (.sortWatchlist, [.character("S")]),
        (.nextWatchlist, [.character("]")]),
        (.previousWatchlist, [.character("[")]),
        (.showWatchlist, (1...9).map { .character(Character(String($0))) }),
        (.replayPause, [.character(" ")]),
        (.replayStep, [.character(".")]),
        (.replayBack, [.character("<")]),
        (.replayForward, [.character(">")]),
    ])

    /// The action bound to `key`, if any.
    public func action(for key: KeyEvent) -> KeyAction? {
        actions.first { $0.scope == nil && keysByAction[$0]?.contains(key) == true }
    }

    /// The action bound to `key` in `pane`: the pane's own action first, else one of every
    /// pane.
    public func action(for key: KeyEvent, in pane: Pane) -> KeyAction? {
        actions.first { $0.scope == pane && keysByAction[$0]?.contains(key) == true } ?? action(for: key)
    }

    /// The keys bound to `action` (empty when unbound or unknown).
    public func keys(for action: KeyAction) -> [KeyEvent] {
        keysByAction[action] ?? []
    }

    /// Every action with its keys, in help-overlay order.
    public var entries: [(action: KeyAction, keys: [KeyEvent])] {
        actions.map { ($0, keysByAction[$0] ?? []) }
    }

    /// Applies config overrides of the form `action = ["key", ...]`. Each named action's keys
    /// are replaced (an empty list unbinds it); a key taken by an override is removed from the
    /// action that had it. Unknown actions, unparseable key names, and a key claimed by two
    /// overrides (the alphabetically first action keeps it) are skipped with a warning.
    public mutating func apply(overrides: [String: [String]]) -> [ConfigWarning] {
        var warnings: [ConfigWarning] = []
        var claimed: [ScopedKey: KeyAction] = [:]
        var replacements: [(KeyAction, [KeyEvent])] = []
        for name in overrides.keys.sorted() {
            let action = KeyAction(rawValue: name)
            guard keysByAction[action] != nil else {
                warnings.append(ConfigWarning(keyPath: "keys.\(name)", message: "unknown action, ignored"))
                continue
            }
            var keys: [KeyEvent] = []
            for keyName in overrides[name] ?? [] {
                guard let key = KeyEvent(name: keyName) else {
                    warnings.append(ConfigWarning(keyPath: "keys.\(name)", message: "unknown key \"\(keyName)\", ignored"))
                    continue
                }
                let scoped = ScopedKey(key: key, scope: action.scope)
                if let owner = claimed[scoped], owner != action {
                    warnings.append(ConfigWarning(
                        keyPath: "keys.\(name)", message: "key \"\(key.name)\" is already bound to \(owner), ignored"))
                    continue
                }
                claimed[scoped] = action
                if !keys.contains(key) { keys.append(key) }
            }
            replacements.append((action, keys))
        }
        for action in actions {
            keysByAction[action]?.removeAll { key in
                let owner = claimed[ScopedKey(key: key, scope: action.scope)]
                return owner != nil && owner != action
            }
        }
        for (action, keys) in replacements {
            keysByAction[action] = keys
        }
        return warnings
    }
}

/// A key within the scope of its action (one pane, or every pane).
private struct ScopedKey: Hashable {
    var key: KeyEvent
    var scope: Pane?
}
