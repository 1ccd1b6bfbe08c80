// The C allocator's bookkeeping, for QEBench's memory figures. No stable API.
#ifndef QE_CMALLOCINFO_H
#define QE_CMALLOCINFO_H

#include <stddef.h>

/// Bytes the allocator holds for the program: in-use heap chunks plus blocks mapped with mmap
/// (glibc's mallinfo2); 0 where mallinfo2 does not exist.
size_t qe_allocated_bytes(void);

#endif
