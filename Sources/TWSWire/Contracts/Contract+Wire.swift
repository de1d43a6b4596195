extension FieldReader {
    /// The 12-field contract block of requests (REQ_MKT_DATA, PLACE_ORDER, REQ_CONTRACT_DATA).
    mutating func requestContract() throws(WireDecodingError) -> Contract {
        var contract = Contract()
        contract.conId = try int("conId")
        contract.symbol = try string("symbol")
        contract.secType = try string("secType")
        contract.lastTradeDateOrContractMonth = try string("lastTradeDateOrContractMonth")
        contract.strike = try double("strike")
        contract.right = try string("right")
        contract.multiplier = try string("multiplier")
        contract.exchange = try string("exchange")
        contract.primaryExchange = try string("primaryExchange")
        contract.currency = try string("currency")
        contract.localSymbol = try string("localSymbol")
        contract.tradingClass = try string("tradingClass")
        return contract
    }

    /// The contract block of OPEN_ORDER, EXECUTION_DATA and POSITION_DATA: exchange but no
    /// primary exchange.
    mutating func eventContract(into contract: inout Contract) throws(WireDecodingError) {
        contract.conId = try int("conId")
        contract.symbol = try string("symbol")
        contract.secType = try string("secType")
        contract.lastTradeDateOrContractMonth = try string("lastTradeDateOrContractMonth")
        contract.strike = try double("strike")
        contract.right = try string("right")
        contract.multiplier = try string("multiplier")
        contract.exchange = try string("exchange")
        contract.currency = try string("currency")
        contract.localSymbol = try string("localSymbol")
        contract.tradingClass = try string("tradingClass")
    }

    /// A tag/value list preceded by its count.
    mutating func tagValues(_ name: StaticString) throws(WireDecodingError) -> [TagValue] {
        let count = try int(name)
        guard count > 0 else { return [] }
        try checkCount(count, name)
        var list: [TagValue] = []
        for _ in 0..<count { list.append(TagValue(tag: try string("tag"), value: try string("value"))) }
        return list
    }

    /// Rejects a repeat count that the rest of the payload cannot possibly hold.
    func checkCount(_ count: Int, _ name: StaticString) throws(WireDecodingError) {
        guard count >= 0, count <= remainingFieldCount else {
            throw WireDecodingError(message: messageName.description, field: name.description, index: fieldIndex - 1, bytes: String(count), reason: .unexpectedValue("count larger than the message"))
        }
    }
}

extension FieldWriter {
    /// The 12-field contract block of requests.
    mutating func requestContract(_ contract: Contract) {
        int(contract.conId)
        string(contract.symbol)
        string(contract.secType)
        string(contract.lastTradeDateOrContractMonth)
        double(contract.strike)
        string(contract.right)
        string(contract.multiplier)
        string(contract.exchange)
        string(contract.primaryExchange)
        string(contract.currency)
        string(contract.localSymbol)
        string(contract.tradingClass)
    }

    /// The contract block of OPEN_ORDER, EXECUTION_DATA and POSITION_DATA.
    mutating func eventContract(_ contract: Contract) {
        int(contract.conId)
        string(contract.symbol)
        string(contract.secType)
        string(contract.lastTradeDateOrContractMonth)
        double(contract.strike)
        string(contract.right)
        string(contract.multiplier)
        string(contract.exchange)
        string(contract.currency)
        string(contract.localSymbol)
        string(contract.tradingClass)
    }

    /// A tag/value list preceded by its count.
    mutating func tagValues(_ list: [TagValue]) {
        int(list.count)
        for pair in list {
            string(pair.tag)
            string(pair.value)
        }
    }
}
