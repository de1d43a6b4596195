import Foundation
import TerminalUI

/// Finds theme files (`NAME.toml`) on disk and parses them.
///
/// Search order: `$IBTERM_THEMES`, `$XDG_CONFIG_HOME/ibterm/themes`, `./themes`, and
/// `../share/ibterm/themes` next to the executable.
enum ThemeLoader {
    /// Why a theme could not be loaded.
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// The folders searched, in order.
    static func searchDirectories(paths: AppPaths, environment: [String: String] = ProcessInfo.processInfo.environment) -> [URL] {
        var folders: [URL] = []
        if let custom = environment["IBTERM_THEMES"] { folders.append(URL(fileURLWithPath: custom, isDirectory: true)) }
        folders.append(paths.configDirectory.appendingPathComponent("themes", isDirectory: true))
        folders.append(URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true).appendingPathComponent("themes", isDirectory: true))
        let executable = URL(fileURLWithPath: CommandLine.arguments.first ?? "ibterm").resolvingSymlinksInPath()
        folders.append(executable.deletingLastPathComponent().appendingPathComponent("../share/ibterm/themes", isDirectory: true).standardized)
        return folders
    }

    /// The names of the themes found.
    static func availableThemes(in folders: [URL]) -> [String] {
        var names: Set<String> = []
        for folder in folders {
            let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            for file in files where file.hasSuffix(".toml") { names.insert(String(file.dropLast(5))) }
        }
        return names.sorted()
    }

    /// Loads theme `name`; `default` falls back to the built-in theme when no file is found.
    static func load(name: String, from folders: [URL]) throws(Failure) -> (theme: Theme, warnings: [String]) {
        for folder in folders {
            let url = folder.appendingPathComponent("\(name).toml")
            guard let text = try? String(contentsOf: url, encoding: .utf8) else { continue }
            do {
                let file = try ThemeFile(parsing: text, defaultName: name)
                var warnings = file.warnings.map { "\(url.path): \($0)" }
                if !file.missingRoles.isEmpty {
                    warnings.append("\(url.path): no style for \(file.missingRoles.map(\.rawValue).joined(separator: ", ")); using the default theme's")
                }
                return (file.theme, warnings)
            } catch {
                throw Failure(description: "\(url.path): \(error)")
            }
        }
        if name == "default" { return (.builtinDefault, ["no themes folder found; using the built-in default theme"]) }
        let known = availableThemes(in: folders)
        throw Failure(description: "unknown theme \"\(name)\"" + (known.isEmpty ? "" : " (available: \(known.joined(separator: ", ")))"))
    }
}
