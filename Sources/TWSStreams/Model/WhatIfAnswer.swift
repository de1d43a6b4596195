import TWSWire

/// What an order would cost if it filled, as the gateway's what-if answers (IB: placeOrder
/// with `whatIf`, answered by one OPEN_ORDER whose order state carries margins and commission).
/// Amounts the gateway left empty are `nil`.
public struct WhatIfAnswer: Sendable, Hashable {
    /// Equity with loan value before, after, and the change.
    public var equityWithLoanBefore: Double?, equityWithLoanAfter: Double?, equityWithLoanChange: Double?
    /// Initial margin before, after, and the change.
    public var initMarginBefore: Double?, initMarginAfter: Double?, initMarginChange: Double?
    /// Maintenance margin before, after, and the change.
    public var maintMarginBefore: Double?, maintMarginAfter: Double?, maintMarginChange: Double?
    /// The commission, and its range when IB gives one.
    public var commission: Double?, minCommission: Double?, maxCommission: Double?
    /// The currency of the commission (`USD`).
    public var commissionCurrency: String
    /// A warning the gateway attached (empty for none).
    public var warning: String

    /// Reads the answer from an order state.
    public init(_ state: OrderState) {
        func amount(_ text: String) -> Double? {
            guard let value = Double(text), value.isFinite, abs(value) < 1e300 else { return nil }
            return value
        }
        func fee(_ value: Double?) -> Double? {
            guard let value, value.isFinite, abs(value) < 1e300 else { return nil }
            return value
        }
        equityWithLoanBefore = amount(state.equityWithLoanBefore)
        equityWithLoanAfter = amount(state.equityWithLoanAfter)
        equityWithLoanChange = amount(state.equityWithLoanChange)
        initMarginBefore = amount(state.initMarginBefore)
        initMarginAfter = amount(state.initMarginAfter)
        initMarginChange = amount(state.initMarginChange)
        maintMarginBefore = amount(state.maintMarginBefore)
        maintMarginAfter = amount(state.maintMarginAfter)
        maintMarginChange = amount(state.maintMarginChange)
        commission = fee(state.commissionAndFees)
        minCommission = fee(state.minCommissionAndFees)
        maxCommission = fee(state.maxCommissionAndFees)
        commissionCurrency = state.commissionAndFeesCurrency
        warning = state.warningText
    }
}
