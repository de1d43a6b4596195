/// The footer row: the result of the last action or command while it is shown, then the keys
/// that matter in the current pane or mode (lazygit style: `b buy  s sell  a add`).
public struct FooterLine: Hashable, Sendable {
    /// One key hint: the key as the trader presses it and what it does.
    public struct Hint: Hashable, Sendable {
        /// The key (`b`, `Tab`, `↑↓`, `m l s t`).
        public var keys: String
        /// What it does (`buy`, `next field`).
        public var label: String

        /// Creates a hint.
        public init(_ keys: String, _ label: String) {
            self.keys = keys
            self.label = label
        }
    }

    /// The last action's result (`Command not run: unknown command 'foo'; …`), while shown.
    public var note: String?
    /// The note's level, for its mark and role.
    public var noteLevel: MessageLevel
    /// The key hints, most important first (the view drops the last ones that do not fit).
    public var hints: [Hint]

    /// Creates a footer.
    public init(note: String? = nil, noteLevel: MessageLevel = .info, hints: [Hint] = []) {
        self.note = note
        self.noteLevel = noteLevel
        self.hints = hints
    }
}
