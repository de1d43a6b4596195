/// Finds the line on which a key is defined, by reading the TOML text (TOMLKit reports lines only
/// for syntax errors). Best effort: it understands `[table]` headers, `key = value` lines, dotted
/// and quoted keys, which covers every key ibterm reads.
struct TOMLLineLocator {
    private var lineByKeyPath: [String: Int] = [:]

    init(text: String) {
        var table: [String] = []
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.trimmingPrefix(while: { $0 == " " || $0 == "\t" })
            if line.hasPrefix("[") {
                let inner = line.drop(while: { $0 == "[" }).prefix(while: { $0 != "]" })
                table = Self.keyParts(inner)
                record(table, line: index + 1)
            } else if let equals = line.firstIndex(of: "="), !line.hasPrefix("#") {
                record(table + Self.keyParts(line[..<equals]), line: index + 1)
            }
        }
    }

    /// The line defining `keyPath` (or, failing that, its nearest parent).
    func line(for keyPath: String) -> Int? {
        var parts = keyPath.split(separator: ".").map(String.init)
        while !parts.isEmpty {
            if let line = lineByKeyPath[parts.joined(separator: ".")] { return line }
            parts.removeLast()
        }
        return nil
    }

    private mutating func record(_ path: [String], line: Int) {
        let key = path.joined(separator: ".")
        if lineByKeyPath[key] == nil { lineByKeyPath[key] = line }
    }

    private static func keyParts(_ text: Substring) -> [String] {
        text.split(separator: ".").map {
            $0.trimmingCharacters(in: " \t\"'")
        }
    }
}

extension Substring {
    fileprivate func trimmingCharacters(in set: String) -> String {
        String(drop(while: { set.contains($0) }).reversed().drop(while: { set.contains($0) }).reversed())
    }
}
