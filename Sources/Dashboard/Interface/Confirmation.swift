/// A question the dashboard asks before doing something it cannot undo.
public enum Confirmation: Sendable, Hashable {
    /// "Cancel all N working orders?"
    case cancelAllOrders(workingCount: Int)
    /// "Quit with N orders still working?"
    case quitWithWorkingOrders(workingCount: Int)

    /// The question, for the dialog.
    public var question: String {
        switch self {
        case .cancelAllOrders(let count):
            "Cancel all \(count) working order\(count == 1 ? "" : "s")? (Enter: yes, Esc: no)"
        case .quitWithWorkingOrders(let count):
            "\(count) order\(count == 1 ? " is" : "s are") still working and will keep working at IB after ibterm quits. Quit anyway? (Enter: yes, Esc: no)"
        }
    }
}
