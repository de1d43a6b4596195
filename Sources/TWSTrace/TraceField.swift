/// One field of a decoded trace message: its name as TWSWire's types spell it (nested values
/// dotted, `order.lmtPrice`) and its value as text.
public struct TraceField: Sendable, Hashable {
    /// The field's name, e.g. `reqId`, `contract.symbol`.
    public var name: String
    /// The value as text.
    public var value: String

    /// Creates a field.
    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }
}
