/*
 * CLuaShim: the C half of LuaRuntime.
 *
 * Everything that may raise a Lua error or yield (a longjmp) lives here, so
 * that no Lua error ever unwinds a Swift frame. Swift enters Lua only through
 * lua_pcall / lua_resume, and Swift host functions return a status that the
 * C trampoline (mfl_pushhostfunction) turns into lua_error after the Swift
 * frame has returned.
 *
 * Symbols carry the prefix mfl_. The static inline wrappers below exist
 * because function-like macros of lua.h do not import into Swift.
 */
#ifndef CLUASHIM_H
#define CLUASHIM_H

#include <stddef.h>
#include <stdint.h>
#include <lua5.4/lua.h>
#include <lua5.4/lualib.h>
#include <lua5.4/lauxlib.h>

/* ---------------------------------------------------------------------
 * Per-state runtime record (one per lua_State, shared by its threads).
 * -------------------------------------------------------------------- */

/* Called by the host-function trampoline. Returns >= 0: number of results
 * pushed; MFL_RAISE: raise the value on top of the stack as is;
 * MFL_RAISE_WHERE: the top is a string, prefix it with "chunk:line:" and
 * raise it. `context` is the value given to mfl_newstate. */
typedef int (*mfl_Dispatcher)(lua_State *L, void *context, int id);

enum { MFL_RAISE = -1, MFL_RAISE_WHERE = -2 };

typedef struct mfl_Runtime {
    /* memory accounting (allocator) */
    size_t memoryInUse;
    size_t memoryLimit;        /* 0: no limit */
    int enforceLimit;          /* limit applies only while Lua code runs */
    /* instruction budget (count hook) */
    long long budget;          /* <= 0: no budget */
    long long executed;
    int granularity;           /* hook count between checks */
    int budgetExceeded;        /* sticky until mfl_resetbudget */
    /* host functions */
    mfl_Dispatcher dispatcher;
    void *context;
    /* deterministic PRNG (xoshiro256**) */
    uint64_t random[4];
} mfl_Runtime;

/* Creates a state with the counting allocator, the panic handler, the
 * standard libraries and the budget hook. Returns NULL on failure. The
 * runtime record must outlive the state (free it after lua_close). */
lua_State *mfl_newstate(mfl_Runtime *rt, mfl_Dispatcher dispatcher, void *context);

/* The runtime record of any thread of a state made by mfl_newstate. */
mfl_Runtime *mfl_runtime(lua_State *L);

/* ---------------------------------------------------------------------
 * Errors and protected execution.
 * -------------------------------------------------------------------- */

/* Message handler for lua_pcall: leaves the error value unchanged and
 * stores "stack traceback:..." in the registry (see mfl_takeTraceback). */
int mfl_msghandler(lua_State *L);

/* Pushes the traceback stored by the last mfl_msghandler run (or nil) and
 * clears it. */
void mfl_taketraceback(lua_State *L);

/* Pushes the traceback of thread `co` (after an error in lua_resume, before
 * lua_resetthread) onto L. */
void mfl_threadtraceback(lua_State *L, lua_State *co);

/* 1 when `co` can be resumed: yielded, or not started (a function on its
 * stack and no active frame); -1 when running or resuming another
 * coroutine; 0 when dead. */
int mfl_isresumable(lua_State *co);

/* Runs the C function f in protected mode with the nargs values on top of
 * the stack as arguments; like lua_pcall (errfunc 0). */
int mfl_cpcall(lua_State *L, lua_CFunction f, int nargs, int nresults);

/* Replaces the function on top of the stack by a copy without debug
 * information (lua_dump with strip, loaded back): Moonflow's own preludes
 * take a third of the memory that way. Returns LUA_OK, or an error status
 * with the message pushed above the unchanged function. */
int mfl_stripfunction(lua_State *L);

/* Enables/disables the memory limit (mfl_Runtime.enforceLimit). */
void mfl_setenforce(lua_State *L, int on);

/* ---------------------------------------------------------------------
 * Host functions.
 * -------------------------------------------------------------------- */

/* Pushes a closure that calls the dispatcher with `id`. */
void mfl_pushhostfunction(lua_State *L, int id);

/* ---------------------------------------------------------------------
 * Instruction budget.
 * -------------------------------------------------------------------- */

/* Sets the budget (<= 0: none) and resets the executed count. */
void mfl_setbudget(lua_State *L, long long budget);
/* Resets the executed count and the sticky "exceeded" flag. */
void mfl_resetbudget(lua_State *L);
/* Installs the count hook on thread L (threads created later inherit it). */
void mfl_armhook(lua_State *L);

/* ---------------------------------------------------------------------
 * Sandbox primitives (lua_CFunctions, see sandbox.c / pairs.c / random.c).
 * -------------------------------------------------------------------- */

/* Pushes a table of the C primitives used to build sandboxes:
 * pairs, random, randomseed, forbidden, forbiddenmodule, load, collectgarbage. */
int mfl_openprimitives(lua_State *L);

/* Deterministic pairs (lua_CFunction). */
int mfl_pairs(lua_State *L);

/* Seeds the deterministic PRNG. */
void mfl_seedrandom(mfl_Runtime *rt, uint64_t seed1, uint64_t seed2);

/* ---------------------------------------------------------------------
 * Wrappers for macros.
 * -------------------------------------------------------------------- */

static inline int mfl_registryindex(void) { return LUA_REGISTRYINDEX; }
static inline int mfl_upvalueindex(int i) { return lua_upvalueindex(i); }
static inline void mfl_pop(lua_State *L, int n) { lua_pop(L, n); }
static inline void mfl_newtable(lua_State *L) { lua_newtable(L); }
static inline void mfl_pushcfunction(lua_State *L, lua_CFunction f) { lua_pushcfunction(L, f); }
static inline void mfl_pushglobaltable(lua_State *L) { lua_pushglobaltable(L); }
static inline void mfl_insert(lua_State *L, int idx) { lua_insert(L, idx); }
static inline void mfl_remove(lua_State *L, int idx) { lua_remove(L, idx); }
static inline void mfl_replace(lua_State *L, int idx) { lua_replace(L, idx); }
static inline int mfl_pcall(lua_State *L, int nargs, int nresults, int msgh) {
    return lua_pcall(L, nargs, nresults, msgh);
}
static inline int mfl_isnoneornil(lua_State *L, int idx) { return lua_isnoneornil(L, idx); }
static inline const char *mfl_tolstring(lua_State *L, int idx, size_t *len) {
    return lua_tolstring(L, idx, len);
}
/* Anchors a copy of the value at idx; LUA_NOREF when the stack is full. */
static inline int mfl_refvalue(lua_State *L, int idx) {
    if (!lua_checkstack(L, 2)) return LUA_NOREF;
    lua_pushvalue(L, idx);
    return luaL_ref(L, LUA_REGISTRYINDEX);
}
/* Drops an anchor (leaks it when the stack is full rather than overflow). */
static inline void mfl_unref(lua_State *L, int ref) {
    if (lua_checkstack(L, 2)) luaL_unref(L, LUA_REGISTRYINDEX, ref);
}
static inline int mfl_getref(lua_State *L, int ref) {
    return lua_rawgeti(L, LUA_REGISTRYINDEX, (lua_Integer)ref);
}
static inline int mfl_noref(void) { return LUA_NOREF; }
static inline int mfl_refnil(void) { return LUA_REFNIL; }

#endif
