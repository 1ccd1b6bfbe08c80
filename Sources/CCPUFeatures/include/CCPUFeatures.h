// What the CPU and the operating system support, for QEKernels' choice of kernel path.
// No stable API.
#ifndef QE_CCPUFEATURES_H
#define QE_CCPUFEATURES_H

#include <stdbool.h>

/// AVX2 and FMA: what QEKernels itself is compiled for (`-target-cpu haswell`).
bool qe_cpu_supports_avx2_fma(void);

/// AVX-512 F, CD, BW, DQ and VL, with the OS saving the ZMM and mask registers: what
/// QEKernelsAVX512 is compiled for (`-target-cpu skylake-avx512`), besides AVX2, FMA, BMI1/2.
bool qe_cpu_supports_avx512(void);

#endif
