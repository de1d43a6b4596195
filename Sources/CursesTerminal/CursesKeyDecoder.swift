import CNcurses
import TerminalUI

/// Turns what `wget_wch` returned into a key event. Pure: no screen is needed.
public struct CursesKeyDecoder: Hashable, Sendable {
    /// What one `wget_wch` result means.
    public enum Decoded: Hashable, Sendable {
        /// A key the UI understands.
        case key(KeyEvent)
        /// The terminal was resized; ask the screen for the new size.
        case resize
        /// A mouse event is waiting; ask ncurses for it (`getmouse`).
        case mouse
        /// A key with no meaning here (unknown function key, stray control byte).
        case ignored
        /// No input arrived before the timeout (`ERR`).
        case none
    }

    /// The key code table.
    public var codes: CursesKeyCodes
    /// `OK`, the status of an ordinary character.
    public var ok: Int32

    /// Creates a decoder for a code table and `OK` status (the real ncurses values by default).
    public init(codes: CursesKeyCodes = .ncurses, ok: Int32 = ibt_ok()) {
        self.codes = codes
        self.ok = ok
    }

    /// Decodes one result: `status` is `wget_wch`'s return value (`OK`, `KEY_CODE_YES` or
    /// `ERR`), `code` the character or key code it stored.
    public func decode(status: Int32, code: UInt32) -> Decoded {
        if status == codes.codeYes { return decodeFunctionKey(code) }
        guard status == ok else { return .none }
        return decodeCharacter(code)
    }

    /// Decodes a plain character code: control bytes become named or ctrl keys.
    public func decodeCharacter(_ code: UInt32) -> Decoded {
        switch code {
        case 9: return .key(.tab)
        case 10, 13: return .key(.enter)
        case 27: return .key(.escape)
        case 8, 127: return .key(.backspace)
        case 1...26:
            let letter = Character(Unicode.Scalar(UInt8(code) + 96))
            return KeyEvent.fromControl(letter).map { .key($0) } ?? .ignored
        case 0..<32, 0x80..<0xA0: return .ignored
        default:
            guard let scalar = Unicode.Scalar(code) else { return .ignored }
            return .key(.character(Character(scalar)))
        }
    }

    /// Decodes a `KEY_*` function-key code.
    public func decodeFunctionKey(_ code: UInt32) -> Decoded {
        let table: [UInt32: KeyEvent] = [
            codes.up: .up, codes.down: .down, codes.left: .left, codes.right: .right,
            codes.home: .home, codes.end: .end, codes.pageUp: .pageUp, codes.pageDown: .pageDown,
            codes.insert: .insert, codes.delete: .delete, codes.backspace: .backspace,
            codes.enter: .enter, codes.backTab: .backTab,
        ]
        if code == codes.resize { return .resize }
        if code == codes.mouse { return .mouse }
        if let key = table[code] { return .key(key) }
        if code >= codes.f1, code < codes.f1 + 24 { return .key(.function(Int(code - codes.f1) + 1)) }
        return .ignored
    }
}
