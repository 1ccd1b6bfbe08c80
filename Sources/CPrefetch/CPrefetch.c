// The hints are static inline functions in include/CPrefetch.h, compiled into each caller;
// SwiftPM needs one source file for a C target.
#include "CPrefetch.h"
