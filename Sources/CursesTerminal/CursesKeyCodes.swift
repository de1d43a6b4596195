import CNcurses

/// The ncurses key codes the decoder understands. `.ncurses` reads them from the linked
/// library's headers (no screen needed), so tests can use the real values.
public struct CursesKeyCodes: Hashable, Sendable {
    /// `KEY_CODE_YES`: `wget_wch` returned a function-key code.
    public var codeYes: Int32
    /// `KEY_UP`.
    public var up: UInt32
    /// `KEY_DOWN`.
    public var down: UInt32
    /// `KEY_LEFT`.
    public var left: UInt32
    /// `KEY_RIGHT`.
    public var right: UInt32
    /// `KEY_HOME`.
    public var home: UInt32
    /// `KEY_END`.
    public var end: UInt32
    /// `KEY_PPAGE`.
    public var pageUp: UInt32
    /// `KEY_NPAGE`.
    public var pageDown: UInt32
    /// `KEY_IC`.
    public var insert: UInt32
    /// `KEY_DC`.
    public var delete: UInt32
    /// `KEY_BACKSPACE`.
    public var backspace: UInt32
    /// `KEY_ENTER` (keypad Enter).
    public var enter: UInt32
    /// `KEY_BTAB` (Shift-Tab).
    public var backTab: UInt32
    /// `KEY_RESIZE`, delivered after ncurses handled SIGWINCH.
    public var resize: UInt32
    /// `KEY_F(1)`; `KEY_F(n)` is `f1 + n - 1`.
    public var f1: UInt32
    /// `KEY_MOUSE`: a mouse event is waiting for `getmouse`.
    public var mouse: UInt32 = UInt32(ibt_key_mouse())

    /// The values from the ncurses headers this target links.
    public static let ncurses = CursesKeyCodes(
        codeYes: ibt_key_code_yes(), up: UInt32(ibt_key_up()), down: UInt32(ibt_key_down()),
        left: UInt32(ibt_key_left()), right: UInt32(ibt_key_right()), home: UInt32(ibt_key_home()),
        end: UInt32(ibt_key_end()), pageUp: UInt32(ibt_key_ppage()), pageDown: UInt32(ibt_key_npage()),
        insert: UInt32(ibt_key_ic()), delete: UInt32(ibt_key_dc()), backspace: UInt32(ibt_key_backspace()),
        enter: UInt32(ibt_key_enter()), backTab: UInt32(ibt_key_btab()), resize: UInt32(ibt_key_resize()),
        f1: UInt32(ibt_key_f(1)))

    /// Creates a code table (tests may build one with made-up values).
    public init(
        codeYes: Int32, up: UInt32, down: UInt32, left: UInt32, right: UInt32, home: UInt32, end: UInt32,
        pageUp: UInt32, pageDown: UInt32, insert: UInt32, delete: UInt32, backspace: UInt32, enter: UInt32,
        backTab: UInt32, resize: UInt32, f1: UInt32
    ) {
        self.codeYes = codeYes
        self.up = up
        self.down = down
        self.left = left
        self.right = right
        self.home = home
        self.end = end
        self.pageUp = pageUp
        self.pageDown = pageDown
        self.insert = insert
        self.delete = delete
        self.backspace = backspace
        self.enter = enter
        self.backTab = backTab
        self.resize = resize
        self.f1 = f1
    }
}
