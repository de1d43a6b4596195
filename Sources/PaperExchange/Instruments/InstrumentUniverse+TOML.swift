import TOMLKit
import Vocabulary

extension InstrumentUniverse {
    /// Parses the instrument data file (`instruments.toml`) from its text.
    ///
    /// The file is a list of `[[instrument]]` tables. Only `symbol`, `long_name` and
    /// `reference_price` are required; the rest default by `sec_type` (STK: exchange `SMART`,
    /// currency USD, min tick 0.01; CASH: `IDEALPRO`; FUT: `CME`). Prices may be written as
    /// strings (`"0.00005"`) or plain numbers; both are read exactly.
    ///
    /// - Throws: ``InstrumentUniverseError`` naming the position of a TOML syntax error, the
    ///   missing or mistyped field, or the inconsistent instrument.
    public static func parse(toml text: String) throws(InstrumentUniverseError) -> InstrumentUniverse {
        let file: InstrumentFile
        do {
            file = try TOMLDecoder().decode(InstrumentFile.self, from: text)
        } catch let error as TOMLParseError {
            throw InstrumentUniverseError(
                "TOML syntax error at \(error.source.begin): \(error.description)")
        } catch {
            throw InstrumentUniverseError("instrument file does not match the schema: \(error)")
        }
        var instruments: [Instrument] = []
        for record in file.instrument { instruments.append(try record.instrument()) }
        var products: [FutureProduct] = []
        for record in file.future ?? [] { products.append(try record.product()) }
        return try InstrumentUniverse(instruments: instruments, futureProducts: products)
    }
}

private struct InstrumentFile: Decodable {
    var instrument: [Record]
    var future: [FutureRecord]?

    struct FutureRecord: Decodable {
        var symbol: String
        var exchange: String?
        var trading_class: String?
        var long_name: String
        var min_tick: FixedDecimal
        var multiplier: Int
        var reference_price: FixedDecimal
        var volatility: Double?
        var con_id_base: Int
        var months: String
        var expiry: String

        func product() throws(InstrumentUniverseError) -> FutureProduct {
            var listed: [Int] = []
            for code in months {
                guard let index = FutureProduct.monthCodes.firstIndex(of: code) else {
                    throw InstrumentUniverseError("\(symbol): '\(code)' is not a month code (F G H J K M N Q U V X Z)")
                }
                listed.append(index + 1)
            }
            guard !listed.isEmpty else { throw InstrumentUniverseError("\(symbol): a future needs its listed months") }
            guard let rule = FutureProduct.Expiry(rawValue: expiry) else {
                throw InstrumentUniverseError("\(symbol): expiry '\(expiry)' is not third-friday, crude-oil or third-last-business-day")
            }
            return FutureProduct(
                symbol: symbol, exchange: exchange ?? "CME", tradingClass: trading_class ?? symbol, longName: long_name,
                minTick: min_tick, multiplier: multiplier, referencePrice: reference_price,
                volatility: volatility ?? SecurityType.future.defaultVolatility, conIdBase: con_id_base, months: listed, expiry: rule)
        }
    }

    struct Record: Decodable {
        var symbol: String
        var sec_type: String?
        var exchange: String?
        var primary_exchange: String?
        var currency: String?
        var local_symbol: String?
        var trading_class: String?
        var con_id: Int
        var min_tick: FixedDecimal?
        var multiplier: Int?
        var long_name: String
        var last_trade_date: String?
        var reference_price: FixedDecimal
        var volatility: Double?
        var industry: String?
        var category: String?

        func instrument() throws(InstrumentUniverseError) -> Instrument {
            guard let type = SecurityType(rawValue: sec_type ?? "STK") else {
                throw InstrumentUniverseError("\(symbol): unknown sec_type \(sec_type ?? "")")
            }
            let currency = currency ?? "USD"
            let defaultExchange = switch type {
            case .stock: "SMART"
            case .forex: "IDEALPRO"
            case .future: "CME"
            }
            let defaultLocal = type == .forex ? "\(symbol).\(currency)" : symbol
            if type == .future, (last_trade_date ?? "").count != 8 {
                throw InstrumentUniverseError("\(symbol): a future needs last_trade_date as YYYYMMDD")
            }
            return Instrument(
                conId: con_id, symbol: symbol, secType: type, exchange: exchange ?? defaultExchange,
                primaryExchange: primary_exchange ?? (exchange ?? defaultExchange),
                currency: currency, localSymbol: local_symbol ?? defaultLocal,
                tradingClass: trading_class ?? symbol, minTick: min_tick ?? FixedDecimal(raw: 1_000_000),
                multiplier: multiplier ?? 1, longName: long_name,
                lastTradeDateOrContractMonth: last_trade_date ?? "",
                referencePrice: reference_price, volatility: volatility ?? type.defaultVolatility,
                industry: industry, category: category)
        }
    }
}
