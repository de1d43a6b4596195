/// Which ticker id of a connection streams which symbol, found from the prices alone.
///
/// The gateway writes one market update to every connection subscribed to the instrument, in
/// the same turn and the same order, so after both subscribed, two ticker ids of one symbol on
/// two connections carry the same sequence of prices. The benchmark's own reference connection
/// subscribes the symbols one after the other (its ticker ids in subscription order are known);
/// a ticker id of another connection is the reference's whose prices contain its last
/// `window` prices (written before `before`) in a row.
enum TickerMapping {
    /// The symbol index (into the reference's subscription order) of each ticker id of
    /// `connection`; ticker ids whose tail is found under no or several reference ids are left out.
    static func map(
        _ connection: PriceTickLog.Connection, reference: PriceTickLog.Connection, before: ContinuousClock.Instant, window: Int = 8
    ) -> [Int: Int] {
        struct Key: Hashable {
            var fields: [Int]
            var prices: [Double]
        }
        func key(_ slice: ArraySlice<PriceTickLog.Written>) -> Key {
            Key(fields: slice.map(\.field.rawValue), prices: slice.map(\.price))
        }
        var owners: [Key: Int] = [:]
        var ambiguous: Set<Key> = []
        for (index, reqId) in reference.requestOrder.enumerated() {
            let prices = reference.byRequest[reqId] ?? []
            guard prices.count >= window else { continue }
            for start in 0...(prices.count - window) {
                let tail = key(prices[start..<(start + window)])
                if let owner = owners[tail], owner != index { ambiguous.insert(tail) } else { owners[tail] = index }
            }
        }
        var mapping: [Int: Int] = [:]
        for reqId in connection.requestOrder {
            let prices = (connection.byRequest[reqId] ?? []).filter { $0.at < before }
            guard prices.count >= window else { continue }
            let tail = key(prices[(prices.count - window)...])
            if let owner = owners[tail], !ambiguous.contains(tail) { mapping[reqId] = owner }
        }
        return mapping
    }
}
