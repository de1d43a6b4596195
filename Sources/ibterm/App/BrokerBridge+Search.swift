import Dashboard
import DashboardFeed
import Foundation
import TWSClient
import TWSWire
import Vocabulary

/// Symbol search and the qualification of a chosen match (issue #14 item 3).
extension BrokerBridge {
    /// Asks the gateway's matcher for `query` (the client paces requests one a second).
    func search(_ query: String) {
        Task { [self] in
            do {
                let matches = try await client.matchingSymbols(query)
                store.send(.symbolSearchResults(query: query, results: Self.searchResults(matches), failure: nil))
            } catch {
                store.send(.symbolSearchResults(query: query, results: [], failure: "The gateway did not search: \(error)"))
            }
        }
    }

    /// The matches as the search lists them: a future once by its root (its months are one
    /// choice; the front month is picked when it is chosen), everything else as IB gave it.
    static func searchResults(_ matches: [SymbolMatch]) -> [SymbolSearchResult] {
        var results: [SymbolSearchResult] = []
        for match in matches {
            var result = SymbolSearchResult(match)
            if result.securityType == "FUT" {
                result.contractID = 0
                result.description += result.description.isEmpty ? "front month" : " (front month)"
            }
            if !results.contains(result) { results.append(result) }
        }
        return results
    }

    /// Looks the chosen match's contract up (a future: its front month), remembers it under the
    /// watchlist's name for it, and adds it to the watchlist; or says why it cannot.
    func qualify(_ result: SymbolSearchResult) {
        Task { [self] in
            do {
                let (name, contract) = try await qualifiedContract(result)
                rememberContract(contract, for: name)
                store.send(.user(.addSymbol(name)))
            } catch let failure as QualificationFailure {
                store.send(.instrumentNotQualified(symbol: result.symbol, reason: failure.reason))
            } catch {
                store.send(.instrumentNotQualified(symbol: result.symbol, reason: "\(error)"))
            }
        }
    }

    /// Why a chosen match could not be qualified, in words.
    struct QualificationFailure: Error {
        var reason: String
    }

    /// The watchlist name and the contract of a chosen match.
    func qualifiedContract(_ result: SymbolSearchResult) async throws -> (String, Contract) {
        var query = Self.searchContract(result)
        if result.securityType == "FUT" { query.exchange = "" }
        let details: [ContractDetails]
        do {
            details = try await client.contractDetails(query)
        } catch {
            throw QualificationFailure(reason: "IB did not confirm \(result.symbol) (\(result.securityType)): \(error.description)")
        }
        guard result.securityType == "FUT" else {
            guard let first = details.first else { throw QualificationFailure(reason: "IB knows no contract for \(result.line).") }
            return (result.symbol, first.contract)
        }
        // A future by its root: the front month, the first expiry not past today.
        let today = TimeText.date(Timestamp(secondsSinceEpoch: Int64(Date().timeIntervalSince1970)))
        let months = details.map(\.contract)
            .filter { String($0.lastTradeDateOrContractMonth.prefix(8)) >= today }
            .sorted { $0.lastTradeDateOrContractMonth < $1.lastTradeDateOrContractMonth }
        guard let front = months.first else { throw QualificationFailure(reason: "IB lists no future of \(result.symbol) that has not expired.") }
        let name = front.localSymbol.isEmpty ? "\(front.symbol)\(front.lastTradeDateOrContractMonth)" : front.localSymbol
        return (name, front)
    }

    /// The contract to look a match up with.
    static func searchContract(_ result: SymbolSearchResult) -> Contract {
        switch result.securityType {
        case "CASH":
            let parts = result.symbol.split(separator: ".").map(String.init)
            return Contract(symbol: parts.first ?? result.symbol, secType: "CASH", exchange: "IDEALPRO",
                            currency: parts.count == 2 ? parts[1] : result.currency)
        default:
            var contract = Contract(symbol: result.symbol, secType: result.securityType, exchange: "SMART", currency: result.currency)
            contract.conId = result.contractID
            return contract
        }
    }

    /// The contract a watchlist name stands for when nothing was remembered for it: a currency
    /// pair (`EUR.USD`), else a US stock on SMART.
    static func guessedContract(_ symbol: String) -> Contract {
        let parts = symbol.split(separator: ".").map(String.init)
        if parts.count == 2, parts.allSatisfy({ $0.count == 3 && $0.allSatisfy(\.isLetter) }) {
            return Contract(symbol: parts[0], secType: "CASH", exchange: "IDEALPRO", currency: parts[1])
        }
        return Contract(symbol: symbol, secType: "STK", exchange: "SMART", currency: "USD")
    }
}
