import CursesTerminal
import Dashboard
import Foundation
import Synchronization
import TerminalUI

/// The render thread of `tick-to-screen`: draws the store into a canvas and presents it, as
/// `ibterm`'s `TerminalLoop` does, and records when each frame was presented and which quote
/// ticks it was the first to show.
final class TickRenderLoop: @unchecked Sendable {
    /// When frames are drawn.
    enum Pacing: String, Sendable, CaseIterable {
        /// A frame as soon as the store changed. Ticks applied while a frame is being drawn
        /// wait for the next one, which starts right after (coalescing: one frame per batch).
        case immediate
        /// As shipped: `FrameScheduler(maxFramesPerSecond: 30, dataFramesPerSecond: 10)`, so
        /// streamed changes are drawn at most 10 times a second.
        case paced
    }

    /// One presented frame.
    struct Frame: Sendable {
        /// When `present` returned.
        var at: ContinuousClock.Instant
        /// How long drawing the screen model, the canvas and presenting took.
        var drawTime: Duration
        /// Of that: the screen model (`DashboardScreen`), the canvas (`DashboardView.render`).
        var modelTime: Duration
        var renderTime: Duration
        /// The ticks this frame showed first.
        var ticks: [TickStore.TickRef]
    }

    private let store: TickStore
    private let wakeup: TerminalWakeup
    private let pacing: Pacing
    private let makeBackend: () throws -> (backend: any TerminalBackend, depth: ColorDepth)
    private let stopFlag = Atomic<Bool>(false)
    // Written by the render thread only, read after it ended.
    private var frames: [Frame] = []
    private var failure: (any Error)?
    /// The last frame's text (rows), for telling which symbols were on screen.
    private(set) var lastFrameLines: [String] = []

    init(store: TickStore, wakeup: TerminalWakeup, pacing: Pacing, makeBackend: @escaping () throws -> (backend: any TerminalBackend, depth: ColorDepth)) {
        self.store = store
        self.wakeup = wakeup
        self.pacing = pacing
        self.makeBackend = makeBackend
    }

    /// Asks the loop to end; it notices within 50 ms.
    func stop() {
        stopFlag.store(true, ordering: .relaxed)
        wakeup.wake()
    }

    /// Runs the loop on a thread of its own until ``stop()``; returns the frames.
    func run() async throws -> [Frame] {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let thread = Thread { [self] in
                loop()
                continuation.resume()
            }
            thread.name = "tick-to-screen.render"
            thread.start()
        }
        if let failure { throw failure }
        return frames
    }

    private func loop() {
        let backend: any TerminalBackend, depth: ColorDepth
        do {
            (backend, depth) = try makeBackend()
        } catch {
            failure = error
            return
        }
        defer { backend.restore() }
        let theme = Theme.builtinDefault.degraded(to: depth)
        let keymap = Keymap.defaults
        let clock = ContinuousClock()
        let origin = clock.now
        var scheduler = FrameScheduler(maxFramesPerSecond: 30, dataFramesPerSecond: 10, idleRefreshInterval: .seconds(1))
        var drawnVersion: UInt64?
        var lastSecond: Int64 = -1
        var lastCanvas: Canvas?
        defer { lastFrameLines = lastCanvas?.lines ?? [] }
        frames.reserveCapacity(65_536)
        while !stopFlag.load(ordering: .relaxed) {
            let wallSecond = TickStore.now().instant.offset.components.seconds
            if wallSecond != lastSecond {
                lastSecond = wallSecond
                store.send(.clockTick)
            }
            let draw: Bool
            var waitMilliseconds: Int32 = 50
            var wakes = true
            switch pacing {
            case .immediate:
                draw = true
            case .paced:
                let version = store.version
                let elapsed = clock.now - origin
                switch scheduler.decide(now: elapsed, stateVersion: Int(truncatingIfNeeded: version), interactive: false) {
                case .drawNow:
                    draw = true
                case let .wait(until):
                    draw = false
                    let remaining = until - elapsed
                    waitMilliseconds = max(1, min(50, Int32(remaining.components.seconds * 1000 + remaining.components.attoseconds / 1_000_000_000_000_000)))
                    // As the app: a change already waiting for its frame lets nothing but keys wake us.
                    wakes = drawnVersion == version
                }
            }
            if draw {
                let (state, ticks) = store.take()
                if pacing == .paced || state.version != drawnVersion || !ticks.isEmpty {
                    let start = clock.now
                    let screen = DashboardScreen(state: state, now: TickStore.now(), keymap: keymap, timeZoneOffsetSeconds: 0)
                    let modelled = clock.now
                    let canvas = DashboardView.render(screen, size: backend.size, theme: theme, glyphs: .unicode)
                    let rendered = clock.now
                    backend.present(canvas)
                    let end = clock.now
                    lastCanvas = canvas
                    frames.append(Frame(at: end, drawTime: end - start, modelTime: modelled - start, renderTime: rendered - modelled, ticks: ticks))
                    drawnVersion = state.version
                    if pacing == .paced { scheduler.didDraw(at: end - origin, stateVersion: Int(truncatingIfNeeded: state.version)) }
                    continue
                }
            }
            _ = wakeup.wait(timeoutMilliseconds: waitMilliseconds, wakes: wakes)
        }
    }
}
