/* Internal declarations shared by the shim's .c files. Not part of the
 * public API (the public header is include/CGrpcShim.h). */
#ifndef MFG_INTERNAL_H
#define MFG_INTERNAL_H

#include "CGrpcShim.h"
#include <grpc/grpc.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>

/* Every tag put on the shared completion queue starts with this header; the
 * poller thread that takes it calls `complete` with the event's success flag.
 *
 * `published` is stored with release order just before the tag is handed to
 * grpc and loaded with acquire order by the poller. grpc's queue already
 * orders these, but grpc is not instrumented, so this makes the hand-off
 * visible to ThreadSanitizer (and states the contract explicitly). */
typedef struct mfg_tag {
    void (*complete)(struct mfg_tag *tag, int success);
    atomic_int published;
} mfg_tag;

static inline void mfg_tag_publish(mfg_tag *tag) {
    atomic_store_explicit(&tag->published, 1, memory_order_release);
}

/* The shared completion queue. Only valid while the caller holds a runtime
 * reference (mfg_init without its matching mfg_shutdown). */
grpc_completion_queue *mfg_runtime_cq(void);

/* Methods registered with the channel (grpc_channel_register_call): a
 * registered call skips building and interning its path on every call. */
#define MFG_MAX_REGISTERED_METHODS 64

struct mfg_channel {
    grpc_channel *channel;
    grpc_completion_queue *cq; /* the runtime's shared queue */
    pthread_mutex_t methods_lock;
    size_t method_count;
    char *method_names[MFG_MAX_REGISTERED_METHODS];
    size_t method_lens[MFG_MAX_REGISTERED_METHODS]; /* strlen of each name */
    void *method_handles[MFG_MAX_REGISTERED_METHODS];
    /* Metadata of every call, as slices made once; each call takes its own
     * references (grpc_slice_ref), so it does not copy them. */
    grpc_metadata *base_md;
    size_t base_md_count;
    /* The largest reply accepted. The channel runs gRPC's minimal filter
     * stack, which has no message-size filter, so the shim checks it. */
    size_t max_receive_bytes;
};

/* The channel's registration of `method`, made on first use; NULL when the
 * table is full (the call then goes unregistered). */
void *mfg_channel_method(mfg_channel *ch, const char *method);

/* Appends `n` entries of `md` to `out` as new slices, counting each one
 * made in `*count` (so a failure part-way leaves `out[0..<*count]` to
 * release). */
int mfg_metadata_copy(grpc_metadata *out, size_t *count, const mfg_metadata *md, size_t n);

/* Unrefs the slices of `count` entries and frees the array. */
void mfg_metadata_release(grpc_metadata *md, size_t count);

#endif /* MFG_INTERNAL_H */
