/* Library lifetime: ref-counted grpc_init, the shared completion queue and the
 * poller threads that drain it, grpc log quieting, return-code messages. */
#define _GNU_SOURCE
#include "mfg_internal.h"

#include <grpc/support/log.h>
#include <grpc/support/time.h>
#include <pthread.h>
#include <stdlib.h>

typedef struct mfg_poller {
    grpc_completion_queue *cq;
    pthread_t threads[MFG_POLLER_THREADS];
    int running;      /* threads not yet out of their loop (under g_lock) */
    int self_cleanup; /* set (under g_lock) when the last thread out tears down */
} mfg_poller;

static pthread_mutex_t g_lock = PTHREAD_MUTEX_INITIALIZER;
static int g_refs = 0;
static mfg_poller *g_poller = NULL;

static void mfg_quiet_log(gpr_log_func_args *args) { (void)args; }

/* abseil's Mutex keeps a lock-order graph for deadlock detection unless
 * told otherwise, and Debian's abseil is built with it on: gRPC takes many
 * Mutexes per call, so it costs on every call. The setter is C++; this is
 * its mangled name in Debian's abseil (inline namespace "debian3"). The
 * reference is weak: with another abseil build it is NULL and the default
 * stays. The argument is OnDeadlockCycle::kIgnore. */
extern void mfg_absl_set_deadlock_detection(int mode)
    __asm__("_ZN4absl7debian329SetMutexDeadlockDetectionModeENS0_15OnDeadlockCycleE") __attribute__((weak));

/* gRPC's executor threads take work a thread hands off while it is busy:
 * a combiner (one connection's write queue) run by one thread and
 * entered by another is finished on an executor thread when the first
 * one's completion queue has an event waiting. Every such hand-off is a
 * futex wake and two context switches (W2: about 6 per workflow), and
 * the work is short (a socket write). With threading off, `Executor::Run`
 * queues the work on the calling thread's own exec_ctx and the combiner
 * never offloads. This is a mode gRPC itself uses (around fork). Nothing
 * of ours blocks inside gRPC's callbacks, and the DNS lookups that would
 * use the resolver executor go through c-ares (gRPC's default resolver
 * here), which does not block; with GRPC_DNS_RESOLVER=native a lookup
 * would run inline on the thread that needs it. Weak, like
 * the abseil setter: with another gRPC build it is NULL and the threads
 * stay. */
extern void mfg_grpc_set_executor_threading(_Bool on)
    __asm__("_ZN9grpc_core8Executor15SetThreadingAllEb") __attribute__((weak));

static void mfg_configure_logging(void) {
    /* GRPC_VERBOSITY / GRPC_TRACE are grpc's own switches: if the user set
     * either, keep grpc's stderr logger. Otherwise drop all grpc logging. */
    if (getenv("GRPC_VERBOSITY") != NULL || getenv("GRPC_TRACE") != NULL) return;
    gpr_set_log_function(mfg_quiet_log);
}

static void mfg_poller_finish(mfg_poller *p) {
    grpc_completion_queue_destroy(p->cq);
    free(p);
    grpc_shutdown();
}

static void *mfg_poller_main(void *arg) {
    mfg_poller *p = arg;
    pthread_setname_np(pthread_self(), "mfg-poller"); /* visible in top -H, ps -L */
    for (;;) {
        grpc_event ev = grpc_completion_queue_next(p->cq, gpr_inf_future(GPR_CLOCK_REALTIME), NULL);
        if (ev.type == GRPC_QUEUE_SHUTDOWN) break;
        if (ev.type == GRPC_OP_COMPLETE && ev.tag != NULL) {
            mfg_tag *tag = ev.tag;
            (void)atomic_load_explicit(&tag->published, memory_order_acquire);
            tag->complete(tag, ev.success);
        }
    }
    pthread_mutex_lock(&g_lock);
    int last_out = --p->running == 0 && p->self_cleanup;
    pthread_mutex_unlock(&g_lock);
    if (last_out) mfg_poller_finish(p); /* detached: nobody joins us */
    return NULL;
}

void mfg_init(void) {
    pthread_mutex_lock(&g_lock);
    if (g_refs++ == 0) {
        if (mfg_absl_set_deadlock_detection != NULL) mfg_absl_set_deadlock_detection(0);
        grpc_init();
        if (mfg_grpc_set_executor_threading != NULL) mfg_grpc_set_executor_threading(0);
        mfg_configure_logging();
        mfg_poller *p = calloc(1, sizeof *p);
        if (p == NULL) abort();
        p->cq = grpc_completion_queue_create_for_next(NULL);
        p->running = MFG_POLLER_THREADS;
        for (int i = 0; i < MFG_POLLER_THREADS; i++)
            if (pthread_create(&p->threads[i], NULL, mfg_poller_main, p) != 0) abort();
        g_poller = p;
    }
    pthread_mutex_unlock(&g_lock);
}

void mfg_shutdown(void) {
    pthread_mutex_lock(&g_lock);
    if (g_refs <= 0 || --g_refs > 0) {
        pthread_mutex_unlock(&g_lock);
        return;
    }
    mfg_poller *p = g_poller;
    g_poller = NULL;
    /* Every call holds a runtime reference until it is fully released, so no
     * operation is pending: the queue drains at once. */
    grpc_completion_queue_shutdown(p->cq);
    int on_poller = 0;
    for (int i = 0; i < MFG_POLLER_THREADS; i++)
        if (pthread_equal(pthread_self(), p->threads[i])) on_poller = 1;
    if (on_poller) {
        /* Called from a completion callback: a poller cannot join itself, so
         * the last thread out of its loop tears down. */
        p->self_cleanup = 1;
        for (int i = 0; i < MFG_POLLER_THREADS; i++) pthread_detach(p->threads[i]);
        pthread_mutex_unlock(&g_lock);
        return;
    }
    pthread_mutex_unlock(&g_lock);
    for (int i = 0; i < MFG_POLLER_THREADS; i++) pthread_join(p->threads[i], NULL);
    mfg_poller_finish(p);
}

grpc_completion_queue *mfg_runtime_cq(void) {
    pthread_mutex_lock(&g_lock);
    grpc_completion_queue *cq = g_poller ? g_poller->cq : NULL;
    pthread_mutex_unlock(&g_lock);
    return cq;
}

const char *mfg_rc_message(int rc) {
    switch (rc) {
    case MFG_OK: return "ok";
    case MFG_E_INVALID_ARGUMENT: return "invalid argument";
    case MFG_E_NO_MEMORY: return "out of memory";
    case MFG_E_CREDENTIALS: return "could not create channel credentials";
    case MFG_E_CALL_CREATE: return "could not create call";
    case MFG_E_CALL_START: return "could not start call batch";
    default: return "unknown shim error";
    }
}
