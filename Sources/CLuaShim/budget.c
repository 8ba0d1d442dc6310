/* Instruction budget: a count hook that raises once the budget is spent and
 * then fires on every instruction, so pcall inside Lua cannot swallow it. */
#include "CLuaShim.h"

static void mfl_budgethook(lua_State *L, lua_Debug *ar) {
    (void)ar;
    mfl_Runtime *rt = mfl_runtime(L);
    int count = lua_gethookcount(L);
    if (rt->budget <= 0 && !rt->budgetExceeded) {
        if (count != rt->granularity) mfl_armhook(L);
        return;
    }
    rt->executed += count;
    if (rt->budgetExceeded || rt->executed > rt->budget) {
        rt->budgetExceeded = 1;
        if (count != 1) lua_sethook(L, mfl_budgethook, LUA_MASKCOUNT, 1);
        luaL_where(L, 0);
        lua_pushfstring(L, "instruction budget exceeded (%I instructions): possible infinite loop",
                        (LUAI_UACINT)rt->budget);
        lua_concat(L, 2);
        lua_error(L);
    }
    if (count != rt->granularity) mfl_armhook(L);
}

/* Without a budget no hook is set: a count hook makes the VM trap on every
 * instruction (luaG_traceexec), which slows all Lua code down, whatever the
 * count. Workflow code always has a budget; activity code has none. */
void mfl_armhook(lua_State *L) {
    mfl_Runtime *rt = mfl_runtime(L);
    if (rt->budget > 0 || rt->budgetExceeded)
        lua_sethook(L, mfl_budgethook, LUA_MASKCOUNT, rt->granularity);
    else if (lua_gethook(L) == mfl_budgethook)
        lua_sethook(L, NULL, 0, 0);
}

void mfl_setbudget(lua_State *L, long long budget) {
    mfl_Runtime *rt = mfl_runtime(L);
    rt->budget = budget > 0 ? budget : 0;
    rt->granularity = 1000;
    if (budget > 0 && budget < 10000) rt->granularity = (int)(budget / 10 > 0 ? budget / 10 : 1);
    mfl_resetbudget(L);
}

void mfl_resetbudget(lua_State *L) {
    mfl_Runtime *rt = mfl_runtime(L);
    rt->executed = 0;
    rt->budgetExceeded = 0;
}
