/* Asynchronous unary calls on the shared completion queue. */
#define _GNU_SOURCE
#include "mfg_internal.h"

#include <grpc/byte_buffer.h>
#include <grpc/byte_buffer_reader.h>
#include <grpc/slice.h>
#include <grpc/support/alloc.h>
#include <grpc/support/time.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct mfg_call {
    mfg_tag tag;           /* must be first: the queue hands back &call->tag */
    atomic_int refs;       /* caller handle + pending completion */
    grpc_call *call;
    size_t max_receive;    /* the channel's limit on a reply's size */
    void *ctx;
    mfg_done_fn done;

    grpc_metadata *send_md; /* slices owned here until the final unref */
    size_t send_md_count;
    grpc_byte_buffer *send_message;

    grpc_metadata_array recv_initial_md;
    grpc_metadata_array recv_trailing_md;
    grpc_byte_buffer *recv_message;
    grpc_status_code status;
    grpc_slice status_details;
    const char *error_string;
};

/* Frees everything the call owns. Runs exactly once, on whichever thread
 * drops the last reference; only that thread touches grpc_call_unref. */
static void mfg_call_destroy(mfg_call *c) {
    mfg_metadata_release(c->send_md, c->send_md_count);
    if (c->send_message) grpc_byte_buffer_destroy(c->send_message);
    if (c->recv_message) grpc_byte_buffer_destroy(c->recv_message);
    grpc_metadata_array_destroy(&c->recv_initial_md);
    grpc_metadata_array_destroy(&c->recv_trailing_md);
    grpc_slice_unref(c->status_details);
    if (c->error_string) gpr_free((void *)c->error_string);
    if (c->call) grpc_call_unref(c->call);
    free(c);
    mfg_shutdown(); /* the runtime reference taken in mfg_call_start */
}

static void mfg_call_unref(mfg_call *c) {
    if (atomic_fetch_sub_explicit(&c->refs, 1, memory_order_acq_rel) == 1) mfg_call_destroy(c);
}

/* Reads the whole (possibly compressed) response into one malloc'd buffer,
 * copying each slice once (readall would copy into a slice first). A reply
 * over `max` bytes (once inflated) is not read: `*len` is its size. */
static uint8_t *mfg_read_message(grpc_byte_buffer *bb, size_t max, size_t *len, int *failed) {
    *len = 0;
    grpc_byte_buffer_reader reader;
    if (!grpc_byte_buffer_reader_init(&reader, bb)) { *failed = 1; return NULL; }
    size_t cap = grpc_byte_buffer_length(reader.buffer_out);
    if (cap > max) {
        *len = cap;
        *failed = 1;
        grpc_byte_buffer_reader_destroy(&reader);
        return NULL;
    }
    uint8_t *out = malloc(cap > 0 ? cap : 1);
    if (out == NULL) { *failed = 1; grpc_byte_buffer_reader_destroy(&reader); return NULL; }
    size_t n = 0;
    grpc_slice *slice;
    while (grpc_byte_buffer_reader_peek(&reader, &slice)) {
        size_t m = GRPC_SLICE_LENGTH(*slice);
        if (n + m > cap) { *failed = 1; break; }
        memcpy(out + n, GRPC_SLICE_START_PTR(*slice), m);
        n += m;
    }
    grpc_byte_buffer_reader_destroy(&reader);
    if (*failed) { free(out); return NULL; }
    *len = n;
    return out;
}

static void mfg_call_complete(mfg_tag *tag, int success) {
    mfg_call *c = (mfg_call *)tag;
    mfg_result res;
    memset(&res, 0, sizeof res);
    uint8_t *body = NULL;
    char too_big[80];
    if (!success) {
        /* Should not happen for a client batch with RECV_STATUS; report it. */
        res.status = GRPC_STATUS_INTERNAL;
        res.details = "grpc batch failed";
        res.details_len = strlen(res.details);
    } else {
        res.status = (int)c->status;
        size_t dlen = GRPC_SLICE_LENGTH(c->status_details);
        if (dlen > 0) {
            res.details = (const char *)GRPC_SLICE_START_PTR(c->status_details);
            res.details_len = dlen;
        } else if (c->status != GRPC_STATUS_OK && c->error_string != NULL) {
            res.details = c->error_string;
            res.details_len = strlen(c->error_string);
        }
        if (c->recv_message != NULL) {
            int failed = 0;
            body = mfg_read_message(c->recv_message, c->max_receive, &res.response_len, &failed);
            if (failed) {
                res.status = GRPC_STATUS_RESOURCE_EXHAUSTED;
                if (res.response_len > 0) {
                    snprintf(too_big, sizeof too_big, "received message larger than max (%zu vs. %zu)",
                             res.response_len, c->max_receive);
                    res.details = too_big;
                } else {
                    res.details = "could not read response message";
                }
                res.details_len = strlen(res.details);
                res.response_len = 0;
            } else {
                res.response = body;
                res.has_response = 1;
            }
        }
    }
    c->done(c->ctx, &res);
    free(body);
    mfg_call_unref(c); /* the completion's reference */
}

/* The call's metadata: the channel's own (new references to its slices)
 * followed by `md` (copied). */
static int mfg_fill_metadata(mfg_call *c, const mfg_channel *ch, const mfg_metadata *md, size_t n) {
    size_t total = ch->base_md_count + n;
    if (total == 0) return MFG_OK;
    c->send_md = calloc(total, sizeof *c->send_md);
    if (c->send_md == NULL) return MFG_E_NO_MEMORY;
    for (size_t i = 0; i < ch->base_md_count; i++) {
        c->send_md[i].key = grpc_slice_ref(ch->base_md[i].key);
        c->send_md[i].value = grpc_slice_ref(ch->base_md[i].value);
        c->send_md_count = i + 1;
    }
    return mfg_metadata_copy(c->send_md, &c->send_md_count, md, n);
}

int mfg_call_start(mfg_channel *ch, const char *method, const uint8_t *request, size_t request_len,
                   const mfg_metadata *metadata, size_t metadata_count, int64_t timeout_ms,
                   void *ctx, mfg_done_fn done, mfg_call **out_call) {
    if (out_call == NULL) return MFG_E_INVALID_ARGUMENT;
    *out_call = NULL;
    if (ch == NULL || method == NULL || done == NULL || (request == NULL && request_len > 0))
        return MFG_E_INVALID_ARGUMENT;

    mfg_call *c = calloc(1, sizeof *c);
    if (c == NULL) return MFG_E_NO_MEMORY;
    mfg_init(); /* released in mfg_call_destroy */
    c->tag.complete = mfg_call_complete;
    atomic_init(&c->refs, 1); /* the caller's; the completion's is added once started */
    c->ctx = ctx;
    c->done = done;
    c->max_receive = ch->max_receive_bytes;
    c->status_details = grpc_empty_slice();
    grpc_metadata_array_init(&c->recv_initial_md);
    grpc_metadata_array_init(&c->recv_trailing_md);

    int rc = mfg_fill_metadata(c, ch, metadata, metadata_count);
    if (rc != MFG_OK) { mfg_call_destroy(c); return rc; }

    grpc_slice body = grpc_slice_from_copied_buffer((const char *)(request ? request : (const uint8_t *)""),
                                                    request_len);
    c->send_message = grpc_raw_byte_buffer_create(&body, 1);
    grpc_slice_unref(body);

    gpr_timespec deadline = timeout_ms > 0
        ? gpr_time_add(gpr_now(GPR_CLOCK_MONOTONIC), gpr_time_from_millis(timeout_ms, GPR_TIMESPAN))
        : gpr_inf_future(GPR_CLOCK_MONOTONIC);
    void *registered = mfg_channel_method(ch, method);
    if (registered != NULL) {
        c->call = grpc_channel_create_registered_call(ch->channel, NULL, GRPC_PROPAGATE_DEFAULTS, ch->cq,
                                                      registered, deadline, NULL);
    } else {
        grpc_slice method_slice = grpc_slice_from_copied_string(method);
        c->call = grpc_channel_create_call(ch->channel, NULL, GRPC_PROPAGATE_DEFAULTS, ch->cq, method_slice,
                                           NULL, deadline, NULL);
        grpc_slice_unref(method_slice);
    }
    if (c->call == NULL) { mfg_call_destroy(c); return MFG_E_CALL_CREATE; }

    grpc_op ops[6];
    memset(ops, 0, sizeof ops);
    ops[0].op = GRPC_OP_SEND_INITIAL_METADATA;
    ops[0].data.send_initial_metadata.count = c->send_md_count;
    ops[0].data.send_initial_metadata.metadata = c->send_md;
    ops[1].op = GRPC_OP_SEND_MESSAGE;
    ops[1].data.send_message.send_message = c->send_message;
    ops[2].op = GRPC_OP_SEND_CLOSE_FROM_CLIENT;
    ops[3].op = GRPC_OP_RECV_INITIAL_METADATA;
    ops[3].data.recv_initial_metadata.recv_initial_metadata = &c->recv_initial_md;
    ops[4].op = GRPC_OP_RECV_MESSAGE;
    ops[4].data.recv_message.recv_message = &c->recv_message;
    ops[5].op = GRPC_OP_RECV_STATUS_ON_CLIENT;
    ops[5].data.recv_status_on_client.trailing_metadata = &c->recv_trailing_md;
    ops[5].data.recv_status_on_client.status = &c->status;
    ops[5].data.recv_status_on_client.status_details = &c->status_details;
    ops[5].data.recv_status_on_client.error_string = &c->error_string;

    atomic_fetch_add_explicit(&c->refs, 1, memory_order_relaxed); /* the completion's */
    mfg_tag_publish(&c->tag);
    grpc_call_error err = grpc_call_start_batch(c->call, ops, 6, &c->tag, NULL);
    if (err != GRPC_CALL_OK) {
        atomic_fetch_sub_explicit(&c->refs, 1, memory_order_relaxed);
        mfg_call_destroy(c);
        return MFG_E_CALL_START;
    }
    *out_call = c;
    return MFG_OK;
}

void mfg_call_cancel(mfg_call *c) {
    if (c == NULL) return;
    /* grpc_call_cancel is thread-safe while a reference is held; the caller's
     * handle is one, so the grpc_call cannot be gone yet. */
    grpc_call_cancel(c->call, NULL);
}

void mfg_call_release(mfg_call *c) {
    if (c == NULL) return;
    mfg_call_unref(c);
}
