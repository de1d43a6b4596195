/// What a fill needs besides the order book: the ledger it books into, the commission schedule,
/// the FX rates of the moment and the time zone of commission months.
struct FillContext {
    var account: PaperAccount
    let schedule: CommissionSchedule
    let converter: CurrencyConverter
    let utcOffsetSeconds: Int
}
