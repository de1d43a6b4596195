import TerminalUI

/// A canvas pre-filled with `x` in no role, so cells a widget did not touch stay visible in
/// assertions (ratatui's sparkline-test trick).
func sentinelCanvas(width: Int, height: Int) -> Canvas {
    Canvas(size: Size(width: width, height: height), fill: Cell("x"))
}
