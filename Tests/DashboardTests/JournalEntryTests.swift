import Foundation
import Testing
import Vocabulary
@testable import Dashboard
import Vocabulary

@Suite struct JournalEntryTests {
    private let time = Timestamp(millisecondsSinceEpoch: 1_718_000_000_123)

    @Test func encodesAnOrderSentAsAStableLine() throws {
        let order = OrderInstruction(side: .buy, quantity: 100, symbol: "AAPL", orderType: .limit, limitPrice: FixedDecimal("231.40"), timeInForce: .goodTillCancelled)
        let line = try JournalEntry.orderSent(order, orderID: 12, at: time).jsonLine()
        #expect(line == #"{"kind":"order_sent","limit_price":"231.4","order_id":12,"order_type":"LMT","quantity":"100","side":"BUY","symbol":"AAPL","tif":"GTC","time_ms":1718000000123}"#)
    }

    @Test func roundTripsEveryKind() throws {
        let entries: [JournalEntry] = [
            .orderSent(OrderInstruction(side: .sell, quantity: 5, symbol: "TSLA", orderType: .stopLimit, limitPrice: FixedDecimal("224.5"), stopPrice: 225), orderID: 3, at: time),
            .statusChange(orderID: 3, status: "Filled", filled: 5, remaining: 0, at: time),
            .execution(orderID: 3, executionID: "0000e0d5.6548.01.01", symbol: "TSLA", side: .sell, quantity: 5, price: FixedDecimal("224.61")!, at: time),
            .message(Notice(requestID: 3, code: 201, text: "Order rejected - reason: margin"), at: time),
        ]
        for entry in entries {
            let line = try entry.jsonLine()
            #expect(!line.contains("\n"))
            #expect(try JournalEntry.decode(jsonLine: line) == entry)
        }
    }

    @Test func omitsAbsentFields() throws {
        let line = try JournalEntry.message(Notice(code: 2104, text: "farm OK:usfarm"), at: time).jsonLine()
        #expect(line == #"{"code":2104,"kind":"message","req_id":-1,"text":"farm OK:usfarm","time_ms":1718000000123}"#)
    }

    @Test func refusesALineWithAMalformedDecimal() {
        #expect(throws: (any Error).self) {
            try JournalEntry.decode(jsonLine: #"{"kind":"execution","price":"12abc","time_ms":0}"#)
        }
    }
}
