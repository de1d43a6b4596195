/// A question the paper gateway asks before placing an order (an "order reply message"), with
/// IB's message id.
///
/// Ids and meanings from IB's list of suppressible message ids for `/iserver/questions/suppress`
/// (https://www.interactivebrokers.com/campus/ibkr-api-page/cpapi-v1/#suppress-questions), as
/// ibind (`_MESSAGE_ID_TO_QUESTION_TYPE`) and public Go clients (`SuppressibleMessageId`) copy
/// it: o163 "The following order exceeds the price percentage limit", o354 "You are submitting
/// an order without market data…", o383 "The following order size exceeds the Size Limit…",
/// o451 "The following order value estimate exceeds the Total Value Limit…". IB's texts for
/// o163 and o451 (Web API documentation's order reply example; the Go client's comment) are
/// followed in `text`.
public enum OrderQuestion: String, Sendable, CaseIterable {
    /// o354: no market data for the contract (no reference price).
    case noMarketData = "o354"
    /// o163: the order's price is further from the market than the percentage limit.
    case priceFarFromMarket = "o163"
    /// o383: the order's size exceeds the size limit.
    case sizeLimit = "o383"
    /// o451: the order's value estimate exceeds the total value limit.
    case totalValueLimit = "o451"

    /// IB's message id (`o163`).
    public var messageID: String { rawValue }

    /// The question's text for an order, in IB's wording.
    public func text(order: String, limits: OrderPrecautions, valueEstimate: Double) -> String {
        switch self {
        case .noMarketData:
            "You are submitting an order without market data. We strongly recommend against this as it may result in erroneous and unexpected trades. Are you sure you want to submit this order?"
        case .priceFarFromMarket:
            "The following order \"\(order)\" price exceeds \nthe Percentage constraint of \(Self.number(limits.pricePercentage, decimals: 0))%.\nAre you sure you want to submit this order?"
        case .sizeLimit:
            "The following order \"\(order)\" size exceeds the Size Limit of \(Self.number(limits.sizeLimit, decimals: 0)).\nAre you sure you want to submit this order?"
        case .totalValueLimit:
            "The following order \"\(order)\" value estimate of \(Self.number(valueEstimate, decimals: 2)) \(limits.currency) exceeds the Total Value Limit of \(Self.number(limits.totalValueLimit, decimals: 0)) \(limits.currency).\nAre you sure you want to submit this order?"
        }
    }

    /// A figure with thousands separators (`124,995.00`), as IB prints it.
    static func number(_ value: Double, decimals: Int) -> String {
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = Int64((abs(value) * scale).rounded())
        let whole = scaled / Int64(scale)
        let fraction = scaled % Int64(scale)
        var digits = Array(String(whole))
        var grouped = ""
        while digits.count > 3 {
            grouped = "," + String(digits.suffix(3)) + grouped
            digits.removeLast(3)
        }
        grouped = String(digits) + grouped
        let sign = value < 0 && scaled != 0 ? "-" : ""
        guard decimals > 0 else { return sign + grouped }
        let fractionText = String(fraction)
        return sign + grouped + "." + String(repeating: "0", count: decimals - fractionText.count) + fractionText
    }
}

/// The precautionary settings the questions are asked against (IB's are per username and
/// settable; these are the paper gateway's). The 3% is IB's documented example; the value and
/// size limits are the paper gateway's choice, the value limit the figure of IB's example text.
public struct OrderPrecautions: Sendable, Equatable {
    /// o163 is asked when a priced order is further than this percentage from the market.
    public var pricePercentage: Double
    /// o383 is asked above this quantity.
    public var sizeLimit: Double
    /// o451 is asked above this value estimate (quantity × price, or the market price).
    public var totalValueLimit: Double
    /// The currency the value limit is in.
    public var currency: String

    /// Precautions.
    public init(pricePercentage: Double = 3, sizeLimit: Double = 500, totalValueLimit: Double = 100_000, currency: String = "USD") {
        self.pricePercentage = pricePercentage
        self.sizeLimit = sizeLimit
        self.totalValueLimit = totalValueLimit
        self.currency = currency
    }
}
