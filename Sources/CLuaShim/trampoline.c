/* The host-function trampoline: the only place a Swift host function's
 * error is raised, after the Swift frame has returned. */
#include "CLuaShim.h"

static int mfl_trampoline(lua_State *L) {
    mfl_Runtime *rt = mfl_runtime(L);
    int id = (int)lua_tointeger(L, lua_upvalueindex(1));
    if (rt->dispatcher == NULL || rt->context == NULL) {
        return luaL_error(L, "host functions are not available while the state closes");
    }
    int enforce = rt->enforceLimit;
    rt->enforceLimit = 0; /* a Swift frame must never see an allocation error */
    int n = rt->dispatcher(L, rt->context, id);
    rt->enforceLimit = enforce;
    if (n >= 0) return n;
    if (n == MFL_RAISE_WHERE && lua_type(L, -1) == LUA_TSTRING) {
        luaL_where(L, 1);
        lua_insert(L, -2);
        lua_concat(L, 2);
    }
    return lua_error(L);
}

void mfl_pushhostfunction(lua_State *L, int id) {
    lua_pushinteger(L, id);
    lua_pushcclosure(L, mfl_trampoline, 1);
}
