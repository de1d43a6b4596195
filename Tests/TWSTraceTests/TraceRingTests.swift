import Testing
@testable import TWSTrace

@Suite("Trace ring")
struct TraceRingTests {
    static let second: UInt64 = 1_000_000_000

    static func record(at seconds: UInt64, payload: Int = 100, connection: UInt32 = 1) -> TraceRecord {
        TraceRecord(
            kind: .inbound, serverVersion: 200, connection: connection, monotonicNanoseconds: seconds * second,
            wallNanoseconds: Int64(seconds) * 1_000_000_000, payload: (0 ..< payload).map { UInt8(truncatingIfNeeded: $0 &+ Int(seconds)) })
    }

    static func held(_ ring: borrowing TraceRing) -> [TraceRecord] {
        TraceFormatTests.records(TraceReader.items(of: ring.encodedRecords()))
    }

    @Test func keepsEverythingWithinItsLimits() {
        var ring = TraceRing(capacity: 1 << 20, maximumAge: .seconds(600))
        let records = (0 ..< 100).map { Self.record(at: UInt64($0)) }
        for record in records { ring.append(record) }
        #expect(Self.held(ring) == records)
        #expect(ring.count == 100)
        #expect(ring.used == 100 * TraceRecord.encodedSize(payloadCount: 100))
    }

    @Test func evictsTheOldestForRoomAndWrapsAround() {
        let size = TraceRecord.encodedSize(payloadCount: 100)
        var ring = TraceRing(capacity: 4096, maximumAge: .seconds(3600))
        let fit = 4096 / size
        let records = (0 ..< 1000).map { Self.record(at: UInt64($0)) }
        for (index, record) in records.enumerated() {
            ring.append(record)
            #expect(ring.used <= ring.capacity)
            // Whatever was evicted, what is held is whole and the newest.
            if index % 97 == 0 || index == records.count - 1 {
                let held = Self.held(ring)
                #expect(held == Array(records[(index + 1 - held.count) ... index]))
                #expect(held.count == min(index + 1, fit))
            }
        }
        #expect(ring.evicted == 1000 - fit)
    }

    @Test func evictsByAgeOnTheInjectedTimes() {
        var ring = TraceRing(capacity: 1 << 20, maximumAge: .seconds(600))
        for seconds in stride(from: 0, through: 900, by: 100) { ring.append(Self.record(at: UInt64(seconds))) }
        // The newest is at 900 s: records before 300 s are gone.
        #expect(Self.held(ring).map { $0.monotonicNanoseconds / Self.second } == [300, 400, 500, 600, 700, 800, 900])
        // Time passing without records (a dump asks) ages them too.
        ring.evict(before: 1_450 * Self.second)
        #expect(Self.held(ring).map { $0.monotonicNanoseconds / Self.second } == [900])
        ring.evict(before: 2_000 * Self.second)
        #expect(ring.count == 0)
        let empty = ring.encodedRecords()
        #expect(empty.isEmpty)
    }

    @Test func refusesARecordLargerThanItself() {
        var ring = TraceRing(capacity: 4096, maximumAge: .seconds(600))
        ring.append(Self.record(at: 1))
        let kept = ring.append(Self.record(at: 2, payload: 5000))
        #expect(!kept)
        #expect(ring.refused == 1)
        #expect(Self.held(ring) == [Self.record(at: 1)])
    }

    @Test func recordsOfVaryingSizesStayWholeAcrossManyWraps() {
        var ring = TraceRing(capacity: 5000, maximumAge: .seconds(100_000))
        var appended: [TraceRecord] = []
        for index in 0 ..< 3000 {
            let record = Self.record(at: UInt64(index), payload: (index * 7919) % 900)
            ring.append(record)
            appended.append(record)
        }
        let held = Self.held(ring)
        #expect(!held.isEmpty)
        #expect(held == Array(appended.suffix(held.count)))
    }
}
