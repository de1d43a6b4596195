/// A broker message that is not a Swift error: sent as ERR_MSG with id −1 (or a ticker id).
public struct Notice: Sendable, Hashable, Codable {
    /// IB's code, e.g. 1100 or 2103.
    public var code: Int
    /// IB's text.
    public var text: String

    /// Creates a notice.
    public init(code: Int, text: String) {
        self.code = code
        self.text = text
    }
}
