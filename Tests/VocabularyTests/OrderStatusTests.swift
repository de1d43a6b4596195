import Foundation
import Testing
import Vocabulary

@Suite struct OrderStatusTests {
    @Test func everyKnownStatusRoundTripsThroughIBsWord() {
        for status in OrderStatus.known {
            #expect(OrderStatus(ibText: status.ibText) == status)
            #expect(status.description == status.ibText)
        }
        #expect(OrderStatus.known.map(\.ibText) == [
            "ApiPending", "PendingSubmit", "PreSubmitted", "Submitted", "PendingCancel",
            "ApiCancelled", "Cancelled", "Filled", "Inactive",
        ])
    }

    @Test func readsIBsWordIgnoringCaseAndKeepsAnUnknownWordAsSent() {
        #expect(OrderStatus(ibText: "presubmitted") == .preSubmitted)
        #expect(OrderStatus(ibText: "Parked") == .other("Parked"))
        #expect(OrderStatus.other("Parked").ibText == "Parked")
    }

    @Test func workingAndFinalAreOneDefinition() {
        #expect(OrderStatus.known.filter(\.isWorking) == [.apiPending, .pendingSubmit, .preSubmitted, .submitted, .pendingCancel])
        #expect(OrderStatus.known.filter(\.isFinal) == [.apiCancelled, .cancelled, .filled, .inactive])
        // A word IB adds later is neither: nothing takes the order for finished or for trading.
        #expect(!OrderStatus.other("Parked").isWorking && !OrderStatus.other("Parked").isFinal)
    }

    @Test func codesAsIBsWord() throws {
        let statuses: [OrderStatus] = [.filled, .preSubmitted, .other("Parked")]
        let json = try JSONEncoder().encode(statuses)
        #expect(String(decoding: json, as: UTF8.self) == #"["Filled","PreSubmitted","Parked"]"#)
        #expect(try JSONDecoder().decode([OrderStatus].self, from: json) == statuses)
    }
}
