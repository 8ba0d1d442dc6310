/* C primitives used by the sandbox builder (a Lua chunk in LuaRuntime):
 * stubs for removed functions and modules, a text-only load, a limited
 * collectgarbage. */
#include "CLuaShim.h"
#include <string.h>

int mfl_random(lua_State *L);
int mfl_randomseed(lua_State *L);

/* upvalues: 1 name, 2 reason */
static int forbidden_call(lua_State *L) {
    return luaL_error(L, "%s is not available in %s",
                      lua_tostring(L, lua_upvalueindex(1)), lua_tostring(L, lua_upvalueindex(2)));
}

/* forbidden(name, reason) -> function raising "<name> is not available in <reason>" */
static int forbidden(lua_State *L) {
    luaL_checkstring(L, 1);
    luaL_checkstring(L, 2);
    lua_settop(L, 2);
    lua_pushcclosure(L, forbidden_call, 2);
    return 1;
}

/* __index / __newindex of a forbidden module; upvalues: 1 name, 2 reason */
static int forbidden_field(lua_State *L) {
    const char *field = lua_type(L, 2) == LUA_TSTRING ? lua_tostring(L, 2) : "?";
    return luaL_error(L, "%s.%s is not available in %s",
                      lua_tostring(L, lua_upvalueindex(1)), field,
                      lua_tostring(L, lua_upvalueindex(2)));
}

/* forbiddenmodule(name, reason) -> empty table whose every field access raises */
static int forbiddenmodule(lua_State *L) {
    luaL_checkstring(L, 1);
    luaL_checkstring(L, 2);
    lua_settop(L, 2);
    lua_newtable(L);                 /* 3: the module */
    lua_createtable(L, 0, 3);        /* 4: its metatable */
    lua_pushvalue(L, 1);
    lua_pushvalue(L, 2);
    lua_pushcclosure(L, forbidden_field, 2);
    lua_pushvalue(L, -1);
    lua_setfield(L, 4, "__index");
    lua_setfield(L, 4, "__newindex");
    lua_pushliteral(L, "locked");
    lua_setfield(L, 4, "__metatable");
    lua_setmetatable(L, 3);
    return 1;
}

/* Pushes the _ENV upvalue of the Lua function at `level`; 0 if none. */
static int push_caller_env(lua_State *L, int level) {
    lua_Debug ar;
    if (!lua_getstack(L, level, &ar)) return 0;
    lua_getinfo(L, "f", &ar);
    for (int i = 1;; i++) {
        const char *name = lua_getupvalue(L, -1, i);
        if (name == NULL) break;
        if (strcmp(name, "_ENV") == 0) {
            lua_remove(L, -2);
            return 1;
        }
        lua_pop(L, 1);
    }
    lua_pop(L, 1);
    return 0;
}

/* load(chunk [, chunkname [, mode [, env]]]) restricted to text chunks; a
 * missing env means the caller's _ENV (never the host's global table).
 * upvalue 1: the standard load. */
static int sandbox_load(lua_State *L) {
    const char *mode = luaL_optstring(L, 3, "t");
    if (strchr(mode, 'b') != NULL) {
        return luaL_error(L, "load of binary chunks (mode '%s') is not available in workflows: "
                             "only source text can be loaded", mode);
    }
    int hasEnv = !lua_isnone(L, 4);
    lua_settop(L, 4);
    if (!hasEnv) {
        lua_pop(L, 1);
        if (!push_caller_env(L, 1)) {
            return luaL_error(L, "load without an env argument found no caller environment: pass env");
        }
    }
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_pushvalue(L, 1);
    lua_pushvalue(L, 2);
    lua_pushliteral(L, "t");
    lua_pushvalue(L, 4);
    lua_call(L, 4, LUA_MULTRET);
    return lua_gettop(L) - 4;
}

/* collectgarbage limited to options that cannot change collector tuning.
 * upvalue 1: the standard collectgarbage. */
static int sandbox_collectgarbage(lua_State *L) {
    static const char *const allowed[] = {"collect", "step", "count", "isrunning", NULL};
    const char *opt = luaL_optstring(L, 1, "collect");
    for (int i = 0; allowed[i] != NULL; i++) {
        if (strcmp(opt, allowed[i]) == 0) {
            int n = lua_gettop(L);
            lua_pushvalue(L, lua_upvalueindex(1));
            lua_insert(L, 1);
            lua_call(L, n, LUA_MULTRET);
            return lua_gettop(L);
        }
    }
    return luaL_error(L, "collectgarbage(\"%s\") is not available in workflows: "
                         "the collector is shared by all workflows of a worker", opt);
}

static int makeload(lua_State *L) {
    luaL_checktype(L, 1, LUA_TFUNCTION);
    lua_settop(L, 1);
    lua_pushcclosure(L, sandbox_load, 1);
    return 1;
}

static int makecollectgarbage(lua_State *L) {
    luaL_checktype(L, 1, LUA_TFUNCTION);
    lua_settop(L, 1);
    lua_pushcclosure(L, sandbox_collectgarbage, 1);
    return 1;
}

int mfl_openprimitives(lua_State *L) {
    static const luaL_Reg primitives[] = {
        {"pairs", mfl_pairs},
        {"random", mfl_random},
        {"randomseed", mfl_randomseed},
        {"forbidden", forbidden},
        {"forbiddenmodule", forbiddenmodule},
        {"makeload", makeload},
        {"makecollectgarbage", makecollectgarbage},
        {NULL, NULL},
    };
    luaL_newlib(L, primitives);
    return 1;
}
