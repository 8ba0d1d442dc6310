/* The CPU cost of one unary gRPC call through Moonflow's shim
 * (Sources/CGrpcShim) and gRPC's C core, with nothing else around it: no
 * Swift, no Lua, no protobuf. bench/rpc-floor.sh builds and runs it.
 *
 *   rpc-floor HOST:PORT RATE SECONDS
 *
 * Starts GetSystemInfo calls (an empty request, a ~100-byte reply) at RATE
 * per second from the main thread for SECONDS, then waits for the last
 * reply, and prints one JSON line: calls, failures, and per call the CPU
 * time of
 *   - `start_us`: mfg_call_start on the main thread (creating the call,
 *     encoding and usually writing it to the socket), and
 *   - `poller_us`: every other thread (the shim's pollers, which read the
 *     replies and the server's pings and run the completions, and gRPC's
 *     timer and event-engine threads): the process's CPU time less the
 *     main thread's,
 * and their sum. The main thread's own waits between calls are left out:
 * in the daemon the next call is started by the thread that handled a
 * reply, which is awake anyway.
 *
 * Paced rather than flat out on purpose: a worker's calls are spread in
 * time (W2 at 50 in flight makes ~800 calls/s), so most replies wake a
 * sleeping thread on their own. Flat out, replies share wake-ups and a
 * call looks several times cheaper than it is in a worker. */
#define _GNU_SOURCE
#include "CGrpcShim.h"

#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static const char *kMethod = "/temporal.api.workflowservice.v1.WorkflowService/GetSystemInfo";
static atomic_long g_finished, g_failed;

static void on_done(void *ctx, const mfg_result *res) {
    (void)ctx;
    if (res->status != 0 && atomic_fetch_add(&g_failed, 1) == 0)
        fprintf(stderr, "rpc-floor: first failure: status %d %.*s\n", res->status, (int)res->details_len,
                res->details);
    atomic_fetch_add(&g_finished, 1);
}

static double clock_s(clockid_t clock) {
    struct timespec t;
    clock_gettime(clock, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static double now_s(void) { return clock_s(CLOCK_MONOTONIC); }

int main(int argc, char **argv) {
    if (argc != 4) {
        fprintf(stderr, "usage: rpc-floor HOST:PORT RATE SECONDS\n");
        return 2;
    }
    int rate = atoi(argv[2]);
    double seconds = atof(argv[3]);
    if (rate <= 0 || seconds <= 0) {
        fprintf(stderr, "rpc-floor: RATE and SECONDS must be positive\n");
        return 2;
    }
    mfg_init();
    mfg_channel_options o;
    memset(&o, 0, sizeof o);
    o.target = argv[1];
    mfg_metadata md[] = {{"temporal-namespace", 18, "default", 7}};
    o.metadata = md;
    o.metadata_count = 1;
    mfg_channel *ch = NULL;
    int rc = mfg_channel_create(&o, &ch);
    if (rc != MFG_OK) {
        fprintf(stderr, "rpc-floor: channel: %s\n", mfg_rc_message(rc));
        return 1;
    }
    /* Connect and warm up outside the measurement. */
    long warm = 0;
    for (int i = 0; i < 50; i++) {
        mfg_call *c = NULL;
        if (mfg_call_start(ch, kMethod, NULL, 0, NULL, 0, 10000, NULL, on_done, &c) == MFG_OK) {
            mfg_call_release(c);
            warm++;
        }
        usleep(2000);
    }
    while (atomic_load(&g_finished) < warm) usleep(1000);
    atomic_store(&g_finished, 0);
    atomic_store(&g_failed, 0);

    long calls = (long)(rate * seconds);
    double start_cpu = 0;
    double process0 = clock_s(CLOCK_PROCESS_CPUTIME_ID), main0 = clock_s(CLOCK_THREAD_CPUTIME_ID);
    double start = now_s();
    for (long i = 0; i < calls; i++) {
        double wait = start + (double)i / rate - now_s();
        if (wait > 0) {
            struct timespec s = {(time_t)wait, (long)((wait - (double)(time_t)wait) * 1e9)};
            nanosleep(&s, NULL);
        }
        mfg_call *c = NULL;
        double before = clock_s(CLOCK_THREAD_CPUTIME_ID);
        rc = mfg_call_start(ch, kMethod, NULL, 0, NULL, 0, 10000, NULL, on_done, &c);
        start_cpu += clock_s(CLOCK_THREAD_CPUTIME_ID) - before;
        if (rc != MFG_OK) {
            fprintf(stderr, "rpc-floor: call: %s\n", mfg_rc_message(rc));
            return 1;
        }
        mfg_call_release(c);
    }
    while (atomic_load(&g_finished) < calls) usleep(500);
    double elapsed = now_s() - start;
    double others = (clock_s(CLOCK_PROCESS_CPUTIME_ID) - process0) - (clock_s(CLOCK_THREAD_CPUTIME_ID) - main0);
    double poller_us = 1e6 * others / (double)calls;
    double start_us = 1e6 * start_cpu / (double)calls;
    printf("{\"rate\": %d, \"calls\": %ld, \"failed\": %ld, \"seconds\": %.2f, \"start_us\": %.1f, "
           "\"poller_us\": %.1f, \"cpu_us_per_call\": %.1f}\n",
           rate, calls, atomic_load(&g_failed), elapsed, start_us, poller_us, start_us + poller_us);
    mfg_channel_destroy(ch);
    return atomic_load(&g_failed) > calls / 100 ? 1 : 0;
}
