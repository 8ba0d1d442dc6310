// Filled in by the LuaRuntime work.
