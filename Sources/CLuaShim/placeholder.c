#include "CLuaShim.h"
void CLuaShim_placeholder(void) {}
