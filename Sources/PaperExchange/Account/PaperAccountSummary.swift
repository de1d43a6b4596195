import Vocabulary

/// The account's figures at a set of marks: what reqAccountSummary, reqAccountUpdates and
/// reqPnL report. All amounts are USD.
///
/// Definitions: NetLiquidation = cash + stock and FX market value + futures unrealized P&L;
/// EquityWithLoanValue = NetLiquidation; GrossPositionValue = Σ |stock and FX market value|;
/// AvailableFunds = ELV − InitMarginReq; ExcessLiquidity = ELV − MaintMarginReq;
/// BuyingPower = AvailableFunds × 4 (``MarginPolicy``); RegTMargin = 50 % of stock value;
/// SMA = max(0, ELV − RegTMargin); DailyPnL = NetLiquidation − NetLiquidation at session start.
public struct PaperAccountSummary: Sendable, Hashable {
    /// The account id.
    public var accountId: String
    /// `NetLiquidation`.
    public var netLiquidation: FixedDecimal
    /// `TotalCashValue` (also `SettledCash` and `CashBalance`).
    public var totalCashValue: FixedDecimal
    /// `GrossPositionValue`.
    public var grossPositionValue: FixedDecimal
    /// `EquityWithLoanValue`.
    public var equityWithLoanValue: FixedDecimal
    /// `PreviousDayEquityWithLoanValue`.
    public var previousDayEquityWithLoanValue: FixedDecimal
    /// `InitMarginReq`.
    public var initMarginReq: FixedDecimal
    /// `MaintMarginReq`.
    public var maintMarginReq: FixedDecimal
    /// `AvailableFunds`.
    public var availableFunds: FixedDecimal
    /// `ExcessLiquidity`.
    public var excessLiquidity: FixedDecimal
    /// `BuyingPower`.
    public var buyingPower: FixedDecimal
    /// `RegTMargin`.
    public var regTMargin: FixedDecimal
    /// `SMA`.
    public var sma: FixedDecimal
    /// `Cushion`: ExcessLiquidity / NetLiquidation.
    public var cushion: FixedDecimal
    /// `Leverage`: GrossPositionValue / NetLiquidation.
    public var leverage: FixedDecimal
    /// Unrealized P&L over open positions.
    public var unrealizedPNL: FixedDecimal
    /// Realized P&L of the current session.
    public var realizedPNL: FixedDecimal
    /// Daily P&L (reqPnL's `dailyPnL`).
    public var dailyPNL: FixedDecimal
    /// The market value of stock positions, long minus short (IB's `StockMarketValue`).
    public var stockMarketValue: FixedDecimal

    /// Values the account at `marks` (conId → price; a missing mark uses the average price).
    public init(
        account: PaperAccount, marks: [Int: FixedDecimal], converter: CurrencyConverter,
        margin: MarginPolicy = .marginAccount
    ) {
        accountId = account.accountId
        var positionValue = FixedDecimal.zero
        var gross = FixedDecimal.zero
        var stockValue = FixedDecimal.zero
        var signedStockValue = FixedDecimal.zero
        var unrealized = FixedDecimal.zero
        var initial = FixedDecimal.zero
        var maintenance = FixedDecimal.zero
        for position in account.openPositions {
            let instrument = position.instrument
            let mark = marks[instrument.conId] ?? position.averagePrice
            let value = converter.toUSD(position.marketValue(at: mark), from: instrument.currency)
            let open = converter.toUSD(position.unrealizedPNL(at: mark), from: instrument.currency)
            unrealized += open
            if instrument.secType == .future {
                positionValue += open
            } else {
                positionValue += value
                gross += value.magnitude
            }
            if instrument.secType == .stock {
                stockValue += value.magnitude
                signedStockValue += value
            }
            initial += value.magnitude * (margin.initial[instrument.secType] ?? .zero)
            maintenance += value.magnitude * (margin.maintenance[instrument.secType] ?? .zero)
        }
        totalCashValue = account.cash
        netLiquidation = account.cash + positionValue
        grossPositionValue = gross
        equityWithLoanValue = netLiquidation
        previousDayEquityWithLoanValue = account.sessionStartNetLiquidation
        initMarginReq = initial
        maintMarginReq = maintenance
        availableFunds = equityWithLoanValue - initial
        excessLiquidity = equityWithLoanValue - maintenance
        buyingPower = FixedDecimal.max(.zero, availableFunds * margin.buyingPowerMultiple)
        regTMargin = stockValue / 2
        sma = FixedDecimal.max(.zero, equityWithLoanValue - regTMargin)
        cushion = netLiquidation > .zero ? excessLiquidity / netLiquidation : .zero
        leverage = netLiquidation > .zero ? gross / netLiquidation : .zero
        unrealizedPNL = unrealized
        realizedPNL = account.realizedPNLToday
        dailyPNL = netLiquidation - account.sessionStartNetLiquidation
        stockMarketValue = signedStockValue
    }

    /// The reqAccountSummary / reqAccountUpdates key-value list, in IB's tag names, amounts
    /// with two decimals in USD (`Cushion` and `Leverage` as plain ratios without currency).
    public var values: [PaperAccountValue] {
        func usd(_ tag: String, _ value: FixedDecimal) -> PaperAccountValue {
            PaperAccountValue(tag: tag, value: value.formatted(fractionDigits: 2), currency: "USD")
        }
        func plain(_ tag: String, _ value: String) -> PaperAccountValue {
            PaperAccountValue(tag: tag, value: value, currency: "")
        }
        return [
            plain("AccountType", "INDIVIDUAL"),
            usd("NetLiquidation", netLiquidation),
            usd("TotalCashValue", totalCashValue),
            usd("SettledCash", totalCashValue),
            usd("AccruedCash", .zero),
            usd("BuyingPower", buyingPower),
            usd("EquityWithLoanValue", equityWithLoanValue),
            usd("PreviousDayEquityWithLoanValue", previousDayEquityWithLoanValue),
            usd("GrossPositionValue", grossPositionValue),
            usd("RegTEquity", equityWithLoanValue),
            usd("RegTMargin", regTMargin),
            usd("SMA", sma),
            usd("InitMarginReq", initMarginReq),
            usd("MaintMarginReq", maintMarginReq),
            usd("AvailableFunds", availableFunds),
            usd("ExcessLiquidity", excessLiquidity),
            plain("Cushion", cushion.formatted(fractionDigits: 6)),
            usd("FullInitMarginReq", initMarginReq),
            usd("FullMaintMarginReq", maintMarginReq),
            usd("FullAvailableFunds", availableFunds),
            usd("FullExcessLiquidity", excessLiquidity),
            plain("LookAheadNextChange", "0"),
            usd("LookAheadInitMarginReq", initMarginReq),
            usd("LookAheadMaintMarginReq", maintMarginReq),
            usd("LookAheadAvailableFunds", availableFunds),
            usd("LookAheadExcessLiquidity", excessLiquidity),
            plain("HighestSeverity", "0"),
            plain("DayTradesRemaining", "-1"),
            plain("Leverage", leverage.formatted(fractionDigits: 2)),
            usd("CashBalance", totalCashValue),
            usd("StockMarketValue", stockMarketValue),
            usd("UnrealizedPnL", unrealizedPNL),
            usd("RealizedPnL", realizedPNL),
        ]
    }
}

/// One key-value-currency triple of an account report (ACCT_VALUE / ACCOUNT_SUMMARY).
public struct PaperAccountValue: Sendable, Hashable, Codable {
    /// IB's tag, e.g. `NetLiquidation`.
    public var tag: String
    /// The value as IB writes it.
    public var value: String
    /// The currency, or empty for ratios and counts.
    public var currency: String

    /// Creates a value.
    public init(tag: String, value: String, currency: String) {
        self.tag = tag
        self.value = value
        self.currency = currency
    }
}
