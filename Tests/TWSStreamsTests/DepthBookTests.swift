import Testing
import TWSStreams
import Vocabulary

@Suite struct DepthBookTests {
    private func prices(_ rows: [DepthBook.Row]) -> [Double] { rows.map(\.price) }

    /// Applies one row and says whether the book changed (`#expect` cannot call a mutating method).
    private func apply(_ book: inout DepthBook, _ position: Int, _ operation: Int, _ side: Int, _ price: Double, _ size: Int?) -> Bool {
        book.apply(position: position, operation: operation, side: side, price: price, size: size.map { FixedDecimal($0) })
    }

    @Test func insertsShiftRowsDownUpdatesReplaceAndDeletesShiftUp() {
        var book = DepthBook(rowLimit: 3)
        var changed = apply(&book, 0, 0, 1, 10, 1)
        #expect(changed)
        changed = apply(&book, 0, 0, 1, 11, 2)
        #expect(changed && prices(book.bids) == [11, 10])
        changed = apply(&book, 1, 1, 1, 10.5, 3)
        #expect(changed && prices(book.bids) == [11, 10.5])
        changed = apply(&book, 1, 1, 1, 10.5, 3)
        #expect(!changed, "the same row again changes nothing")
        changed = apply(&book, 0, 2, 1, 0, nil)
        #expect(changed && prices(book.bids) == [10.5] && book.asks.isEmpty)
    }

    @Test func theBookNeverHoldsMoreThanItsRowsWhateverTheGatewaySends() {
        var book = DepthBook(rowLimit: 2)
        for position in 0..<50 { _ = apply(&book, 0, 0, 0, Double(100 - position), 1) }
        #expect(book.asks.count == 2 && prices(book.asks) == [51, 52])
        for (row, why) in [((2, 0, 0), "a row past the limit"), ((5, 1, 0), "an update of a row never inserted"),
                           ((0, 7, 0), "an unknown operation"), ((0, 0, 4), "an unknown side"), ((-1, 0, 0), "a negative position")] {
            let changed = apply(&book, row.0, row.1, row.2, 1, nil)
            #expect(!changed, "\(why) changes nothing")
        }
        #expect(prices(book.asks) == [51, 52])
        let added = apply(&book, 0, 1, 1, 50, 9)
        #expect(added && book.bids.count == 1, "an update just past the last row adds it")
        #expect(!book.isFull)
        book.removeAll()
        #expect(book.isEmpty)
    }
}
