import ArgumentParser
import Dashboard
import Foundation

/// `ibterm explain`: what an IB message code means, in plain language.
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Explain an IB message code (e.g. 354), or list every code ibterm knows.",
        discussion: "Classification is by code; IB's own text is used only for details."
    )

    @Argument(help: "The IB message code to explain.")
    var code: Int?

    @Flag(help: "List every known code: code, severity, category, title.")
    var list = false

    @Flag(help: "Print JSON instead of text.")
    var json = false

    func validate() throws {
        if list == (code != nil) {
            throw ValidationError("Give either a CODE or --list.")
        }
    }

    func run() throws {
        if list {
            if json {
                print(try Self.json(MessageCatalog.entries.map { MessageCatalog.filledEntry($0) }))
            } else {
                for entry in MessageCatalog.entries {
                    print(Self.listLine(entry))
                }
            }
            return
        }
        guard let code else { return }
        let entry = MessageCatalog.filledEntry(MessageCatalog.entryOrUnknown(for: code))
        guard entry.isKnown else {
            // No guessed severity or category for a code ibterm does not know: say so, and fail.
            if json {
                print("{\"code\":\(code),\"known\":false}")
            } else {
                FileHandle.standardError.write(Data((Self.unknownText(code) + "\n").utf8))
            }
            throw ExitCode(1)
        }
        if json {
            print(try Self.json(entry))
        } else {
            print(Self.describe(entry))
        }
    }

    /// `354    error    market data   No market-data subscription`.
    /// What `explain` says of a code it has no entry for.
    static func unknownText(_ code: Int) -> String {
        "ibterm has no entry for IB message code \(code). IB's own text for it is shown in the message log when it arrives; `ibterm explain --list` lists the \(MessageCatalog.entries.count) codes ibterm knows."
    }

    static func listLine(_ entry: CatalogEntry) -> String {
        pad("\(entry.code)", 7) + pad(entry.severity.rawValue, 9) + pad(entry.category.displayName, 14) + entry.title
    }

    /// The multi-line explanation of one entry.
    static func describe(_ entry: CatalogEntry) -> String {
        let lines = [
            "\(entry.code) · \(entry.title)",
            "Severity: \(entry.severity.rawValue) · Category: \(entry.category.displayName) · Request: \(entry.requestIsDead ? "dead (re-issue after fixing the cause)" : "continues")",
            "",
            "What happened: \(entry.explanation)",
            "What to do:    \(entry.action)",
        ]
        return lines.joined(separator: "\n")
    }

    private static func json<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    private static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text + " " : text + String(repeating: " ", count: width - text.count)
    }
}
