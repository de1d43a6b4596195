import Foundation
import PaperExchange

/// The data files shipped with the gateway as package resources.
public enum GatewayResources {
    /// Why a shipped resource could not be used.
    public struct ResourceError: Error, CustomStringConvertible {
        /// What went wrong.
        public var description: String
    }

    /// The text of the bundled `instruments.toml`.
    public static func instrumentsTOML() throws -> String {
        guard let url = Bundle.module.url(forResource: "instruments", withExtension: "toml") else {
            throw ResourceError(description: "instruments.toml is missing from the PaperGateway bundle")
        }
        return try String(contentsOf: url, encoding: .utf8)
    }

    /// The instrument universe parsed from the bundled `instruments.toml`.
    public static func universe() throws -> InstrumentUniverse {
        try InstrumentUniverse.parse(toml: try instrumentsTOML())
    }

    /// The default ledger path: `$XDG_DATA_HOME/ibterm/paper.sqlite`, else
    /// `~/.local/share/ibterm/paper.sqlite`.
    public static func defaultStatePath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        let base: String
        if let xdg = environment["XDG_DATA_HOME"], !xdg.isEmpty {
            base = xdg
        } else {
            let home = environment["HOME"] ?? NSHomeDirectory()
            base = home + "/.local/share"
        }
        return base + "/ibterm/paper.sqlite"
    }
}
