#include "CTemporalProto.h"
void CTemporalProto_placeholder(void) {}
