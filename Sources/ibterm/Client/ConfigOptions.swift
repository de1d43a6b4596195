import ArgumentParser
import Dashboard
import Foundation

/// `--config` and `--ignore-config-errors` for one-shot commands that apply the dashboard's
/// settings (the order ticket's limits, `allow_live`, the staleness thresholds): the same file,
/// read the same way (``ConfigLoader``), as the dashboard.
struct ConfigOptions: ParsableArguments {
    @Option(help: "The configuration file whose settings apply ([ticket] limits, allow_live, staleness thresholds, time_zone; default: $XDG_CONFIG_HOME/ibterm/config.toml, as the dashboard).")
    var config: String?

    @Flag(help: "Use the default configuration when the file is invalid.")
    var ignoreConfigErrors = false

    /// The configuration; its warnings go to stderr. An invalid file (or a `--config` that does
    /// not exist) is a ``CommandFailure``.
    func load(paths: AppPaths = AppPaths()) throws(CommandFailure) -> DashboardConfig {
        do {
            let (config, warnings) = try ConfigLoader.load(path: config, paths: paths, ignoreErrors: ignoreConfigErrors)
            for warning in warnings { FileHandle.standardError.write(Data("ibterm: warning: \(warning)\n".utf8)) }
            return config
        } catch {
            throw CommandFailure(error.description)
        }
    }
}
