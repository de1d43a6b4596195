import CNcurses
import CursesTerminal
import Testing
import TerminalUI

@Suite struct CursesKeyDecoderTests {
    let decoder = CursesKeyDecoder()
    let codes = CursesKeyCodes.ncurses
    var ok: Int32 { ibt_ok() }

    @Test func decodesPrintableAndWideCharacters() {
        #expect(decoder.decode(status: ok, code: 0x62) == .key(.character("b")))
        #expect(decoder.decode(status: ok, code: 0x43) == .key(.character("C")))
        #expect(decoder.decode(status: ok, code: 0x682A) == .key(.character("株")))
        #expect(decoder.decode(status: ok, code: 0x20) == .key(.character(" ")))
    }

    @Test func decodesControlBytesIntoNamedAndCtrlKeys() {
        #expect(decoder.decode(status: ok, code: 9) == .key(.tab))
        #expect(decoder.decode(status: ok, code: 13) == .key(.enter))
        #expect(decoder.decode(status: ok, code: 10) == .key(.enter))
        #expect(decoder.decode(status: ok, code: 27) == .key(.escape))
        #expect(decoder.decode(status: ok, code: 127) == .key(.backspace))
        #expect(decoder.decode(status: ok, code: 8) == .key(.backspace))
        #expect(decoder.decode(status: ok, code: 3) == .key(.control("c")))
        #expect(decoder.decode(status: ok, code: 17) == .key(.control("q")))
        // Raw mode: Ctrl-Z and Ctrl-L arrive as keys too (suspend, repaint).
        #expect(decoder.decode(status: ok, code: 0x1A) == .key(.control("z")))
        #expect(decoder.decode(status: ok, code: 0x0C) == .key(.control("l")))
        #expect(decoder.decode(status: ok, code: 0) == .ignored)
        #expect(decoder.decode(status: ok, code: 0x9B) == .ignored)
    }

    @Test func decodesFunctionKeyCodes() {
        let yes = codes.codeYes
        #expect(decoder.decode(status: yes, code: UInt32(ibt_key_up())) == .key(.up))
        #expect(decoder.decode(status: yes, code: UInt32(ibt_key_down())) == .key(.down))
        #expect(decoder.decode(status: yes, code: UInt32(ibt_key_left())) == .key(.left))
        #expect(decoder.decode(status: yes, code: UInt32(ibt_key_right())) == .key(.right))
        #expect(decoder.decode(status: yes, code: UInt32(ibt_key_btab())) == .key(.backTab))
        #expect(decoder.decode(status: yes, code: UInt32(ibt_key_backspace())) == .key(.backspace))
        #expect(decoder.decode(status: yes, code: UInt32(ibt_key_enter())) == .key(.enter))
        #expect(decoder.decode(status: yes, code: UInt32(ibt_key_npage())) == .key(.pageDown))
        #expect(decoder.decode(status: yes, code: UInt32(ibt_key_dc())) == .key(.delete))
        #expect(decoder.decode(status: yes, code: UInt32(ibt_key_f(5))) == .key(.function(5)))
        #expect(decoder.decode(status: yes, code: UInt32(ibt_key_f(12))) == .key(.function(12)))
        #expect(decoder.decode(status: yes, code: UInt32(ibt_key_resize())) == .resize)
        #expect(decoder.decode(status: yes, code: 0o777) == .ignored)
    }

    @Test func reportsNoInputOnErr() {
        #expect(decoder.decode(status: ibt_err(), code: 0x62) == .none)
    }

    @Test func decodesWithAMadeUpCodeTable() {
        let fake = CursesKeyCodes(codeYes: 7, up: 100, down: 101, left: 102, right: 103, home: 104, end: 105,
                                  pageUp: 106, pageDown: 107, insert: 108, delete: 109, backspace: 110,
                                  enter: 111, backTab: 112, resize: 113, f1: 200)
        let custom = CursesKeyDecoder(codes: fake, ok: 0)
        #expect(custom.decode(status: 7, code: 100) == .key(.up))
        #expect(custom.decode(status: 7, code: 202) == .key(.function(3)))
        #expect(custom.decode(status: 7, code: 113) == .resize)
        #expect(custom.decode(status: 0, code: 100) == .key(.character("d")))
    }
}

/// Issue #14 item 7: ncurses' mouse reports as the dashboard's events.
@Suite struct CursesMouseTests {
    @Test func keyMouseAsksForTheEvent() {
        let decoder = CursesKeyDecoder()
        #expect(decoder.decode(status: decoder.codes.codeYes, code: decoder.codes.mouse) == .mouse)
    }

    @Test func buttonOnePressAndTheWheelAreReadOthersAreNot() {
        let bits = CursesMouse.Bits.ncurses
        #expect(CursesMouse.event(buttons: bits.press, x: 4, y: 7) == MouseEvent(.press, at: Point(x: 4, y: 7)))
        #expect(CursesMouse.event(buttons: bits.wheelUp, x: 1, y: 2)?.kind == .wheelUp)
        if bits.wheelDown != 0 {
            #expect(CursesMouse.event(buttons: bits.wheelDown, x: 1, y: 2)?.kind == .wheelDown)
        }
        #expect(CursesMouse.event(buttons: 0, x: 1, y: 2) == nil, "a release or a move")
        #expect(CursesMouse.event(buttons: bits.press, x: -1, y: 2) == nil)
    }
}
