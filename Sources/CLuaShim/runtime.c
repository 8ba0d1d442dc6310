/* State creation, the counting allocator, panic and message handlers. */
#include "CLuaShim.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MFL_TRACEBACK_KEY "mfl.traceback"

static void *mfl_alloc(void *ud, void *ptr, size_t osize, size_t nsize) {
    mfl_Runtime *rt = (mfl_Runtime *)ud;
    size_t old = ptr ? osize : 0;
    if (nsize == 0) {
        free(ptr);
        rt->memoryInUse -= old;
        return NULL;
    }
    if (rt->enforceLimit && rt->memoryLimit > 0 && nsize > old
        && rt->memoryInUse - old + nsize > rt->memoryLimit) {
        return NULL; /* Lua raises LUA_ERRMEM */
    }
    void *p = realloc(ptr, nsize);
    if (p != NULL) rt->memoryInUse = rt->memoryInUse - old + nsize;
    return p;
}

static int mfl_panic(lua_State *L) {
    const char *msg = lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1) : "(non-string error)";
    fprintf(stderr, "moonflow: Lua error outside protected mode (LuaRuntime bug): %s\n", msg);
    fflush(stderr);
    return 0; /* Lua then calls abort() */
}

mfl_Runtime *mfl_runtime(lua_State *L) {
    void *ud = NULL;
    (void)lua_getallocf(L, &ud);
    return (mfl_Runtime *)ud;
}

lua_State *mfl_newstate(mfl_Runtime *rt, mfl_Dispatcher dispatcher, void *context) {
    rt->memoryInUse = 0;
    rt->enforceLimit = 0;
    rt->budget = 0;
    rt->executed = 0;
    rt->granularity = 1000;
    rt->budgetExceeded = 0;
    rt->dispatcher = dispatcher;
    rt->context = context;
    mfl_seedrandom(rt, 0, 0);
    lua_State *L = lua_newstate(mfl_alloc, rt);
    if (L == NULL) return NULL;
    lua_atpanic(L, mfl_panic);
    lua_setwarnf(L, NULL, NULL); /* warnings (e.g. errors in __gc) are dropped */
    luaL_openlibs(L);
    mfl_armhook(L);
    return L;
}

void mfl_setenforce(lua_State *L, int on) {
    mfl_runtime(L)->enforceLimit = on;
}

int mfl_msghandler(lua_State *L) {
    luaL_traceback(L, L, NULL, 1);
    lua_setfield(L, LUA_REGISTRYINDEX, MFL_TRACEBACK_KEY);
    lua_settop(L, 1);
    return 1;
}

void mfl_taketraceback(lua_State *L) {
    lua_getfield(L, LUA_REGISTRYINDEX, MFL_TRACEBACK_KEY);
    lua_pushnil(L);
    lua_setfield(L, LUA_REGISTRYINDEX, MFL_TRACEBACK_KEY);
}

void mfl_threadtraceback(lua_State *L, lua_State *co) {
    luaL_traceback(L, co, NULL, 0);
}

typedef struct { char *bytes; size_t length, capacity; } mfl_DumpBuffer;

static int mfl_dumpwriter(lua_State *L, const void *p, size_t size, void *ud) {
    (void)L;
    mfl_DumpBuffer *b = (mfl_DumpBuffer *)ud;
    if (b->length + size > b->capacity) {
        size_t capacity = b->capacity ? b->capacity : 4096;
        while (capacity < b->length + size) capacity *= 2;
        char *grown = realloc(b->bytes, capacity);
        if (grown == NULL) return 1;
        b->bytes = grown;
        b->capacity = capacity;
    }
    memcpy(b->bytes + b->length, p, size);
    b->length += size;
    return 0;
}

int mfl_stripfunction(lua_State *L) {
    mfl_DumpBuffer b = {NULL, 0, 0};
    if (lua_dump(L, mfl_dumpwriter, &b, 1) != 0) {
        free(b.bytes);
        lua_pushliteral(L, "not enough memory to strip a chunk");
        return LUA_ERRMEM;
    }
    int status = luaL_loadbufferx(L, b.bytes, b.length, "=?", "b");
    free(b.bytes);
    if (status != LUA_OK) return status;
    lua_remove(L, -2);
    return LUA_OK;
}

int mfl_cpcall(lua_State *L, lua_CFunction f, int nargs, int nresults) {
    lua_pushcfunction(L, f);
    lua_insert(L, -(nargs + 1));
    return lua_pcall(L, nargs, nresults, 0);
}

int mfl_isresumable(lua_State *co) {
    lua_Debug ar;
    int status = lua_status(co);
    if (status == LUA_YIELD) return 1;
    if (status != LUA_OK) return 0;
    if (lua_getstack(co, 0, &ar)) return -1;
    return lua_gettop(co) > 0;
}
