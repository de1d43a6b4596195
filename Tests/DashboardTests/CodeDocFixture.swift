import Foundation
import TestPrerequisites

/// Reads `../shared/docs/ib-message-codes.md` (beside the repository) for the catalog tests.
enum CodeDocFixture {
    static let path: String = Prerequisite.repositoryRoot
        .deletingLastPathComponent().appendingPathComponent("shared/docs/ib-message-codes.md").path

    /// The reference doc of IB's message codes. It lives beside the repository, not in it, so
    /// a checkout (and CI) may not have it: the tests that read it are then reported as
    /// skipped, also under `CI=true`.
    static let prerequisite = Prerequisite.file(
        "ib-message-codes.md", at: path,
        remedy: "put the project's shared docs beside the repository, at \(path)", providedInCI: false)

    static let text: String? = try? String(contentsOfFile: path, encoding: .utf8)

    /// One row of the doc's code table.
    struct Row {
        var codes: [Int]
        var severity: String
        var requestAfter: String
    }

    /// The rows of the code table (between "## Code table" and "**Count:**").
    static var rows: [Row] {
        guard let text else { return [] }
        guard let start = text.range(of: "## Code table"),
              let end = text.range(of: "**Count:**", range: start.upperBound..<text.endIndex)
        else { return [] }
        var rows: [Row] = []
        for line in text[start.upperBound..<end.lowerBound].split(separator: "\n") where line.hasPrefix("|") {
            let cells = line.split(separator: "|", omittingEmptySubsequences: false).map {
                $0.trimmingCharacters(in: .whitespaces)
            }
            guard cells.count > 4 else { continue }
            let codes = parseCodes(cells[1])
            guard !codes.isEmpty else { continue }
            rows.append(Row(codes: codes, severity: cells[3], requestAfter: cells[4]))
        }
        return rows
    }

    /// `**354**` → [354]; `510–516` → 510...516; `330 / 331 / 344` → [330, 331, 344].
    static func parseCodes(_ cell: String) -> [Int] {
        let cleaned = cell.replacingOccurrences(of: "*", with: "")
        var codes: [Int] = []
        for part in cleaned.split(separator: "/") {
            let bounds = part.split(separator: "–").map { $0.trimmingCharacters(in: .whitespaces) }
            if bounds.count == 2, let low = Int(bounds[0]), let high = Int(bounds[1]), low <= high {
                codes += Array(low...high)
            } else if bounds.count == 1, let code = Int(bounds[0]) {
                codes.append(code)
            }
        }
        return codes
    }

    /// Every code the doc's text mentions as a code: table rows plus the warning twins named
    /// in the count note ("2168 and 2169").
    static var allCodes: Set<Int> {
        var codes = Set(rows.flatMap(\.codes))
        if let text, text.contains("2168 and 2169") { codes.formUnion([2168, 2169]) }
        return codes
    }

    /// Every number of three to five digits anywhere in the doc (table rows, notes, prose),
    /// except issue and pull-request numbers (`#152`), decimals and versions (`8.61`), numbers
    /// glued to letters (`v157`) and numbers in web addresses; each must be a code in the
    /// catalog or be named in the catalog test's exclusions.
    static var everyNumberMentioned: Set<Int> {
        guard let text else { return [] }
        let words = text.split(whereSeparator: \.isWhitespace).filter { !$0.contains("://") }
        let characters = Array(words.joined(separator: " "))
        var numbers: Set<Int> = []
        var index = 0
        while index < characters.count {
            guard characters[index].isASCII, characters[index].isNumber else {
                index += 1
                continue
            }
            let start = index
            while index < characters.count, characters[index].isASCII, characters[index].isNumber { index += 1 }
            let before: Character = start > 0 ? characters[start - 1] : " "
            let after: Character = index < characters.count ? characters[index] : " "
            let afterNext: Character = index + 1 < characters.count ? characters[index + 1] : " "
            let isVersionOrDecimal = before == "." || (after == "." && afterNext.isNumber)
            guard (3...5).contains(index - start), before != "#", !before.isLetter, !after.isLetter, !isVersionOrDecimal,
                  let number = Int(String(characters[start..<index])) else { continue }
            numbers.insert(number)
        }
        return numbers
    }
}
