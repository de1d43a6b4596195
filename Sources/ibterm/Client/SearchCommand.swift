import ArgumentParser
import Foundation
import TWSClient

/// `ibterm search TEXT`: the gateway's symbol matcher.
struct SearchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Search the gateway's symbols: symbol, security type, primary exchange, currency, description.",
        discussion: """
            Asks the gateway's symbol matcher (reqMatchingSymbols) for contracts whose symbol \
            starts with TEXT or whose name has a word starting with it. A match is not yet a \
            qualified contract: `ibterm quote SYMBOL` resolves it.

            Exit status: 0 with the matches, also when there are none (the table says so, \
            --json prints []); 1 when the gateway refuses, does not answer in time, or cannot \
            be reached; 64 for a usage error.
            """
    )

    @Argument(help: "The start of a symbol or of a word of a name, e.g. AA or apple.")
    var text: String

    @Flag(help: "Print JSON instead of a table.")
    var json = false

    @OptionGroup var gateway: GatewayOptions

    func validate() throws {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty, trimmed.count <= 64 else { throw ValidationError("TEXT must be 1 to 64 characters.") }
    }

    /// One match as `--json` writes it.
    struct Row: Encodable {
        var symbol: String
        var secType: String
        var primaryExchange: String
        var currency: String
        var description: String
        var conId: Int
        var derivativeSecTypes: [String]
    }

    func run() async throws {
        try await runReportingFailures {
            let client = try await gateway.connect(command: "search")
            let matches: [SymbolMatch]
            do {
                matches = try await client.matchingSymbols(text.trimmingCharacters(in: .whitespaces))
            } catch {
                await client.disconnect()
                throw CommandFailure("search '\(text)'", error: error)
            }
            await client.disconnect()
            let rows = matches.map { match in
                Row(symbol: match.contract.symbol, secType: match.contract.secType, primaryExchange: match.contract.primaryExchange,
                    currency: match.contract.currency, description: match.description, conId: match.contract.conId,
                    derivativeSecTypes: match.derivativeSecTypes)
            }
            if json { return try printJSON(rows) }
            guard !rows.isEmpty else { return print("No symbol matches '\(text)'.") }
            print(pad("SYMBOL", 10) + pad("TYPE", 6) + pad("EXCHANGE", 10) + pad("CUR", 5) + "DESCRIPTION")
            for row in rows {
                print(pad(row.symbol, 10) + pad(row.secType, 6) + pad(row.primaryExchange, 10) + pad(row.currency, 5)
                    + (row.description.isEmpty ? "-" : row.description))
            }
        }
    }
}
