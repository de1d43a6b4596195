import Synchronization

/// The process-wide table of graphemes made of several Unicode scalars (emoji sequences,
/// letters with combining marks, flags), so a `Cell` can refer to one by a small number and
/// stay a plain value without a reference-counted payload.
///
/// Entries are added once and never removed: a terminal shows a bounded set of distinct
/// graphemes, and the table only holds those of more than one scalar. Equal graphemes (by
/// their exact scalars) get the same number, so cells compare by number.
enum GraphemeTable {
    /// The interned graphemes and their numbers, behind a lock.
    private struct Entries {
        var numbers: [String: UInt32] = [:]
        var graphemes: [Character] = []
    }

    private static let entries = Mutex(Entries())

    /// The number of `character`, interning it on first use. Keyed by the exact scalars, so two
    /// canonically equivalent spellings keep their own numbers (and are drawn as written).
    static func number(of character: Character) -> UInt32 {
        let key = scalarKey(character)
        return entries.withLock { entries in
            if let number = entries.numbers[key] { return number }
            let number = UInt32(entries.graphemes.count)
            entries.numbers[key] = number
            entries.graphemes.append(character)
            return number
        }
    }

    /// The grapheme interned as `number`.
    static func grapheme(_ number: UInt32) -> Character {
        entries.withLock { $0.graphemes[Int(number)] }
    }

    /// A dictionary key that tells canonically equivalent spellings apart (String equality
    /// would merge them): the scalar values written out.
    private static func scalarKey(_ character: Character) -> String {
        character.unicodeScalars.map { String($0.value, radix: 16) }.joined(separator: " ")
    }
}
