// Software prefetch hints for QEKernels' micro-kernel (Swift has no prefetch of its own).
// No stable API.
#ifndef QE_CPREFETCH_H
#define QE_CPREFETCH_H

/// Asks the CPU to bring the cache line holding `address` towards the core, into L2 and the
/// outer levels (`prefetcht1` on x86-64). A hint: it never faults and never changes a result.
static inline __attribute__((always_inline)) void qe_prefetch_l2(const void *address) {
    __builtin_prefetch(address, 0, 2);
}

/// Asks the CPU to bring the cache line holding `address` into L1 (`prefetcht0`).
static inline __attribute__((always_inline)) void qe_prefetch_l1(const void *address) {
    __builtin_prefetch(address, 0, 3);
}

#endif
