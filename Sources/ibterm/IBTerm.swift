import ArgumentParser

/// The `ibterm` command: a terminal trading dashboard for Interactive Brokers.
@main
struct IBTerm: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ibterm",
        abstract: "A terminal trading dashboard for Interactive Brokers (TWS API).",
        discussion: """
            Without a subcommand, opens the dashboard: watchlist, positions, P&L, order ticket, \
            orders and a plain-language message log, on the embedded paper gateway unless \
            --gateway names a real IB Gateway or TWS. Press ? for the keys.
            """,
        version: IBTermVersion.current,
        subcommands: [
            RunDashboardCommand.self, ExplainCommand.self, EngineCommand.self,
            QuoteCommand.self, PositionsCommand.self, OrdersCommand.self, ExecutionsCommand.self, OrderCommand.self,
            CancelCommand.self, HistoryCommand.self, SearchCommand.self, DepthCommand.self, TraceCommand.self, BridgeCommand.self,
            ReplayCommand.self,
        ],
        defaultSubcommand: RunDashboardCommand.self
    )
}
