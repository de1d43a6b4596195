import Dashboard
import TWSStreams

extension WhatIfReport {
    /// The dashboard's what-if from the client's answer.
    public init(_ answer: WhatIfAnswer) {
        self.init(
            initMarginChange: answer.initMarginChange, maintMarginChange: answer.maintMarginChange,
            equityWithLoanAfter: answer.equityWithLoanAfter, commission: answer.commission,
            minCommission: answer.minCommission, maxCommission: answer.maxCommission,
            currency: answer.commissionCurrency.isEmpty ? "USD" : answer.commissionCurrency, warning: answer.warning)
    }
}
