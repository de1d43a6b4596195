import Vocabulary

/// The set of instruments the paper market trades, with lookups by contract fields and conId.
///
/// Built from the text of `instruments.toml` with ``parse(toml:)``; the I/O layer reads the file.
public struct InstrumentUniverse: Sendable, Hashable {
    /// Every instrument, in data-file order (which is also the simulator's order).
    public let instruments: [Instrument]
    /// The futures products whose current contracts ``listingFutures(on:)`` adds.
    public let futureProducts: [FutureProduct]
    private let indexByConId: [Int: Int]

    /// Creates a universe, checking that conIds are unique and every price is on its tick grid.
    public init(instruments: [Instrument], futureProducts: [FutureProduct] = []) throws(InstrumentUniverseError) {
        self.futureProducts = futureProducts
        var index: [Int: Int] = [:]
        for (position, instrument) in instruments.enumerated() {
            let name = instrument.localSymbol
            guard instrument.conId > 0 else { throw .init("\(name): conId must be positive") }
            guard index.updateValue(position, forKey: instrument.conId) == nil else {
                throw .init("\(name): duplicate conId \(instrument.conId)")
            }
            guard instrument.minTick > .zero else { throw .init("\(name): minTick must be positive") }
            guard instrument.multiplier > 0 else { throw .init("\(name): multiplier must be positive") }
            guard instrument.referencePrice > .zero, instrument.ticks(of: instrument.referencePrice) != nil
            else {
                throw .init("\(name): reference price \(instrument.referencePrice) is not a positive "
                    + "multiple of the minimum tick \(instrument.minTick)")
            }
            guard instrument.volatility > 0, instrument.volatility < 5 else {
                throw .init("\(name): volatility must lie between 0 and 5")
            }
        }
        self.instruments = instruments
        indexByConId = index
    }

    /// This universe with the futures contracts that trade on `now`'s New York date: for each
    /// product the front and the next month; expired contracts are not listed (so neither
    /// quoted nor tradable).
    public func listingFutures(on now: Timestamp) throws(InstrumentUniverseError) -> InstrumentUniverse {
        let day = CalendarDay(dayNumber: NewYorkTime.localDay(atUTC: now.secondsSinceEpoch))
        let listed = futureProducts.flatMap { $0.contracts(tradingOn: day) }
        return try InstrumentUniverse(instruments: instruments.filter { $0.secType != .future || !isListedProduct($0) } + listed,
                                      futureProducts: futureProducts)
    }

    private func isListedProduct(_ instrument: Instrument) -> Bool {
        futureProducts.contains { $0.symbol == instrument.symbol }
    }

    /// The instrument with IB contract id `conId`, if any.
    public func instrument(conId: Int) -> Instrument? {
        indexByConId[conId].map { instruments[$0] }
    }

    /// Every instrument matching `query` (what reqContractDetails answers with).
    public func instruments(matching query: ContractQuery) -> [Instrument] {
        if query.conId != 0 {
            return instrument(conId: query.conId).map { query.matches($0) ? [$0] : [] } ?? []
        }
        return instruments.filter(query.matches)
    }

    /// The one instrument `query` names, or `nil` when it names none or is ambiguous
    /// (IB answers both with error 200).
    public func resolve(_ query: ContractQuery) -> Instrument? {
        let found = instruments(matching: query)
        return found.count == 1 ? found[0] : nil
    }

    /// The instrument with `symbol` of `secType` (STK by default) in `currency` (USD by default).
    public func instrument(
        symbol: String, secType: SecurityType = .stock, currency: String = "USD"
    ) -> Instrument? {
        resolve(ContractQuery(symbol: symbol, secType: secType.rawValue, currency: currency))
    }
}
