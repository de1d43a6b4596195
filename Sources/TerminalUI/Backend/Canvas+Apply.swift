extension Canvas {
    /// Applies a diff made against this canvas, producing the canvas it was made towards: a
    /// full redraw replaces the whole grid (resizing it), otherwise each run's cells are
    /// copied in place. This is what a terminal does with the runs a backend prints.
    public mutating func apply(_ diff: CanvasDiff) {
        if diff.isFullRedraw || diff.size != size {
            self = Canvas(size: diff.size)
        }
        for run in diff.runs {
            for (offset, cell) in run.cells.enumerated() where !cell.isContinuation {
                set(cell, at: run.origin.offset(dx: offset))
            }
        }
    }
}
