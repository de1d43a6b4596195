/// A pane row that can flash for a moment (a fill's order and execution rows, a fired alert's
/// watchlist row).
public protocol FlashingRow {
    /// Whether the row is drawn in the flash style.
    var isFlashing: Bool { get set }
}

extension FlashingRow {
    /// This row with `isFlashing` set to `flashing`.
    public func flashing(_ flashing: Bool) -> Self {
        var row = self
        row.isFlashing = flashing
        return row
    }
}
