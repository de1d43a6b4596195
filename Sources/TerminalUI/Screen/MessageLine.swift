/// One message-log entry, already explained in plain language.
public struct MessageLine: Hashable, Sendable {
    /// When it last arrived, formatted.
    public var time: String
    /// How much it matters.
    public var level: MessageLevel
    /// IB's code (`354`), if any.
    public var code: String?
    /// The short title, or the whole sentence.
    public var text: String
    /// How many times it arrived (repeats collapsed); shown when above 1.
    public var count: Int

    /// Creates a row.
    public init(time: String, level: MessageLevel, code: String? = nil, text: String, count: Int = 1) {
        self.time = time
        self.level = level
        self.code = code
        self.text = text
        self.count = count
    }
}
