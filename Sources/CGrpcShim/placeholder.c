#include "CGrpcShim.h"
void CGrpcShim_placeholder(void) {}
