/// What is drawn over the panes. The "terminal too small" screen is not an overlay the model
/// chooses: `DashboardView` shows it whenever the size is below `DashboardLayout.minimumSize`.
public enum OverlayView: Hashable, Sendable {
    /// Every binding of the keymap with its keys and description.
    case help(Keymap)
    /// The `:` command line: the text typed, the cursor (a character index into `text`), and
    /// an optional message from the last command (an error or a hint).
    case commandLine(text: String, cursor: Int, message: String? = nil)
    /// A one-line text prompt in the command line's row (`add symbol: TSLA`): the label, the
    /// text typed and the cursor (a character index into `text`).
    case prompt(label: String, text: String, cursor: Int)
    /// A yes/no question.
    case confirmation(ConfirmationPrompt)
    /// What an IB message code means and what to do about it (`:explain 354`).
    case explanation(Explanation)
    /// The symbol search.
    case search(SearchView)
    /// The symbol detail view.
    case detail(DetailView)
}

/// A question that needs a yes or no (cancel all orders, quit with orders working).
public struct ConfirmationPrompt: Hashable, Sendable {
    /// The box title (`Cancel all orders`).
    public var title: String
    /// The question.
    public var question: String
    /// More lines (the orders affected, ...).
    public var details: [String]
    /// The key that answers yes, as shown (`Enter`).
    public var confirmKey: String
    /// The key that answers no, as shown (`Esc`).
    public var cancelKey: String
    /// Whether yes is destructive (drawn in the error role).
    public var isDestructive: Bool

    /// Creates a confirmation.
    public init(
        title: String, question: String, details: [String] = [], confirmKey: String = "Enter",
        cancelKey: String = "Esc", isDestructive: Bool = true
    ) {
        self.title = title
        self.question = question
        self.details = details
        self.confirmKey = confirmKey
        self.cancelKey = cancelKey
        self.isDestructive = isDestructive
    }
}
