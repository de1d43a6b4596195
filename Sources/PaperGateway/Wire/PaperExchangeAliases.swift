import PaperExchange

// PaperExchange and TWSWire both define `Order`, `Execution`, `AccountSummary`, `AccountValue`
// and `CommissionReport`, and the module `PaperExchange` shares its name with its facade type,
// so `PaperExchange.Order` cannot be written. This file imports only PaperExchange and names
// its types unambiguously for the rest of the gateway; TWSWire's are written `TWSWire.Order`.

/// PaperExchange's order state (`PaperExchange`'s `Order`).
typealias PaperOrder = Order
/// PaperExchange's execution record.
typealias PaperExecution = Execution
/// PaperExchange's account figures.
typealias PaperAccountSummary = AccountSummary
/// PaperExchange's commission record.
typealias PaperCommissionReport = CommissionReport
