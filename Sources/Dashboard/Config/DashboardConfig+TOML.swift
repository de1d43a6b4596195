import TOMLKit
import Vocabulary

extension DashboardConfig {
    /// The result of parsing: the configuration and the warnings (unknown keys).
    public struct Parsed: Sendable, Hashable {
        /// The configuration, defaults filled in.
        public var config: DashboardConfig
        /// Problems that did not stop parsing, in file order.
        public var warnings: [ConfigWarning]
    }

    /// Parses TOML text. Unknown keys become warnings; anything else wrong is an error naming
    /// the line and the key path.
    /// - Throws: `ConfigError`.
    public static func parse(toml text: String) throws(ConfigError) -> Parsed {
        let root: TOMLTable
        do {
            root = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw ConfigError(.syntax, line: error.source.begin.line, keyPath: nil, message: error.description)
        } catch {
            throw ConfigError(.syntax, line: nil, keyPath: nil, message: "\(error)")
        }
        var reader = ConfigReader(locator: TOMLLineLocator(text: text))
        var config = DashboardConfig()
        try reader.read(root, into: &config)
        let warnings = reader.warnings.sorted { ($0.line ?? 0, $0.keyPath) < ($1.line ?? 0, $1.keyPath) }
        return Parsed(config: config, warnings: warnings)
    }
}
