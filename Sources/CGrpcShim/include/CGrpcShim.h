/*
 * CGrpcShim: a small, opaque C API over gRPC core (1.51) for unary calls.
 *
 * Swift never sees grpc types. All public symbols carry the `mfg_` prefix.
 *
 * Threading model: one process-wide completion queue (create_for_next) is
 * drained by MFG_POLLER_THREADS dedicated poller pthreads; any of them may
 * run a completion (the caller's `mfg_done_fn`), and any of them waiting in
 * the queue drives gRPC's I/O. A callback may keep its thread for a long
 * job only while another poller is left waiting (the caller counts this;
 * see Handoff's poller loans); otherwise it must not block.
 *
 * Lifetimes:
 *   - mfg_init / mfg_shutdown are reference counted. Every channel holds one
 *     reference of its own, so callers only need them for shim use that does
 *     not go through a channel.
 *   - mfg_channel: created by mfg_channel_create, destroyed by
 *     mfg_channel_destroy (calls in flight keep running to completion).
 *   - mfg_call: returned by mfg_call_start; the caller must eventually call
 *     mfg_call_release exactly once. mfg_call_cancel may be called from any
 *     thread before that release.
 *   - mfg_result: owned by the shim, valid only during the done callback.
 */
#ifndef MFG_CGRPCSHIM_H
#define MFG_CGRPCSHIM_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Return codes of shim functions (not gRPC status codes). */
typedef enum mfg_rc {
    MFG_OK = 0,
    MFG_E_INVALID_ARGUMENT = 1, /* a required pointer was NULL or a size was out of range */
    MFG_E_NO_MEMORY = 2,        /* an allocation failed */
    MFG_E_CREDENTIALS = 3,      /* grpc refused to build channel credentials */
    MFG_E_CALL_CREATE = 4,      /* grpc_channel_create_call returned NULL */
    MFG_E_CALL_START = 5        /* grpc_call_start_batch failed; see mfg_rc_message */
} mfg_rc;

/* A static, human-readable description of an mfg_rc value. Never NULL. */
const char *mfg_rc_message(int rc);

/* A channel to one target (wraps grpc_channel). Thread-safe. */
typedef struct mfg_channel mfg_channel;

/* One in-flight or finished unary call. */
typedef struct mfg_call mfg_call;

/* Options for mfg_channel_create. Zero-initialise, then fill in.
 * Byte fields are pointer + length and are copied; they need not be
 * NUL-terminated. A zero or negative integer selects the default noted. */
/* One metadata entry. Keys must be lowercase ASCII; values are binary-safe. */
typedef struct mfg_metadata {
    const char *key;
    size_t key_len;
    const char *value;
    size_t value_len;
} mfg_metadata;

typedef struct mfg_channel_options {
    const char *target;                  /* "host:port"; required */
    int use_tls;                         /* 0 = plaintext, 1 = TLS */
    const uint8_t *root_pem;             /* TLS: CA bundle; NULL = grpc defaults */
    size_t root_pem_len;
    const uint8_t *client_cert_pem;      /* TLS: client chain for mTLS; NULL = none */
    size_t client_cert_pem_len;
    const uint8_t *client_key_pem;       /* TLS: client private key; needed with a cert */
    size_t client_key_pem_len;
    const char *server_name_override;    /* TLS: expected server name; NULL = from target */
    int insecure_skip_verify;            /* TLS: 1 = do not verify the server's certificate chain
                                          * or host name (testing only); root_pem is then unused.
                                          * The connection is still encrypted, and a client
                                          * certificate is still presented. */
    int keepalive_time_ms;               /* default 30000 */
    int keepalive_timeout_ms;            /* default 15000 */
    int max_receive_message_bytes;       /* default 128 MiB */
    int connect_timeout_ms;              /* minimum connect timeout; default 20000 */
    const char *primary_user_agent;      /* NULL = grpc's own */
    const mfg_metadata *metadata;        /* sent with every call, before the call's own; */
    size_t metadata_count;               /* copied at creation */
} mfg_channel_options;

/* The outcome of one call, passed to mfg_done_fn. */
typedef struct mfg_result {
    int status;                /* gRPC status code (0 = OK, 1 = CANCELLED, ...) */
    const char *details;       /* status message, UTF-8, not NUL-terminated */
    size_t details_len;
    const uint8_t *response;   /* response message bytes (may be empty on OK) */
    size_t response_len;
    int has_response;          /* 1 if a response message was received */
} mfg_result;

/* How many poller threads drain the completion queue. */
enum { MFG_POLLER_THREADS = 2 };

/* Completion callback. Runs exactly once per successfully started call, on
 * one of the shim's poller threads. `res` and everything it points to are freed when
 * the callback returns. */
typedef void (*mfg_done_fn)(void *ctx, const mfg_result *res);

/* Takes a reference on the gRPC library and the shared poller (ref-counted;
 * the first call runs grpc_init and starts the poller threads). Also makes
 * grpc's own logging quiet unless GRPC_VERBOSITY or GRPC_TRACE is set in the
 * environment. */
void mfg_init(void);

/* Drops a reference taken by mfg_init. The last one shuts the completion queue
 * down, drains it, stops the pollers and calls grpc_shutdown. All channels must
 * have been destroyed by then (each channel holds its own reference). Safe to
 * call from a poller thread (e.g. from a done callback). */
void mfg_shutdown(void);

/* Creates a channel. On MFG_OK, *out receives a channel to be passed to
 * mfg_channel_destroy. Connection happens lazily on the first call. */
int mfg_channel_create(const mfg_channel_options *options, mfg_channel **out);

/* Destroys a channel. Calls in flight keep running until they complete. */
void mfg_channel_destroy(mfg_channel *channel);

/* Starts an asynchronous unary call.
 *   method:      full path, e.g. "/pkg.Service/Method" (NUL-terminated)
 *   request:     serialized request bytes (copied)
 *   metadata:    `metadata_count` entries (copied) sent after the channel's own
 *                (mfg_channel_options.metadata); may be NULL when count is 0
 *   timeout_ms:  deadline relative to now; <= 0 means no deadline
 *   ctx, done:   completion callback and its context
 *   out_call:    receives the call handle; release it with mfg_call_release
 * On MFG_OK the callback will run exactly once. On any other return code it
 * never runs and *out_call is NULL. */
int mfg_call_start(mfg_channel *channel, const char *method,
                   const uint8_t *request, size_t request_len,
                   const mfg_metadata *metadata, size_t metadata_count,
                   int64_t timeout_ms, void *ctx, mfg_done_fn done,
                   mfg_call **out_call);

/* Requests cancellation. Thread-safe; idempotent; a no-op once the call has
 * completed. The callback then reports status CANCELLED (unless the call had
 * already finished). Must not be called after mfg_call_release. */
void mfg_call_cancel(mfg_call *call);

/* Releases the caller's handle. The call's resources are freed when both the
 * caller has released it and the completion has been delivered. */
void mfg_call_release(mfg_call *call);

#ifdef __cplusplus
}
#endif

#endif /* MFG_CGRPCSHIM_H */
