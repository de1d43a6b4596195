/* CNcurses: the wide-character ncurses API for Swift.
 *
 * Swift 6 rejects references to C globals such as `stdscr`, `LINES` and `COLS` ("not
 * concurrency-safe"), and it cannot import function-like macros (`getmaxyx`, `COLOR_PAIR`,
 * `KEY_F`). Every such global and macro is reached through a `static inline` function here.
 * Only the CursesTerminal target may import this module.
 */
#ifndef IBTERM_CNCURSES_SHIM_H
#define IBTERM_CNCURSES_SHIM_H

#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif

#include <locale.h>
#include <wchar.h>

#if __has_include(<ncursesw/curses.h>)
#include <ncursesw/curses.h>
#elif __has_include(<ncurses/curses.h>)
#include <ncurses/curses.h>
#else
#include <curses.h>
#endif

/* ---- globals ---- */
static inline WINDOW *ibt_stdscr(void) { return stdscr; }
static inline int ibt_lines(void) { return LINES; }
static inline int ibt_cols(void) { return COLS; }
static inline int ibt_colors(void) { return COLORS; }
static inline int ibt_color_pairs(void) { return COLOR_PAIRS; }

/* ---- macros ---- */
static inline void ibt_getmaxyx(int *rows, int *cols) {
    int y = 0, x = 0;
    if (stdscr != NULL) { getmaxyx(stdscr, y, x); }
    *rows = y;
    *cols = x;
}
static inline int ibt_color_pair(int pair) { return (int)COLOR_PAIR(pair); }
static inline int ibt_err(void) { return ERR; }
static inline int ibt_ok(void) { return OK; }
/* The terminal bell (a visible flash where the terminal has no bell). */
static inline int ibt_beep(void) { return stdscr != NULL ? beep() : ERR; }

/* ---- attributes ---- */
static inline unsigned int ibt_a_normal(void) { return (unsigned int)A_NORMAL; }
static inline unsigned int ibt_a_bold(void) { return (unsigned int)A_BOLD; }
static inline unsigned int ibt_a_underline(void) { return (unsigned int)A_UNDERLINE; }
static inline unsigned int ibt_a_reverse(void) { return (unsigned int)A_REVERSE; }
static inline unsigned int ibt_a_dim(void) { return (unsigned int)A_DIM; }

/* ---- key codes (ncurses' KEY_* values) ---- */
static inline int ibt_key_code_yes(void) { return KEY_CODE_YES; }
static inline int ibt_key_up(void) { return KEY_UP; }
static inline int ibt_key_down(void) { return KEY_DOWN; }
static inline int ibt_key_left(void) { return KEY_LEFT; }
static inline int ibt_key_right(void) { return KEY_RIGHT; }
static inline int ibt_key_home(void) { return KEY_HOME; }
static inline int ibt_key_end(void) { return KEY_END; }
static inline int ibt_key_npage(void) { return KEY_NPAGE; }
static inline int ibt_key_ppage(void) { return KEY_PPAGE; }
static inline int ibt_key_ic(void) { return KEY_IC; }
static inline int ibt_key_dc(void) { return KEY_DC; }
static inline int ibt_key_backspace(void) { return KEY_BACKSPACE; }
static inline int ibt_key_enter(void) { return KEY_ENTER; }
static inline int ibt_key_btab(void) { return KEY_BTAB; }
static inline int ibt_key_resize(void) { return KEY_RESIZE; }
static inline int ibt_key_f(int n) { return KEY_F(n); }
static inline int ibt_key_mouse(void) { return KEY_MOUSE; }

/* ---- mouse ---- */
/* The button events the dashboard asks for: button 1 pressed (a click selects at once, no
 * click-resolution delay) and the wheel (buttons 4 and 5; 5 exists with ncurses' extended
 * mouse, else the wheel only scrolls up). */
static inline unsigned long ibt_button1_pressed(void) { return (unsigned long)BUTTON1_PRESSED; }
static inline unsigned long ibt_button4_pressed(void) { return (unsigned long)BUTTON4_PRESSED; }
static inline unsigned long ibt_button5_pressed(void) {
#ifdef BUTTON5_PRESSED
    return (unsigned long)BUTTON5_PRESSED;
#else
    return 0;
#endif
}
/* Turns mouse reports on (the three events above) or off; returns the mask now in effect. */
static inline unsigned long ibt_mouse_enable(int on) {
    mmask_t old = 0;
    mmask_t wanted = on ? (mmask_t)(ibt_button1_pressed() | ibt_button4_pressed() | ibt_button5_pressed()) : 0;
    mouseinterval(0);
    return (unsigned long)mousemask(wanted, &old);
}
/* The mouse event behind a KEY_MOUSE: OK with the cell and the button state, or ERR. */
static inline int ibt_get_mouse(int *x, int *y, unsigned long *buttons) {
    MEVENT event;
    if (getmouse(&event) != OK) { return ERR; }
    *x = event.x;
    *y = event.y;
    *buttons = (unsigned long)event.bstate;
    return OK;
}

/* ---- screen calls that take stdscr ---- */
static inline int ibt_get_wch(unsigned int *out) {
    wint_t ch = 0;
    int status = wget_wch(stdscr, &ch);
    *out = (unsigned int)ch;
    return status;
}
static inline int ibt_keypad(int on) { return keypad(stdscr, on ? TRUE : FALSE); }
static inline void ibt_timeout(int milliseconds) { wtimeout(stdscr, milliseconds); }
static inline int ibt_attr_set(unsigned int attrs, int pair) {
    return wattr_set(stdscr, (attr_t)attrs, (short)pair, NULL);
}
static inline int ibt_mvaddstr(int y, int x, const char *text) { return mvwaddstr(stdscr, y, x, text); }
static inline int ibt_erase(void) { return werase(stdscr); }
static inline int ibt_clearok(int on) { return clearok(stdscr, on ? TRUE : FALSE); }
static inline int ibt_noutrefresh(void) { return wnoutrefresh(stdscr); }
static inline int ibt_leaveok(int on) { return leaveok(stdscr, on ? TRUE : FALSE); }
static inline void ibt_setlocale_from_environment(void) { setlocale(LC_ALL, ""); }

/* newterm on the process's stdout/stdin; unlike initscr it returns NULL instead of exiting
 * when the terminal cannot be initialised. */
/* Whether the terminal can move the cursor (terminfo `cup`): a dashboard cannot be drawn on one
 * that cannot (TERM=dumb). */
static inline int ibt_can_address_cursor(void) {
    char *cup = tigetstr("cup");
    return cup != NULL && cup != (char *)-1;
}

static inline int ibt_newterm(void) {
    SCREEN *screen = newterm(NULL, stdout, stdin);
    if (screen == NULL) { return ERR; }
    set_term(screen);
    return OK;
}

#endif
