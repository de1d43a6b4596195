import TOMLKit
import Vocabulary

extension Keymap {
    /// Reads key overrides from the `[table]` section (default `[keys]`) of config-file TOML
    /// text. Each entry is `action = ["key", ...]` or `action = "key"`; entries of any other
    /// type are skipped with a warning. A missing section yields no overrides.
    public static func overrides(
        fromTOML text: String, table: String = "keys"
    ) throws(ConfigError) -> (overrides: [String: [String]], warnings: [ConfigWarning]) {
        let root: TOMLTable
        do {
            root = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw ConfigError(.syntax, line: error.source.begin.line, column: error.source.begin.column, keyPath: nil, message: error.description)
        } catch {
            throw ConfigError(.syntax, line: nil, keyPath: nil, message: "not a TOML document")
        }
        guard let section = root[table] else { return ([:], []) }
        guard let entries = section.table else {
            return ([:], [ConfigWarning(keyPath: table, message: "must be a table, ignored")])
        }
        var overrides: [String: [String]] = [:]
        var warnings: [ConfigWarning] = []
        for (action, value) in entries {
            if let single = value.string {
                overrides[action] = [single]
            } else if let list = value.array, list.allSatisfy({ $0.string != nil }) {
                overrides[action] = list.compactMap { $0.string }
            } else {
                warnings.append(ConfigWarning(keyPath: "\(table).\(action)", message: "expected a key name or a list of key names"))
            }
        }
        return (overrides, warnings)
    }
}
