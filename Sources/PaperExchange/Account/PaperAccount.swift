import Vocabulary

/// The paper account's ledger: USD cash, positions and P&L, changed only by executions and
/// session starts. Valuation against current marks is in ``PaperAccountSummary``.
public struct PaperAccount: Sendable, Hashable, Codable {
    /// The account id reported in managedAccounts, e.g. `DU0000001`.
    public var accountId: String
    /// Cash in USD (all trades settle in USD at the trade-time rate; see ``CurrencyConverter``).
    public var cash: FixedDecimal
    /// Positions by conId, including positions closed during the current session.
    public var positions: [Int: Position]
    /// Realized P&L since the current session started, USD.
    public var realizedPNLToday: FixedDecimal
    /// Commissions paid since the current session started, USD.
    public var commissionsToday: FixedDecimal
    /// NetLiquidation when the session started (for daily P&L and PreviousDayEquityWithLoanValue).
    public var sessionStartNetLiquidation: FixedDecimal
    /// Stock shares traded in ``volumeMonth`` (for the commission tier).
    public var monthlyShareVolume: Int
    /// The month (`YYYYMM`) ``monthlyShareVolume`` counts.
    public var volumeMonth: String

    /// A new account holding `cash` USD and nothing else.
    public init(accountId: String = "DU0000001", cash: FixedDecimal = 1_000_000) {
        self.accountId = accountId
        self.cash = cash
        positions = [:]
        realizedPNLToday = .zero
        commissionsToday = .zero
        sessionStartNetLiquidation = cash
        monthlyShareVolume = 0
        volumeMonth = ""
    }

    /// Positions with a non-zero quantity, ordered by conId.
    public var openPositions: [Position] {
        positions.values.filter { $0.quantity != 0 }.sorted { $0.instrument.conId < $1.instrument.conId }
    }

    /// The month's share volume before a trade in `month` (`YYYYMM`).
    public func shareVolume(inMonth month: String) -> Int {
        month == volumeMonth ? monthlyShareVolume : 0
    }

    /// Books one execution and its commission (USD); returns the fill's realized P&L in USD,
    /// or `nil` when the fill only opened or added to a position.
    ///
    /// `usdPerUnit` converts the instrument's currency to USD at the time of the trade.
    @discardableResult
    public mutating func apply(
        _ execution: PaperExecution, commission: FixedDecimal, usdPerUnit: FixedDecimal, month: String
    ) -> FixedDecimal? {
        let instrument = execution.instrument
        let multiplier = instrument.multiplier
        let shares = execution.shares
        let signed = execution.signedShares
        let notional = execution.price * (shares * multiplier)
        var position = positions[instrument.conId] ?? Position(instrument: instrument)
        let isFuture = instrument.secType == .future
        if instrument.secType == .stock {
            if month != volumeMonth {
                volumeMonth = month
                monthlyShareVolume = 0
            }
            monthlyShareVolume += shares
        }

        cash -= commission
        commissionsToday += commission
        if !isFuture { cash -= usdPerUnit * (execution.action == .buy ? notional : -notional) }
        position.sessionBasis += execution.action == .buy ? notional : -notional

        // Commission in the instrument's currency per unit of quantity × multiplier.
        let commissionLocal = commission / usdPerUnit
        let old = position.quantity
        let closing = old != 0 && (old > 0) != (signed > 0) ? min(abs(old), shares) : 0
        let opening = shares - closing
        var realized: FixedDecimal?
        if closing > 0 {
            let closingCommission = commissionLocal * closing / shares
            let direction = old > 0 ? 1 : -1
            let gross = (execution.price - position.averagePrice) * (closing * multiplier * direction)
            let net = isFuture ? gross : gross - closingCommission
            let netUSD = net * usdPerUnit
            if isFuture { cash += gross * usdPerUnit }
            position.realizedPNL += netUSD
            realizedPNLToday += netUSD
            realized = netUSD
            position.quantity = old + (old > 0 ? -closing : closing)
        }
        if opening > 0 {
            let openingCommission = commissionLocal - commissionLocal * closing / shares
            let held = abs(position.quantity)
            var openCost = execution.price * opening
            if !isFuture {
                let perUnitCommission = openingCommission / multiplier
                openCost += execution.action == .buy ? perUnitCommission : -perUnitCommission
            }
            position.averagePrice = (position.averagePrice * held + openCost) / (held + opening)
            position.quantity += execution.action.sign * opening
        }
        if position.quantity == 0 && closing > 0 { position.averagePrice = .zero }
        positions[instrument.conId] = position
        return realized
    }

    /// Starts a new session with the current marks and NetLiquidation: daily figures reset,
    /// closed positions are dropped, and each position's daily basis becomes its value now.
    public mutating func beginSession(marks: [Int: FixedDecimal], netLiquidation: FixedDecimal) {
        positions = positions.filter { $0.value.quantity != 0 }
        for (conId, position) in positions {
            let mark = marks[conId] ?? position.averagePrice
            positions[conId]?.sessionBasis = position.marketValue(at: mark)
        }
        realizedPNLToday = .zero
        commissionsToday = .zero
        sessionStartNetLiquidation = netLiquidation
    }
}
