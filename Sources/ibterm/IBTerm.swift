import ArgumentParser

/// The `ibterm` command: a terminal trading dashboard for Interactive Brokers.
@main
struct IBTerm: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ibterm",
        abstract: "A terminal trading dashboard for Interactive Brokers (TWS API).",
        discussion: """
            ibterm speaks the TWS API socket protocol itself. Built so far: the wire codec \
            (see README.md). The dashboard, the client and the embedded paper gateway arrive \
            in later steps.
            """,
        version: IBTermVersion.current,
        subcommands: [
            ExplainCommand.self, EngineCommand.self,
            QuoteCommand.self, PositionsCommand.self, OrdersCommand.self, ExecutionsCommand.self, OrderCommand.self,
        ]
    )

    func run() async throws {
        print("ibterm \(IBTermVersion.current): the dashboard is not built yet; see README.md for what is.")
    }
}
