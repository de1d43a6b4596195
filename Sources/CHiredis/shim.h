/* CHiredis: Redis's reference C client (hiredis, Debian's libhiredis-dev) for Swift.
 *
 * Swift cannot call C variadic functions (`redisCommand`) nor import the REDIS_REPLY_* macros,
 * so the argv form is used and the constants are reached through `static inline` functions.
 * Only the RedisLink target may import this module.
 */
#ifndef IBTERM_CHIREDIS_SHIM_H
#define IBTERM_CHIREDIS_SHIM_H

#include <hiredis/hiredis.h>

static inline int ibt_redis_reply_string(void) { return REDIS_REPLY_STRING; }
static inline int ibt_redis_reply_array(void) { return REDIS_REPLY_ARRAY; }
static inline int ibt_redis_reply_integer(void) { return REDIS_REPLY_INTEGER; }
static inline int ibt_redis_reply_nil(void) { return REDIS_REPLY_NIL; }
static inline int ibt_redis_reply_status(void) { return REDIS_REPLY_STATUS; }
static inline int ibt_redis_reply_error(void) { return REDIS_REPLY_ERROR; }
static inline int ibt_redis_ok(void) { return REDIS_OK; }

/* One command from an argument vector (binary safe): the reply, or NULL when the connection
 * failed (its `err` and `errstr` say why). */
static inline redisReply *ibt_redis_command(redisContext *context, int argc, const char **argv, const size_t *lengths) {
    return (redisReply *)redisCommandArgv(context, argc, argv, lengths);
}

/* Pipelining: queue one command in the output buffer (REDIS_OK, or REDIS_ERR when it could
 * not be formatted); then read the replies one by one, in order (NULL when the connection
 * failed). */
static inline int ibt_redis_append(redisContext *context, int argc, const char **argv, const size_t *lengths) {
    return redisAppendCommandArgv(context, argc, argv, lengths);
}
static inline redisReply *ibt_redis_next_reply(redisContext *context) {
    void *reply = NULL;
    if (redisGetReply(context, &reply) != REDIS_OK) return NULL;
    return (redisReply *)reply;
}

/* The connection's error text (empty when none). */
static inline const char *ibt_redis_error_text(const redisContext *context) {
    return context != NULL ? context->errstr : "no connection";
}
static inline int ibt_redis_error(const redisContext *context) {
    return context != NULL ? context->err : -1;
}

/* A connect with a timeout in milliseconds. */
static inline redisContext *ibt_redis_connect(const char *host, int port, long milliseconds) {
    struct timeval timeout = { milliseconds / 1000, (milliseconds % 1000) * 1000 };
    return redisConnectWithTimeout(host, port, timeout);
}

/* The read/write timeout of an open connection (0: block). */
static inline int ibt_redis_set_timeout(redisContext *context, long milliseconds) {
    struct timeval timeout = { milliseconds / 1000, (milliseconds % 1000) * 1000 };
    return redisSetTimeout(context, timeout);
}

#endif
