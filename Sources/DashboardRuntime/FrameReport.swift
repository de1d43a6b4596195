/// One frame the ``TerminalLoop`` presented, as its frame observer sees it: when it was drawn,
/// what its steps cost, and the marked events it was the first to show.
///
/// Reported only to a loop created with a `frameObserver`; without one the loop takes no
/// timings beyond the two its scheduler needs.
public struct FrameReport: Sendable {
    /// When drawing started (the state was taken just before).
    public var startedAt: ContinuousClock.Instant
    /// When `present` returned: the frame is on screen (or handed to the terminal).
    public var presentedAt: ContinuousClock.Instant
    /// Building the screen model (`DashboardScreen`).
    public var modelTime: Duration
    /// Rendering the model into a canvas (`DashboardView.render`).
    public var renderTime: Duration
    /// The marked events this frame was the first to show (``DashboardStore/takeFrame()``).
    public var marks: [EventMark]

    /// Creates a report.
    public init(
        startedAt: ContinuousClock.Instant, presentedAt: ContinuousClock.Instant, modelTime: Duration, renderTime: Duration,
        marks: [EventMark]
    ) {
        self.startedAt = startedAt
        self.presentedAt = presentedAt
        self.modelTime = modelTime
        self.renderTime = renderTime
        self.marks = marks
    }

    /// The whole frame: model, canvas and present.
    public var drawTime: Duration { presentedAt - startedAt }
    /// Presenting the canvas (diff and output).
    public var presentTime: Duration { drawTime - modelTime - renderTime }
}
