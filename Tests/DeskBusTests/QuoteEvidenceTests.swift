import Dashboard
import DeskBus
import Testing
import Vocabulary

/// A forwarded quote's evidence and the dashboard-side time it maps to.
@Suite struct QuoteEvidenceTests {
    let receipt = EventTime(instant: .milliseconds(10_000), wall: Timestamp(millisecondsSinceEpoch: 1_764_858_000_000))

    @Test func theEventTimeIsTheReceiptMinusTheAgeOnBothClocks() {
        let time = QuoteEvidence(evidenceAgeMilliseconds: 250, generation: 1).eventTime(receivedAt: receipt)
        #expect(time.instant == .milliseconds(9_750))
        #expect(time.wall == Timestamp(millisecondsSinceEpoch: 1_764_857_999_750))
    }

    @Test func neverLaterThanTheReceipt() {
        let negative = QuoteEvidence(evidenceAgeMilliseconds: -40, generation: 1)
        #expect(negative.evidenceAgeMilliseconds == 0)
        #expect(negative.eventTime(receivedAt: receipt) == receipt)
        // A publish reading before the read (clock quirk) is age 0 too.
        let backwards = QuoteEvidence(readAt: .milliseconds(500), publishedAt: .milliseconds(400), generation: 3)
        #expect(backwards.evidenceAgeMilliseconds == 0)
        #expect(QuoteEvidence(readAt: .milliseconds(400), publishedAt: .milliseconds(437), generation: 3).evidenceAgeMilliseconds == 37)
    }

    @Test func aBusQuoteAppliesAtItsEvidenceTimeAndOthersAtReceipt() {
        let quote = BusEvent.quote(QuoteUpdate(symbol: "AAPL", bid: 1), evidence: QuoteEvidence(evidenceAgeMilliseconds: 80, generation: 2))
        #expect(quote.eventTime(receivedAt: receipt).instant == .milliseconds(9_920))
        #expect(quote.dashboardEvent == .quote(QuoteUpdate(symbol: "AAPL", bid: 1)))
        #expect(BusEvent.nextValidOrderID(3).eventTime(receivedAt: receipt) == receipt)
    }

    @Test func forwardingKeepsGatewayEventsAndDropsTheDashboardsOwn() {
        let evidence = QuoteEvidence(evidenceAgeMilliseconds: 5, generation: 1)
        for event in BusEventSamples.all {
            #expect(BusEvent.forwarding(event.dashboardEvent, quoteEvidence: evidence).map(\.dashboardEvent) == event.dashboardEvent)
        }
        let local: [DashboardEvent] = [
            .started, .clockTick, .commandHistoryLoaded(["q"]), .configWarnings(["w"]), .user(.quit),
            .whatIf(serial: 1, .refused("no")), .sessionBarsLoaded(symbol: "A", closes: [1]),
        ]
        for event in local { #expect(BusEvent.forwarding(event, quoteEvidence: evidence) == nil) }
        #expect(BusEvent.forwarding(.reconnectScheduled(attempt: 2, after: .milliseconds(1500)), quoteEvidence: evidence)
                == .reconnectScheduled(attempt: 2, afterMilliseconds: 1500))
    }
}
