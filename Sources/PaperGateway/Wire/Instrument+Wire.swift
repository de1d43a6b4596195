import PaperExchange
import TWSWire
import Vocabulary

extension Instrument {
    /// The contract block TWS writes for this instrument in OPEN_ORDER, EXECUTION_DATA,
    /// POSITION_DATA and PORTFOLIO_VALUE.
    var wireContract: Contract {
        var contract = Contract()
        contract.conId = conId
        contract.symbol = symbol
        contract.secType = secType.rawValue
        contract.lastTradeDateOrContractMonth = lastTradeDateOrContractMonth
        contract.multiplier = multiplier == 1 && secType != .future ? "" : String(multiplier)
        contract.exchange = exchange
        contract.primaryExchange = primaryExchange
        contract.currency = currency
        contract.localSymbol = localSymbol
        contract.tradingClass = tradingClass
        return contract
    }

    /// The exchange an execution reports: the listing exchange for stocks.
    var executionExchange: String {
        secType == .stock ? primaryExchange : exchange
    }

    /// CONTRACT_DATA's details for this instrument.
    var contractDetails: ContractDetails {
        var details = ContractDetails()
        var contract = wireContract
        contract.lastTradeDate = lastTradeDateOrContractMonth
        details.contract = contract
        details.marketName = tradingClass
        details.minTick = minTick.doubleValue
        details.orderTypes = "LMT,MKT,STP,STP LMT"
        details.validExchanges = secType == .stock ? (Instrument.stockVenues.contains(primaryExchange.uppercased()) ? Instrument.stockVenues : Instrument.stockVenues + [primaryExchange]).joined(separator: ",") : exchange
        details.priceMagnifier = 1
        details.longName = longName
        details.contractMonth = lastTradeDateOrContractMonth.isEmpty ? "" : String(lastTradeDateOrContractMonth.prefix(6))
        details.timeZoneId = SessionHoursText.timeZoneId(of: secType)
        details.industry = industry ?? ""
        details.category = category ?? ""
        details.subcategory = category ?? ""
        details.evMultiplier = 0
        details.aggGroup = 1
        details.marketRuleIds = String(MarketRuleBook.ruleId(for: minTick))
        details.realExpirationDate = lastTradeDateOrContractMonth
        details.stockType = secType == .stock ? "COMMON" : ""
        details.mdSizeMultiplier = 1
        details.minSize = FixedDecimal(1)
        details.sizeIncrement = FixedDecimal(1)
        details.suggestedSizeIncrement = FixedDecimal(1)
        if secType == .stock {
            details.underSymbol = ""
        } else if secType == .future {
            details.underSymbol = symbol
            details.underSecType = "IND"
        }
        return details
    }
}

extension Contract {
    /// The query that resolves this request contract against the instrument universe.
    var query: ContractQuery {
        ContractQuery(
            conId: conId, symbol: symbol, secType: secType, exchange: exchange,
            primaryExchange: primaryExchange, currency: currency, localSymbol: localSymbol,
            lastTradeDateOrContractMonth: lastTradeDateOrContractMonth)
    }

}
