#include "CTraceCrash.h"

#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

#define PATH_LIMIT 4096
#define HEADER_LIMIT 64

static char dump_path[PATH_LIMIT];
static unsigned char dump_header[HEADER_LIMIT];
static size_t dump_header_length;
static const unsigned char *volatile ring_base;
static volatile size_t ring_capacity;
static volatile size_t ring_head;
static volatile size_t ring_used;
static volatile sig_atomic_t installed;
static volatile sig_atomic_t dumping;

static const int crash_signals[] = { SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGFPE, SIGABRT };
#define CRASH_SIGNAL_COUNT (sizeof(crash_signals) / sizeof(crash_signals[0]))
static struct sigaction previous[CRASH_SIGNAL_COUNT];

static int write_all(int fd, const unsigned char *bytes, size_t length) {
    while (length > 0) {
        ssize_t written = write(fd, bytes, length);
        if (written <= 0) return -1;
        bytes += written;
        length -= (size_t)written;
    }
    return 0;
}

static int write_dump(void) {
    if (dump_path[0] == 0) return -1;
    int fd = open(dump_path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0) return -1;
    int result = write_all(fd, dump_header, dump_header_length);
    const unsigned char *base = ring_base;
    size_t capacity = ring_capacity, head = ring_head, used = ring_used;
    if (result == 0 && base != NULL && capacity > 0 && head < capacity && used <= capacity) {
        size_t first = used < capacity - head ? used : capacity - head;
        result = write_all(fd, base + head, first);
        if (result == 0 && used > first) result = write_all(fd, base, used - first);
    }
    fsync(fd);
    close(fd);
    return result;
}

static void crash_handler(int signal_number) {
    if (!dumping) {
        dumping = 1;
        write_dump();
    }
    for (size_t index = 0; index < CRASH_SIGNAL_COUNT; index++) {
        if (crash_signals[index] == signal_number) {
            sigaction(signal_number, &previous[index], NULL);
            break;
        }
    }
    // Blocked while this handler runs: delivered to the previous handler when it returns (a
    // fault re-executes and faults again into it).
    raise(signal_number);
}

int ibtrace_crash_install(const char *path, const unsigned char *header, size_t header_length) {
    size_t path_length = strlen(path);
    if (path_length >= PATH_LIMIT || header_length > HEADER_LIMIT) return -1;
    memcpy(dump_path, path, path_length + 1);
    memcpy(dump_header, header, header_length);
    dump_header_length = header_length;
    if (installed) return 0;
    struct sigaction action;
    memset(&action, 0, sizeof(action));
    action.sa_handler = crash_handler;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_ONSTACK;
    for (size_t index = 0; index < CRASH_SIGNAL_COUNT; index++) {
        sigaction(crash_signals[index], &action, &previous[index]);
    }
    installed = 1;
    return 0;
}

void ibtrace_crash_set_ring(const void *base, size_t capacity) {
    ring_used = 0;
    ring_head = 0;
    ring_capacity = capacity;
    ring_base = (const unsigned char *)base;
}

void ibtrace_crash_publish(size_t head, size_t used) {
    ring_head = head;
    ring_used = used;
}

int ibtrace_crash_installed(void) { return installed; }

int ibtrace_crash_write_now(void) { return write_dump(); }
