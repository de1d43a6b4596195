import Testing

@testable import TWSSession

@Suite struct IdentifierAllocatorTests {
    @Test func issuesNothingBeforeTheFirstNextValidID() {
        var ids = OrderIDAllocator()
        #expect(throws: OrderIDError.noNextValidID) { try ids.allocate() }
    }

    @Test func allocatesMonotonicallyFromNextValidID() throws {
        var ids = OrderIDAllocator()
        ids.receivedNextValidID(100)
        #expect(try ids.allocate() == 100)
        #expect(try ids.allocate() == 101)
        ids.receivedNextValidID(500)
        #expect(try ids.allocate() == 500)
    }

    @Test func neverReusesAnIDAcrossReconnectsEvenWhenTheServerAnswersLower() throws {
        var ids = OrderIDAllocator()
        ids.receivedNextValidID(1)
        let before = try (0..<5).map { _ in try ids.allocate() }
        #expect(before == [1, 2, 3, 4, 5])

        ids.connectionReset()
        #expect(throws: OrderIDError.awaitingNextValidID) { try ids.allocate() }
        ids.receivedNextValidID(3)           // a restarted gateway remembers less than we used
        let after = try (0..<3).map { _ in try ids.allocate() }
        #expect(after == [6, 7, 8])
        #expect(Set(before).isDisjoint(with: after))
    }

    @Test func openOrdersFoundDuringReconciliationAreNeverIssuedAgain() throws {
        var ids = OrderIDAllocator()
        ids.receivedNextValidID(10)
        ids.observeExistingOrderID(41)
        #expect(try ids.allocate() == 42)
        ids.observeExistingOrderID(20)
        #expect(try ids.allocate() == 43)
    }

    @Test func refusesToPassTheLargestWireID() throws {
        var ids = OrderIDAllocator()
        ids.receivedNextValidID(OrderIDAllocator.maximumID)
        #expect(try ids.allocate() == Int(Int32.max) - 1)
        #expect(throws: OrderIDError.exhausted) { try ids.allocate() }
    }

    @Test func requestIDsAreUniqueAndOutsideTheOrderIDRange() {
        var ids = RequestIDAllocator()
        let issued = (0..<1000).map { _ in ids.allocate() }
        #expect(Set(issued).count == 1000)
        #expect(issued.first == 1_000_000_000)
        #expect(issued.allSatisfy(ids.owns))
        #expect(!ids.owns(42))
    }

    @Test func requestIDsWrapToTheBottomOnlyAfterTheWholeRange() {
        var ids = RequestIDAllocator(range: 5...7)
        #expect((0..<4).map { _ in ids.allocate() } == [5, 6, 7, 5])
    }
}
