import Dashboard
import DashboardRuntime
import Synchronization
import Testing

/// The store's bookkeeping for the render loop: revisions and marks.
@Suite struct DashboardStoreTests {
    func store() -> DashboardStore {
        DashboardStore(config: DashboardConfig(), clock: StillClock(), perform: { _ in }, changed: {})
    }

    @Test func aMarkedEventIsHandedToOneFrameOnly() {
        let store = store()
        let mark = EventMark(stream: 2, sequence: 7)
        store.send(.clockTick, mark: mark)
        #expect(store.takeFrame().marks == [mark])
        #expect(store.takeFrame().marks.isEmpty, "the next frame is not the first to show it")
    }

    @Test func theRevisionMovesWithTheStateAndWithMarks() {
        let store = store()
        let start = store.revision
        store.send(.connecting(gateway: "127.0.0.1:4002"))
        let changed = store.revision
        #expect(changed != start)
        store.send(.clockTick)
        store.send(.clockTick)
        let quiet = store.revision
        store.send(.clockTick, mark: EventMark(stream: 0, sequence: 0))
        #expect(store.revision != quiet, "a marked event waits for a frame even when nothing drawn changed")
        let frame = store.takeFrame()
        #expect(frame.revision == store.revision)
    }

    @Test func statusReportsQuittingWithoutACopy() {
        let store = store()
        #expect(store.status().isQuitting == false)
        store.send(.user(.quit))
        #expect(store.status().isQuitting)
    }

    @Test func changesWakeTheLoopAndUnchangedEventsDoNot() {
        let woken = Counter()
        let store = DashboardStore(config: DashboardConfig(), clock: StillClock(), perform: { _ in }, changed: { woken.count() })
        store.send(.connecting(gateway: "127.0.0.1:4002"))
        #expect(woken.value >= 1)
        store.send(.clockTick)
        store.send(.clockTick)
        let afterTicks = woken.value
        store.send(.clockTick)
        #expect(woken.value == afterTicks, "the same instant again changes nothing drawn")
        store.send(.clockTick, mark: EventMark(stream: 0, sequence: 1))
        #expect(woken.value == afterTicks + 1)
    }
}

/// Counts calls from any thread.
final class Counter: Sendable {
    private let calls = Atomic<Int>(0)
    func count() { calls.wrappingAdd(1, ordering: .relaxed) }
    var value: Int { calls.load(ordering: .relaxed) }
}
