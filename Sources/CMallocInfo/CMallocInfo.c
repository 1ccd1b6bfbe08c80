#include <stdlib.h>  // defines __GLIBC__ on glibc systems
#include "CMallocInfo.h"

#if defined(__GLIBC__) && (__GLIBC__ > 2 || (__GLIBC__ == 2 && __GLIBC_MINOR__ >= 33))
#include <malloc.h>

size_t qe_allocated_bytes(void) {
    struct mallinfo2 info = mallinfo2();
    return info.uordblks + info.hblkhd;
}
#else
size_t qe_allocated_bytes(void) { return 0; }
#endif
