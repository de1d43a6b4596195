import Dashboard
import Foundation

/// Reads the configuration file from disk; `DashboardConfig.parse(toml:)` does the checking.
enum ConfigLoader {
    /// Why the configuration could not be used.
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// The configuration to run with, and warnings for the log.
    ///
    /// - A path given with `--config` must exist. The default path may be absent: defaults.
    /// - An invalid file stops the program with the line and key, unless `ignoreErrors`, in
    ///   which case the defaults are used and the problem becomes a warning.
    static func load(path: String?, paths: AppPaths, ignoreErrors: Bool) throws(Failure) -> (config: DashboardConfig, warnings: [String]) {
        let url = path.map { URL(fileURLWithPath: $0) } ?? paths.configFile
        guard FileManager.default.fileExists(atPath: url.path) else {
            if path != nil { throw Failure(description: "config file not found: \(url.path)") }
            return (DashboardConfig(), [])
        }
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw Failure(description: "cannot read config file \(url.path): \(error.localizedDescription)")
        }
        do {
            let parsed = try DashboardConfig.parse(toml: text)
            return (parsed.config, parsed.warnings.map { "\(url.path): \($0)" })
        } catch {
            let message = "\(url.path): \(error)"
            if ignoreErrors { return (DashboardConfig(), [message + " (starting with defaults as asked)"]) }
            throw Failure(description: message + "\nFix the file, or start with the defaults: --ignore-config-errors")
        }
    }
}
