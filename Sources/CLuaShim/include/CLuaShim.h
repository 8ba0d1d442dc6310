void CLuaShim_placeholder(void);
