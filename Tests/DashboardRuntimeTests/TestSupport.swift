import DashboardRuntime
import Glibc
import TerminalUI
import TWSClient
import Vocabulary

/// A clock that stays at one instant: the loop sends one clock tick and no more.
struct StillClock: TWSClock {
    func now() -> SessionInstant { .seconds(5) }
    func sleep(until deadline: SessionInstant) async throws {}
}

/// An in-memory terminal for the loop: scripted input, the screen kept from diffs, restores
/// counted. Used only on the loop's thread while it runs, inspected after it returned.
final class ScriptedTerminal: LoopTerminal, @unchecked Sendable {
    private let virtual: VirtualTerminal
    private(set) var suspendCount = 0
    private(set) var bellCount = 0

    init(size: Size, events: [InputEvent] = []) {
        virtual = VirtualTerminal(size: size)
        virtual.pendingEvents = events
    }

    var size: Size { virtual.size }
    var colorDepth: ColorDepth { .trueColor }
    var screen: Canvas { virtual.screen }
    var restoreCount: Int { virtual.restoreCount }
    var framesPresented: Int { virtual.diffs.count }

    func present(_ canvas: Canvas) { virtual.present(canvas) }
    func invalidate() { virtual.invalidate() }
    func readEvent() -> InputEvent? { virtual.readEvent() }
    func restore() { virtual.restore() }
    func suspend(_ stop: () -> Void) {
        suspendCount += 1
        stop()
    }
    func continued() { virtual.invalidate() }
    func bell() { bellCount += 1 }
}

/// A pipe nobody writes to, standing in for the terminal's input.
final class SilentInput: @unchecked Sendable {
    let readFD: Int32
    private let writeFD: Int32

    init() {
        var fds: [Int32] = [-1, -1]
        _ = pipe(&fds)
        readFD = fds[0]
        writeFD = fds[1]
    }

    deinit {
        close(readFD)
        close(writeFD)
    }
}
