/// The command lines the trader ran, oldest first, bounded, with the Up/Down browsing of the
/// open command line.
///
/// Running a line records it (an empty line or a repeat of the newest is not recorded twice);
/// Up recalls older lines and Down newer ones, ending on the text that was being typed before
/// browsing began. The app saves `lines` between runs (`DashboardEffect.saveCommandHistory`)
/// and gives them back at start (`DashboardEvent.commandHistoryLoaded`).
public struct CommandHistory: Sendable, Hashable {
    /// How many lines are kept by default.
    public static let defaultCapacity = 200

    /// The most lines kept; older ones are dropped.
    public let capacity: Int
    /// The lines, oldest first.
    public private(set) var lines: [String] = []
    /// While browsing: the index in `lines` shown, and the text typed before browsing began.
    private var browsing: (index: Int, draft: String)?

    /// Creates a history of at most `capacity` lines (at least 1) holding the newest of `lines`.
    public init(_ lines: [String] = [], capacity: Int = CommandHistory.defaultCapacity) {
        self.capacity = max(1, capacity)
        for line in lines { record(line) }
    }

    /// Records a line that was run, and ends browsing.
    public mutating func record(_ line: String) {
        browsing = nil
        let line = Self.clean(line)
        guard !line.isEmpty, lines.last != line else { return }
        lines.append(line)
        if lines.count > capacity { lines.removeFirst(lines.count - capacity) }
    }

    /// The line before the one shown (Up), given the command line's `current` text; nil when
    /// there is none older. A `current` that is not the line shown (the trader typed, or opened
    /// a new command line) starts browsing afresh from the newest line.
    public mutating func older(than current: String) -> String? {
        let start: Int
        if let browsing, lines.indices.contains(browsing.index), lines[browsing.index] == current {
            guard browsing.index > 0 else { return nil }
            start = browsing.index - 1
            self.browsing = (start, browsing.draft)
        } else {
            guard !lines.isEmpty else { return nil }
            start = lines.count - 1
            browsing = (start, current)
        }
        return lines[start]
    }

    /// The line after the one shown (Down), or the text typed before browsing after the newest;
    /// nil when not browsing.
    public mutating func newer(than current: String) -> String? {
        guard let browsing, lines.indices.contains(browsing.index), lines[browsing.index] == current else { return nil }
        if browsing.index + 1 < lines.count {
            self.browsing = (browsing.index + 1, browsing.draft)
            return lines[browsing.index + 1]
        }
        self.browsing = nil
        return browsing.draft
    }

    /// `line` on one row: without the leading `:`, surrounding blanks and line breaks.
    static func clean(_ line: String) -> String {
        let isBlank: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0.isNewline }
        var text = Substring(line).drop(while: isBlank)
        if text.first == ":" { text = text.dropFirst().drop(while: isBlank) }
        while let last = text.last, isBlank(last) { text = text.dropLast() }
        return String(text.map { $0.isNewline ? " " : $0 })
    }

    /// Equal when the lines are (browsing is a passing state).
    public static func == (lhs: CommandHistory, rhs: CommandHistory) -> Bool {
        lhs.capacity == rhs.capacity && lhs.lines == rhs.lines
            && lhs.browsing?.index == rhs.browsing?.index && lhs.browsing?.draft == rhs.browsing?.draft
    }

    /// Hashes the lines.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(lines)
        hasher.combine(browsing?.index)
    }
}
