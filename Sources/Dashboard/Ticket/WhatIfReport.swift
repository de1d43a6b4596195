import Vocabulary

/// What the gateway's what-if says an order would cost (IB: placeOrder with `whatIf`): the
/// margin change, the commission (a range when IB gives one) and the equity with loan after.
/// Amounts the gateway did not give are `nil`.
public struct WhatIfReport: Sendable, Hashable, Codable {
    /// The change of initial margin.
    public var initMarginChange: Double?
    /// The change of maintenance margin.
    public var maintMarginChange: Double?
    /// Equity with loan value after the order.
    public var equityWithLoanAfter: Double?
    /// The commission, or the least and most of its range.
    public var commission: Double?, minCommission: Double?, maxCommission: Double?
    /// The commission's currency.
    public var currency: String
    /// A warning the gateway attached (empty for none).
    public var warning: String

    /// Creates a report.
    public init(
        initMarginChange: Double? = nil, maintMarginChange: Double? = nil, equityWithLoanAfter: Double? = nil,
        commission: Double? = nil, minCommission: Double? = nil, maxCommission: Double? = nil,
        currency: String = "USD", warning: String = ""
    ) {
        self.initMarginChange = initMarginChange
        self.maintMarginChange = maintMarginChange
        self.equityWithLoanAfter = equityWithLoanAfter
        self.commission = commission
        self.minCommission = minCommission
        self.maxCommission = maxCommission
        self.currency = currency
        self.warning = warning
    }

    /// The commission as IB gives it: `1.00`, or a range `1.00–1.35`; `nil` when none.
    public var commissionText: String? {
        let low = minCommission ?? commission
        let high = maxCommission ?? commission
        guard let low, let high else { return commission.map { Self.money($0) } }
        return low == high ? Self.money(low) : "\(Self.money(low))–\(Self.money(high))"
    }

    static func money(_ value: Double, signed: Bool = false) -> String {
        AmountText.money(value, sign: signed ? .whenNotNegative : .none, unrepresentable: "—")
    }
}

/// Where the review's what-if stands.
public enum WhatIfStatus: Sendable, Hashable, Codable {
    /// Asked as request `serial`; the answer has not arrived.
    case pending(serial: Int)
    /// The gateway answered.
    case answered(WhatIfReport)
    /// The gateway refused the order: a real send would be refused too. Blocks the send.
    case refused(String)
    /// No answer (timed out, link lost): the review says it was not checked; the send is not
    /// blocked, the ticket's own limits still apply.
    case unanswered(String)
    /// Not asked (a modification: IB's what-if is for new orders).
    case notAsked(String)

    /// The review's lines for it, aligned with the ticket's review.
    public var lines: [String] {
        switch self {
        case .pending:
            return ["What-if:     asking the gateway…"]
        case .answered(let report):
            var parts: [String] = []
            if let initial = report.initMarginChange { parts.append("init margin \(WhatIfReport.money(initial, signed: true))") }
            if let maintenance = report.maintMarginChange { parts.append("maint \(WhatIfReport.money(maintenance, signed: true))") }
            var result = ["What-if:     " + (parts.isEmpty ? "no margin change given" : parts.joined(separator: ", "))]
            var second: [String] = []
            if let commission = report.commissionText { second.append("commission \(commission) \(report.currency)") }
            if let equity = report.equityWithLoanAfter { second.append("equity with loan after \(WhatIfReport.money(equity))") }
            if !second.isEmpty { result.append("             " + second.joined(separator: "; ")) }
            if !report.warning.isEmpty { result.append("             IB warns: \(report.warning)") }
            return result
        case .refused(let reason):
            return ["What-if:     IB would refuse it: \(reason)"]
        case .unanswered(let reason):
            return ["What-if:     no answer (\(reason)); not checked by IB"]
        case .notAsked(let reason):
            return ["What-if:     \(reason)"]
        }
    }

    /// The request it was asked as, while pending.
    public var pendingSerial: Int? {
        if case .pending(let id) = self { return id }
        return nil
    }
}
