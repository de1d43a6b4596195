import DeskBus
import Testing

/// Desk names and the key layout.
@Suite struct DeskKeysTests {
    @Test func aGoodNameGivesTheLayout() throws {
        let keys = try DeskKeys(desk: "paper-1_B")
        #expect(keys.events == "ibterm:desk:paper-1_B:events")
        #expect(keys.commands == "ibterm:desk:paper-1_B:commands")
        #expect(keys.done == "ibterm:desk:paper-1_B:done")
        #expect(keys.commandGroup == "bridge")
        #expect(Set(keys.allKeys).count == keys.allKeys.count)
        #expect(keys.allKeys.allSatisfy { $0.hasPrefix("ibterm:desk:paper-1_B:") })
        #expect(try DeskKeys(desk: String(repeating: "a", count: 32)).desk.count == 32)
    }

    @Test func badNamesAreRefusedClearly() {
        #expect(throws: DeskNameError.empty) { try DeskKeys(desk: "") }
        #expect(throws: DeskNameError.tooLong(String(repeating: "a", count: 33), length: 33)) {
            try DeskKeys(desk: String(repeating: "a", count: 33))
        }
        for bad in ["a b", "desk:1", "x*", "ümlaut", "new\nline", "a/b"] {
            #expect(throws: DeskNameError.self) { try DeskKeys(desk: bad) }
        }
        #expect("\(DeskNameError.invalidCharacter("desk:1", ":"))".contains("':'"))
    }

    @Test func latestStateSlots() throws {
        let keys = try DeskKeys(desk: "main")
        let hashes = Set(BusEventSamples.all.compactMap { $0.latestStateSlot(in: keys)?.hash })
        #expect(hashes == [keys.quotes, keys.requests, keys.positions, keys.orders, keys.accountValues])
        #expect(BusEvent.quoteRequested(symbol: "AAPL", requestID: 7, instrumentClass: .stock).latestStateSlot(in: keys)?.field == "AAPL")
        #expect(BusEvent.accountValue(key: "NetLiquidation", value: "1", currency: "USD", account: "DU1").latestStateSlot(in: keys)?.field
                == "DU1|NetLiquidation|USD")
        #expect(BusEvent.nextValidOrderID(1).latestStateSlot(in: keys) == nil)
    }
}
