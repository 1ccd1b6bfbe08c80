#include "CCPUFeatures.h"

// __builtin_cpu_supports reads CPUID once (at start-up, or in __builtin_cpu_init) and, for the
// AVX and AVX-512 features, also checks with XGETBV that the OS saves the YMM/ZMM and mask
// registers, so a feature reported here can be used.

bool qe_cpu_supports_avx2_fma(void) {
#if defined(__x86_64__) || defined(__i386__)
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
#else
    return false;
#endif
}

bool qe_cpu_supports_avx512(void) {
#if defined(__x86_64__) || defined(__i386__)
    __builtin_cpu_init();
    return qe_cpu_supports_avx2_fma()
        && __builtin_cpu_supports("bmi") && __builtin_cpu_supports("bmi2")
        && __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512cd")
        && __builtin_cpu_supports("avx512bw") && __builtin_cpu_supports("avx512dq")
        && __builtin_cpu_supports("avx512vl");
#else
    return false;
#endif
}
