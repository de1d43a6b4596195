/// What one IB message code means, for the explanation overlay (`:explain 354`).
public struct Explanation: Hashable, Sendable {
    /// IB's code, as shown (`354`).
    public var code: String
    /// The short title.
    public var title: String
    /// How much it matters.
    public var level: MessageLevel
    /// What happened, in the trader's terms.
    public var explanation: String
    /// What to do about it.
    public var action: String

    /// Creates an explanation.
    public init(code: String, title: String, level: MessageLevel, explanation: String, action: String) {
        self.code = code
        self.title = title
        self.level = level
        self.explanation = explanation
        self.action = action
    }
}
