/// The query parameters of `GET /iserver/marketdata/history` read as the socket API's texts:
/// `period` (`{1-30}min`, `{1-8}h`, `{1-1000}d`, `{1-792}w`, `{1-182}m`, `{1-15}y`) as a
/// duration (`"1800 S"`, `"2 D"`), and `bar` (`1min` … `30min`, `1h` … `8h`, `1d`, `1w`, `1m`)
/// as a bar size (`"5 mins"`, `"1 hour"`).
///
/// The ranges are IB's (https://www.interactivebrokers.com/campus/ibkr-api-page/cpapi-v1/#hist-md).
public struct PortalHistoryRequest: Sendable, Equatable {
    /// The period as the portal spells it (`1d`).
    public var period: String
    /// The bar as the portal spells it (`5min`).
    public var bar: String
    /// The socket API's duration text.
    public var duration: String
    /// The socket API's bar size text.
    public var barSize: String
    /// A bar's length in seconds.
    public var barSeconds: Int

    /// Reads the parameters; `nil` with what is wrong.
    public static func read(period: String, bar: String) -> Result<PortalHistoryRequest, PortalRequestError> {
        guard let (amount, unit) = split(period.lowercased()),
            let duration = durationText(amount: amount, unit: unit)
        else {
            return .failure(PortalRequestError("period \(period) is not {1-30}min, {1-8}h, {1-1000}d, {1-792}w, {1-182}m or {1-15}y"))
        }
        guard let (barAmount, barUnit) = split(bar.lowercased()), let size = barText(amount: barAmount, unit: barUnit) else {
            return .failure(PortalRequestError("bar \(bar) is not one of 1min, 2min, 3min, 5min, 10min, 15min, 30min, 1h, 2h, 3h, 4h, 8h, 1d, 1w, 1m"))
        }
        return .success(PortalHistoryRequest(period: period, bar: bar, duration: duration, barSize: size.text, barSeconds: size.seconds))
    }

    private static func split(_ text: String) -> (Int, String)? {
        let digits = text.prefix { $0.isNumber }
        guard let amount = Int(digits), amount > 0 else { return nil }
        return (amount, String(text.dropFirst(digits.count)))
    }

    private static func durationText(amount: Int, unit: String) -> String? {
        switch unit {
        case "min" where amount <= 30: "\(amount * 60) S"
        case "h" where amount <= 8: "\(amount * 3600) S"
        case "d" where amount <= 1000: "\(amount) D"
        case "w" where amount <= 792: "\(amount) W"
        case "m" where amount <= 182: "\(amount) M"
        case "y" where amount <= 15: "\(amount) Y"
        default: nil
        }
    }

    private static func barText(amount: Int, unit: String) -> (text: String, seconds: Int)? {
        switch (amount, unit) {
        case (1, "min"): ("1 min", 60)
        case (2, "min"), (3, "min"), (5, "min"), (10, "min"), (15, "min"), (30, "min"): ("\(amount) mins", amount * 60)
        case (1, "h"): ("1 hour", 3600)
        case (2, "h"), (3, "h"), (4, "h"), (8, "h"): ("\(amount) hours", amount * 3600)
        case (1, "d"): ("1 day", 86_400)
        case (1, "w"): ("1 week", 7 * 86_400)
        case (1, "m"): ("1 month", 30 * 86_400)
        default: nil
        }
    }
}

/// A request the portal cannot read: answered 400 with `{"error": message}`.
public struct PortalRequestError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What is wrong, in words.
    public var message: String
    /// An error.
    public init(_ message: String) { self.message = message }
    /// The message.
    public var description: String { message }
}
