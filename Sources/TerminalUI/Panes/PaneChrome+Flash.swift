extension PaneChrome {
    /// `cells` drawn in the flash role when `flashing` (a row that just filled), kept in it
    /// also when the row is selected, so the flash is seen wherever the selection is.
    static func flash(_ cells: [TableCell], if flashing: Bool) -> [TableCell] {
        guard flashing else { return cells }
        return cells.map { TableCell($0.text, role: .flash, keepsRoleWhenSelected: true) }
    }
}
