/* Deterministic math.random / math.randomseed for workflows: xoshiro256**
 * seeded through splitmix64; the state lives in the runtime record so the
 * host can save and restore it per workflow instance. */
#include "CLuaShim.h"

static uint64_t rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

static uint64_t next_random(uint64_t *s) {
    uint64_t result = rotl(s[1] * 5, 7) * 9;
    uint64_t t = s[1] << 17;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 45);
    return result;
}

static uint64_t splitmix64(uint64_t *x) {
    uint64_t z = (*x += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

void mfl_seedrandom(mfl_Runtime *rt, uint64_t seed1, uint64_t seed2) {
    uint64_t x = seed1 ^ rotl(seed2, 32);
    for (int i = 0; i < 4; i++) rt->random[i] = splitmix64(&x);
}

/* A uniform value in [0, n] (rejection sampling on the smallest mask). */
static uint64_t project(uint64_t ran, uint64_t n, uint64_t *s) {
    if ((n & (n + 1)) == 0) return ran & n; /* n + 1 is a power of two */
    uint64_t lim = n;
    lim |= (lim >> 1); lim |= (lim >> 2); lim |= (lim >> 4);
    lim |= (lim >> 8); lim |= (lim >> 16); lim |= (lim >> 32);
    while ((ran &= lim) > n) ran = next_random(s);
    return ran;
}

int mfl_random(lua_State *L) {
    uint64_t *s = mfl_runtime(L)->random;
    uint64_t rv = next_random(s);
    lua_Integer low, up;
    switch (lua_gettop(L)) {
    case 0:
        lua_pushnumber(L, (lua_Number)(rv >> 11) * 0x1.0p-53);
        return 1;
    case 1:
        low = 1;
        up = luaL_checkinteger(L, 1);
        if (up == 0) {
            lua_pushinteger(L, (lua_Integer)rv);
            return 1;
        }
        break;
    case 2:
        low = luaL_checkinteger(L, 1);
        up = luaL_checkinteger(L, 2);
        break;
    default:
        return luaL_error(L, "wrong number of arguments");
    }
    luaL_argcheck(L, low <= up, lua_gettop(L), "interval is empty");
    uint64_t r = project(rv, (uint64_t)up - (uint64_t)low, s);
    lua_pushinteger(L, (lua_Integer)(r + (uint64_t)low));
    return 1;
}

int mfl_randomseed(lua_State *L) {
    if (lua_isnone(L, 1)) {
        return luaL_error(L,
            "math.randomseed() without a seed is not available in workflows: "
            "workflow code must be deterministic; pass a seed (e.g. from workflow input)");
    }
    lua_Integer n1 = luaL_checkinteger(L, 1);
    lua_Integer n2 = luaL_optinteger(L, 2, 0);
    mfl_seedrandom(mfl_runtime(L), (uint64_t)n1, (uint64_t)n2);
    return 0;
}
