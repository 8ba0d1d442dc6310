/* Records which pages of the executable's code run, for the link order
 * file (bench/order/make-order.sh). Preloaded (LD_PRELOAD) into the daemon:
 * at load it makes the executable's r-x mapping inaccessible; the first
 * access to each page faults into the handler, which notes the page and
 * makes it executable again. At exit the page offsets (in the file) go to
 * $PAGETRACE_OUT.<pid>, one hexadecimal number a line. A fault outside that
 * mapping is a real crash: the handler restores the default action. */
#define _GNU_SOURCE
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

static uintptr_t lo, hi, file_offset;
static unsigned char *seen;
static const long page = 4096;

static void on_fault(int sig, siginfo_t *info, void *context) {
    (void)context;
    uintptr_t address = (uintptr_t)info->si_addr;
    if (address < lo || address >= hi) {
        signal(sig, SIG_DFL); /* a real crash: fault again, with the default action */
        return;
    }
    uintptr_t start = address & ~(uintptr_t)(page - 1);
    seen[(start - lo) / page] = 1;
    mprotect((void *)start, page, PROT_READ | PROT_EXEC);
}

static void dump(void) {
    const char *prefix = getenv("PAGETRACE_OUT");
    if (!prefix || !seen) return;
    char path[4096];
    snprintf(path, sizeof path, "%s.%d", prefix, (int)getpid());
    FILE *out = fopen(path, "w");
    if (!out) return;
    for (uintptr_t i = 0; i < (hi - lo) / page; i++)
        if (seen[i]) fprintf(out, "%lx\n", (unsigned long)(file_offset + i * page));
    fclose(out);
}

__attribute__((constructor)) static void start(void) {
    char exe[4096];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n <= 0 || !getenv("PAGETRACE_OUT")) return;
    exe[n] = 0;
    FILE *maps = fopen("/proc/self/maps", "r");
    if (!maps) return;
    char line[8192];
    while (fgets(line, sizeof line, maps)) {
        unsigned long a, b, off;
        char perms[8], path[4096] = "";
        if (sscanf(line, "%lx-%lx %7s %lx %*s %*s %4095s", &a, &b, perms, &off, path) >= 4
            && strcmp(perms, "r-xp") == 0 && strcmp(path, exe) == 0) {
            lo = a; hi = b; file_offset = off;
            break;
        }
    }
    fclose(maps);
    if (!lo) return;
    seen = calloc((hi - lo) / page, 1);
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_sigaction = on_fault;
    action.sa_flags = SA_SIGINFO | SA_NODEFER;
    sigaction(SIGSEGV, &action, NULL);
    sigaction(SIGBUS, &action, NULL);
    atexit(dump);
    mprotect((void *)lo, hi - lo, PROT_NONE);
}
