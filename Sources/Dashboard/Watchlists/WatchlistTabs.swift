/// The trader's named watchlists, one of them active (shown and subscribed).
///
/// Names are 1 to `maximumNameLength` characters, unique in any case; there is always at
/// least one list and at most `maximumCount`. Every edit returns whether it changed anything.
public struct WatchlistTabs: Sendable, Hashable {
    /// One named list.
    public struct Tab: Sendable, Hashable {
        /// The name shown in the pane's title.
        public var name: String
        /// The symbols.
        public var list: Watchlist
    }

    /// The name of the list made from the config's watchlist at the first start.
    public static let defaultName = "main"
    /// The most lists kept.
    public static let maximumCount = 20
    /// The longest name.
    public static let maximumNameLength = 20

    /// The lists, in tab order.
    public private(set) var tabs: [Tab]
    /// The index of the active list.
    public private(set) var activeIndex = 0

    /// One list called `defaultName` holding `list`.
    public init(_ list: Watchlist) {
        tabs = [Tab(name: Self.defaultName, list: list)]
    }

    /// The lists of `saved`, with its active one; invalid names, symbols and repeats dropped.
    /// `nil` when nothing usable is left.
    public init?(_ saved: SavedWatchlists) {
        var tabs: [Tab] = []
        for list in saved.lists.prefix(Self.maximumCount) {
            let name = Self.normalizeName(list.name)
            guard Self.isValidName(name), !tabs.contains(where: { $0.name.lowercased() == name.lowercased() }) else { continue }
            tabs.append(Tab(name: name, list: Watchlist(list.symbols.filter(Watchlist.isValidSymbol))))
        }
        guard !tabs.isEmpty else { return nil }
        self.tabs = tabs
        activeIndex = tabs.firstIndex { $0.name.lowercased() == saved.active.lowercased() } ?? 0
    }

    /// The active list.
    public var active: Watchlist {
        get { tabs[activeIndex].list }
        set { tabs[activeIndex].list = newValue }
    }

    /// The active list's name.
    public var activeName: String { tabs[activeIndex].name }

    /// The names, in tab order.
    public var names: [String] { tabs.map(\.name) }

    /// What is saved between runs.
    public var saved: SavedWatchlists {
        SavedWatchlists(lists: tabs.map { SavedWatchlists.List(name: $0.name, symbols: $0.list.symbols) }, active: activeName)
    }

    /// The index of the list called `name` (any case).
    public func index(named name: String) -> Int? {
        let name = Self.normalizeName(name).lowercased()
        return tabs.firstIndex { $0.name.lowercased() == name }
    }

    /// Makes list `index` the active one; `false` when there is no such list or it is active.
    @discardableResult
    public mutating func select(_ index: Int) -> Bool {
        guard tabs.indices.contains(index), index != activeIndex else { return false }
        activeIndex = index
        return true
    }

    /// Adds an empty list called `name` after the others and makes it active.
    public mutating func create(_ name: String) -> Result<Void, CommandLineError> {
        let name = Self.normalizeName(name)
        guard tabs.count < Self.maximumCount else {
            return .failure(CommandLineError("There are already \(Self.maximumCount) watchlists; delete one first."))
        }
        if let problem = nameProblem(name) { return .failure(problem) }
        tabs.append(Tab(name: name, list: Watchlist([])))
        activeIndex = tabs.count - 1
        return .success(())
    }

    /// Renames the active list.
    public mutating func renameActive(to name: String) -> Result<Void, CommandLineError> {
        let name = Self.normalizeName(name)
        if let problem = nameProblem(name, except: activeIndex) { return .failure(problem) }
        tabs[activeIndex].name = name
        return .success(())
    }

    /// Deletes the active list; the one before it (or the new first) becomes active. `false`
    /// for the only list.
    @discardableResult
    public mutating func deleteActive() -> Bool {
        guard tabs.count > 1 else { return false }
        tabs.remove(at: activeIndex)
        activeIndex = max(0, activeIndex - 1)
        return true
    }

    private func nameProblem(_ name: String, except: Int? = nil) -> CommandLineError? {
        guard Self.isValidName(name) else {
            return CommandLineError("A watchlist name is 1 to \(Self.maximumNameLength) letters, digits, '-', '_' or '.'.")
        }
        if let existing = index(named: name), existing != except {
            return CommandLineError("There is already a watchlist called '\(tabs[existing].name)'.")
        }
        return nil
    }

    /// A name as kept: trimmed.
    static func normalizeName(_ name: String) -> String {
        String(name.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }

    /// Whether `name` is 1 to `maximumNameLength` ASCII letters, digits, `-`, `_` or `.`.
    public static func isValidName(_ name: String) -> Bool {
        !name.isEmpty && name.count <= maximumNameLength
            && name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) }
    }
}

/// The watchlists as saved to the state directory and read back at start.
public struct SavedWatchlists: Sendable, Hashable, Codable {
    /// One saved list.
    public struct List: Sendable, Hashable, Codable {
        /// Its name.
        public var name: String
        /// Its symbols, in order.
        public var symbols: [String]

        /// Creates a list.
        public init(name: String, symbols: [String]) {
            self.name = name
            self.symbols = symbols
        }
    }

    /// The lists, in tab order.
    public var lists: [List]
    /// The name of the list that was active.
    public var active: String

    /// Creates the saved form.
    public init(lists: [List], active: String) {
        self.lists = lists
        self.active = active
    }
}
