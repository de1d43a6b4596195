import Foundation
import Vocabulary

extension JournalEntry {
    /// The entry as one line of JSON (no trailing newline), with sorted keys and decimals as
    /// strings, so the same entry always gives the same bytes.
    public func jsonLine() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }

    /// Decodes one line written by `jsonLine()`.
    public static func decode(jsonLine line: String) throws -> JournalEntry {
        try JSONDecoder().decode(JournalEntry.self, from: Data(line.utf8))
    }

    /// Encodes with decimals as strings, omitting absent fields.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(kind, forKey: .kind)
        try container.encode(time, forKey: .time)
        try container.encodeIfPresent(orderID, forKey: .orderID)
        try container.encodeIfPresent(symbol, forKey: .symbol)
        try container.encodeIfPresent(side, forKey: .side)
        try container.encodeIfPresent(quantity.map { "\($0)" }, forKey: .quantity)
        try container.encodeIfPresent(orderType, forKey: .orderType)
        try container.encodeIfPresent(limitPrice.map { "\($0)" }, forKey: .limitPrice)
        try container.encodeIfPresent(stopPrice.map { "\($0)" }, forKey: .stopPrice)
        try container.encodeIfPresent(timeInForce, forKey: .timeInForce)
        try container.encodeIfPresent(status, forKey: .status)
        try container.encodeIfPresent(filled.map { "\($0)" }, forKey: .filled)
        try container.encodeIfPresent(remaining.map { "\($0)" }, forKey: .remaining)
        try container.encodeIfPresent(price.map { "\($0)" }, forKey: .price)
        try container.encodeIfPresent(executionID, forKey: .executionID)
        try container.encodeIfPresent(code, forKey: .code)
        try container.encodeIfPresent(requestID, forKey: .requestID)
        try container.encodeIfPresent(text, forKey: .text)
        try container.encodeIfPresent(requestKind, forKey: .requestKind)
        try container.encodeIfPresent(context, forKey: .context)
    }

    /// Decodes the encoding above.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        func decimal(_ key: CodingKeys) throws -> FixedDecimal? {
            guard let text = try container.decodeIfPresent(String.self, forKey: key) else { return nil }
            guard let value = try? FixedDecimal(parsing: text, exponent: false) else {
                throw DecodingError.dataCorruptedError(forKey: key, in: container, debugDescription: "'\(text)' is not a decimal")
            }
            return value
        }
        self.init(kind: try container.decode(Kind.self, forKey: .kind), time: try container.decode(Timestamp.self, forKey: .time))
        orderID = try container.decodeIfPresent(Int.self, forKey: .orderID)
        symbol = try container.decodeIfPresent(String.self, forKey: .symbol)
        side = try container.decodeIfPresent(OrderSide.self, forKey: .side)
        quantity = try decimal(.quantity)
        orderType = try container.decodeIfPresent(OrderType.self, forKey: .orderType)
        limitPrice = try decimal(.limitPrice)
        stopPrice = try decimal(.stopPrice)
        timeInForce = try container.decodeIfPresent(TimeInForce.self, forKey: .timeInForce)
        status = try container.decodeIfPresent(String.self, forKey: .status)
        filled = try decimal(.filled)
        remaining = try decimal(.remaining)
        price = try decimal(.price)
        executionID = try container.decodeIfPresent(String.self, forKey: .executionID)
        code = try container.decodeIfPresent(Int.self, forKey: .code)
        requestID = try container.decodeIfPresent(Int.self, forKey: .requestID)
        text = try container.decodeIfPresent(String.self, forKey: .text)
        requestKind = try container.decodeIfPresent(String.self, forKey: .requestKind)
        context = try container.decodeIfPresent(String.self, forKey: .context)
    }
}
