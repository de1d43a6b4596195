import ArgumentParser

/// `ibterm [dashboard] [options]`: the dashboard, the default when no other subcommand is named.
///
/// It is a subcommand rather than the root's own options so that `ibterm quote --gateway ...`
/// gives `--gateway` to `quote`, not to the dashboard.
struct RunDashboardCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dashboard",
        abstract: "The dashboard (what `ibterm` runs without a subcommand)."
    )

    @OptionGroup var options: DashboardOptions

    func run() async throws {
        try await DashboardApp.run(options)
    }
}
