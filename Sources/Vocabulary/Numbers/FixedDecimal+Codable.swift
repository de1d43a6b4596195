extension FixedDecimal: Codable {
    /// Decodes from a string (exact; the form ``encode(to:)`` writes), from a whole number, or
    /// from a fractional number (rounded to eight decimals).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let text = try? container.decode(String.self) {
            guard let value = FixedDecimal(text) else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a decimal number: \(text)")
            }
            self = value
        } else if let integer = try? container.decode(Int.self) {
            self.init(integer)
        } else {
            self.init(rounding: try container.decode(Double.self))
        }
    }

    /// Encodes as the exact, shortest decimal string (`"231.4"`).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
