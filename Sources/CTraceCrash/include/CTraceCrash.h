#ifndef CTRACECRASH_H
#define CTRACECRASH_H

#include <stddef.h>

/// The flight recorder's crash dump: on SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGFPE or SIGABRT
/// (Swift's traps are SIGILL or SIGTRAP) the handler opens `path` (O_CREAT|O_TRUNC, mode 0600),
/// writes `header` and then the ring's bytes as last published, with async-signal-safe calls
/// only (open, write, fsync, close, sigaction, raise), then puts back the handler that was
/// installed before it and raises the signal again, so the crash is still reported (and a
/// terminal-restoring handler installed earlier still runs).
///
/// Returns 0, or -1 when the path or header is too long.
int ibtrace_crash_install(const char *path, const unsigned char *header, size_t header_length);

/// The ring's block: it never moves while the recorder lives.
void ibtrace_crash_set_ring(const void *base, size_t capacity);

/// Where the ring's records are now: `used` bytes from `head`, wrapping at the capacity.
void ibtrace_crash_publish(size_t head, size_t used);

/// Whether a crash handler is installed (for tests).
int ibtrace_crash_installed(void);

/// Writes the dump exactly as the handler would (for tests); returns 0 or -1.
int ibtrace_crash_write_now(void);

#endif
