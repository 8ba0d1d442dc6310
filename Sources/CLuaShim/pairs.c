/* Deterministic pairs: iterates a snapshot of the keys in a fixed order that
 * does not depend on the per-state string hash seed:
 * numbers ascending (integers before equal floats), then strings in byte
 * order, then false, true. Other key types are rejected. __pairs is
 * respected. */
#include "CLuaShim.h"
#include <stdlib.h>
#include <string.h>

enum { KEY_NUMBER = 0, KEY_STRING = 1, KEY_BOOLEAN = 2 };

typedef struct {
    int kind;
    int isInteger;
    lua_Integer i;
    lua_Number n;
    const char *s;
    size_t len;
} mfl_Key;

static int compare_numbers(const mfl_Key *a, const mfl_Key *b) {
    if (a->isInteger && b->isInteger) return (a->i > b->i) - (a->i < b->i);
    lua_Number x = a->isInteger ? (lua_Number)a->i : a->n;
    lua_Number y = b->isInteger ? (lua_Number)b->i : b->n;
    if (x != y) return x < y ? -1 : 1;
    return b->isInteger - a->isInteger; /* integer first on a tie */
}

static int compare_keys(const void *pa, const void *pb) {
    const mfl_Key *a = pa, *b = pb;
    if (a->kind != b->kind) return a->kind - b->kind;
    switch (a->kind) {
    case KEY_NUMBER:
        return compare_numbers(a, b);
    case KEY_STRING: {
        size_t m = a->len < b->len ? a->len : b->len;
        int c = memcmp(a->s, b->s, m);
        if (c != 0) return c;
        return (a->len > b->len) - (a->len < b->len);
    }
    default:
        return (int)a->i - (int)b->i;
    }
}

/* upvalues: 1 keys (sequence), 2 next position, 3 count, 4 the table */
static int mfl_pairsiter(lua_State *L) {
    lua_Integer pos = lua_tointeger(L, lua_upvalueindex(2));
    lua_Integer n = lua_tointeger(L, lua_upvalueindex(3));
    while (pos < n) {
        pos++;
        lua_rawgeti(L, lua_upvalueindex(1), pos);
        lua_pushvalue(L, -1);
        if (lua_rawget(L, lua_upvalueindex(4)) != LUA_TNIL) {
            lua_pushinteger(L, pos);
            lua_replace(L, lua_upvalueindex(2));
            return 2;
        }
        lua_pop(L, 2); /* removed while iterating: skip */
    }
    lua_pushinteger(L, pos);
    lua_replace(L, lua_upvalueindex(2));
    lua_pushnil(L);
    return 1;
}

int mfl_pairs(lua_State *L) {
    if (luaL_getmetafield(L, 1, "__pairs") != LUA_TNIL) {
        lua_pushvalue(L, 1);
        lua_call(L, 1, 3);
        return 3;
    }
    luaL_checktype(L, 1, LUA_TTABLE);
    lua_settop(L, 1);
    lua_Integer count = 0;
    lua_pushnil(L);
    while (lua_next(L, 1) != 0) {
        lua_pop(L, 1);
        count++;
    }
    mfl_Key *keys = (mfl_Key *)lua_newuserdatauv(L, sizeof(mfl_Key) * (size_t)(count > 0 ? count : 1), 0);
    lua_Integer k = 0;
    lua_pushnil(L);
    while (lua_next(L, 1) != 0) {
        lua_pop(L, 1);
        mfl_Key *key = &keys[k++];
        memset(key, 0, sizeof *key);
        switch (lua_type(L, -1)) {
        case LUA_TNUMBER:
            key->kind = KEY_NUMBER;
            key->isInteger = lua_isinteger(L, -1);
            if (key->isInteger) key->i = lua_tointeger(L, -1);
            else key->n = lua_tonumber(L, -1);
            break;
        case LUA_TSTRING:
            key->kind = KEY_STRING;
            key->s = lua_tolstring(L, -1, &key->len); /* anchored by the table */
            break;
        case LUA_TBOOLEAN:
            key->kind = KEY_BOOLEAN;
            key->i = lua_toboolean(L, -1);
            break;
        default:
            return luaL_error(L,
                "pairs cannot iterate a table with a key of type '%s' in a deterministic order "
                "(workflow pairs supports number, string and boolean keys; keep such values in an array)",
                luaL_typename(L, -1));
        }
    }
    qsort(keys, (size_t)count, sizeof(mfl_Key), compare_keys);
    lua_createtable(L, (int)count, 0);
    for (lua_Integer j = 0; j < count; j++) {
        mfl_Key *key = &keys[j];
        switch (key->kind) {
        case KEY_NUMBER:
            if (key->isInteger) lua_pushinteger(L, key->i);
            else lua_pushnumber(L, key->n);
            break;
        case KEY_STRING:
            lua_pushlstring(L, key->s, key->len);
            break;
        default:
            lua_pushboolean(L, (int)key->i);
            break;
        }
        lua_rawseti(L, -2, j + 1);
    }
    lua_pushinteger(L, 0);
    lua_pushinteger(L, count);
    lua_pushvalue(L, 1);
    lua_pushcclosure(L, mfl_pairsiter, 4);
    lua_pushvalue(L, 1);
    lua_pushnil(L);
    return 3;
}
