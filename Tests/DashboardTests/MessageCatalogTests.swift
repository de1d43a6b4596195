import TestPrerequisites
import Testing
@testable import Dashboard
import Vocabulary

@Suite struct MessageCatalogTests {
    @Test(.requires(CodeDocFixture.prerequisite))
    func extractsAtLeastEightyCodesFromTheReferenceDoc() {
        #expect(CodeDocFixture.allCodes.count >= 80)
        #expect(CodeDocFixture.allCodes.contains(354))
        #expect(CodeDocFixture.allCodes.contains(10197))
        #expect(CodeDocFixture.allCodes.isSuperset(of: 510...516))
    }

    @Test(.requires(CodeDocFixture.prerequisite))
    func hasAnEntryForEveryCodeInTheReferenceDoc() {
        let missing = CodeDocFixture.allCodes.filter { MessageCatalog.entry(for: $0) == nil }.sorted()
        #expect(missing.isEmpty, "catalog lacks \(missing)")
    }

    /// Numbers the reference doc mentions that are not IB message codes a trader can meet,
    /// each with why it is not in the catalog.
    static let notCodes: [Int: String] = [
        120: "the doc's count of table rows",
        122: "the doc's count of codes",
        194: "a server version (errorTime from 194 on)",
        210: "an order id in an example (\"Error 201, reqId 210\")",
        463: "listed by the brief as an example, unverified: no public IB table or thread documents it (the doc leaves it out)",
        478: "listed by the brief as an example, unverified: no public IB table or thread documents it (the doc leaves it out)",
        850: "a TWS build number (TWS 850 started sending farm status)",
        955: "a TWS build number", 956: "an IB Gateway build number", 957: "a TWS build number",
        983: "a TWS build number",
        2024: "a year", 2025: "a year",
        2199: "the top of IB's warning band 2100–2199, not a code of its own",
        4001: "IB Gateway's live port", 4002: "IB Gateway's paper port",
        7496: "TWS's live port", 7497: "TWS's paper port",
        10053: "a Windows socket error (WinError 10053), not an IB code",
    ]

    @Test(.requires(CodeDocFixture.prerequisite))
    func everyNumberInTheReferenceDocIsACodeInTheCatalogOrAJustifiedExclusion() {
        let numbers = CodeDocFixture.everyNumberMentioned
        #expect(numbers.count >= 150, "the scan found \(numbers.count) numbers")
        let bare = numbers.filter { MessageCatalog.entry(for: $0) == nil && Self.notCodes[$0] == nil }.sorted()
        #expect(bare.isEmpty, "codes the doc names that the catalog would show bare: \(bare)")
        let stale = Self.notCodes.keys.filter { !numbers.contains($0) || MessageCatalog.entry(for: $0) != nil }.sorted()
        #expect(stale.isEmpty, "exclusions the doc no longer mentions, or that the catalog now explains: \(stale)")
    }

    @Test(arguments: [2174, 2176, 10314, 10289, 10293])
    func explainsCodesTradersMeetBeyondTheReferenceTable(code: Int) throws {
        let entry = try #require(MessageCatalog.entry(for: code))
        #expect(entry.isKnown && !entry.title.isEmpty && !entry.action.isEmpty)
        #expect(!entry.title.contains("IB message"), "not the unknown-code wording")
    }

    @Test(.requires(CodeDocFixture.prerequisite))
    func neverMakesAnInformationalCodeOfTheDocAnError() {
        for row in CodeDocFixture.rows where row.severity.hasPrefix("INFO") {
            for code in row.codes {
                #expect(MessageCatalog.entry(for: code)?.severity != .error, "code \(code)")
            }
        }
    }

    @Test(.requires(CodeDocFixture.prerequisite))
    func makesEveryCriticalCodeOfTheDocAnError() {
        for row in CodeDocFixture.rows where row.severity.hasPrefix("CRITICAL") {
            for code in row.codes {
                #expect(MessageCatalog.entry(for: code)?.severity == .error, "code \(code)")
            }
        }
    }

    @Test(.requires(CodeDocFixture.prerequisite))
    func marksRequestsDeadWhereTheDocSaysDead() {
        for row in CodeDocFixture.rows {
            let after = row.requestAfter.lowercased().replacingOccurrences(of: "*", with: "")
            guard after.hasPrefix("dead") else { continue }
            for code in row.codes {
                #expect(MessageCatalog.entry(for: code)?.requestIsDead == true, "code \(code)")
            }
        }
    }

    @Test func fillsEveryFieldOfEveryEntry() {
        #expect(MessageCatalog.entries.count >= 80)
        for entry in MessageCatalog.entries {
            #expect(!entry.title.isEmpty, "title of \(entry.code)")
            #expect(!entry.explanation.isEmpty, "explanation of \(entry.code)")
            #expect(!entry.action.isEmpty, "action of \(entry.code)")
            #expect(entry.isKnown)
            #expect(entry.title.count <= 50, "title of \(entry.code) is long: \(entry.title)")
        }
    }

    @Test func listsEachCodeOnceInAscendingOrder() {
        let codes = MessageCatalog.entries.map(\.code)
        #expect(codes == codes.sorted())
        #expect(Set(codes).count == codes.count)
    }

    @Test(arguments: [2104, 2106, 2107, 2108, 2158, 2119, 1102, 2109, 10349, 165, 10185])
    func treatsHealthNoticesAsInformation(code: Int) {
        #expect(MessageCatalog.entry(for: code)?.severity == .info)
        #expect(MessageCatalog.entry(for: code)?.requestIsDead == false)
    }

    @Test(arguments: [1100, 1300, 2110, 326, 502, 507, 509])
    func treatsSessionFailuresAsConnectivityOrClientErrors(code: Int) throws {
        let entry = try #require(MessageCatalog.entry(for: code))
        #expect(entry.severity == .error)
        #expect(entry.category == .connectivity || entry.category == .client)
    }

    @Test func explains354WithTheSymbolTheLastGoodQuoteAndTheFix() {
        let context = MessageContext(
            symbol: "AAPL", lastGoodQuote: Timestamp(secondsSinceEpoch: 52_267), now: Timestamp(secondsSinceEpoch: 52_314))
        let message = MessageCatalog.explain(Notice(requestID: 7, code: 354, text: "Requested market data is not subscribed."), context: context)
        #expect(message.explanation.contains("AAPL"))
        #expect(message.explanation.contains("14:31:07 UTC (47 s ago)"))
        #expect(message.action.contains("paper account"))
        #expect(message.action.contains("shared from the live user"))
        #expect(message.action.contains("press D on the symbol in the watchlist for delayed data"))
        #expect(message.requestIsDead)
        #expect(message.severity == .error)
        #expect(message.ibText == "Requested market data is not subscribed.")
        #expect(!message.explanation.contains("{"))
    }

    @Test func explains354WithoutAnyQuoteAsNoneReceived() {
        let message = MessageCatalog.explain(Notice(requestID: 7, code: 354), context: MessageContext(symbol: "TSLA"))
        #expect(message.explanation.contains("TSLA"))
        #expect(message.explanation.contains("none received"))
    }

    @Test func keepsIBCodeAndTextForUnknownCodes() {
        let message = MessageCatalog.explain(Notice(requestID: 3, code: 10999, text: "Something new happened"))
        #expect(!message.isKnown)
        #expect(message.code == 10999)
        #expect(message.explanation == "Something new happened")
        #expect(message.title.contains("10999"))
        #expect(message.severity == .warning)
        #expect(!message.requestIsDead)
        #expect(CatalogEntry.unknown(code: 599, ibText: "").category == .client)
        #expect(CatalogEntry.unknown(code: 2199, ibText: "").category == .connectivity)
    }

    @Test(arguments: [105, 110, 321, 329])
    func keepsTheOriginalOrderAliveWhenAModifyIsRefused(code: Int) {
        let modify = MessageCatalog.explain(Notice(requestID: 12, code: code), context: MessageContext(isModification: true))
        #expect(modify.severity == .warning)
        #expect(!modify.requestIsDead)
        #expect(modify.explanation.contains("original order is still working"))
    }

    @Test func makesAUserRequestedCancelInformational() {
        let ours = MessageCatalog.explain(Notice(requestID: 12, code: 202), context: MessageContext(cancelRequestedByUser: true))
        let theirs = MessageCatalog.explain(Notice(requestID: 12, code: 202))
        #expect(ours.severity == .info)
        #expect(theirs.severity == .warning)
    }

    @Test func fillsPlaceholdersWithGenericWordingForReferenceOutput() {
        let entry = MessageCatalog.filledEntry(MessageCatalog.entry(for: 354)!)
        #expect(entry.explanation.contains("the symbol"))
        #expect(entry.explanation.contains("the time of the last good quote"))
        #expect(!entry.explanation.contains("{"))
    }

    @Test func namesThePlacedOrderStateAsUnknownWhenAnOrderSendFails() throws {
        let entry = try #require(MessageCatalog.entry(for: 512))
        #expect(entry.action.contains("check open orders"))
        #expect(MessageCatalog.entry(for: 527)?.title == "Could not send: historical-data request")
    }
}
