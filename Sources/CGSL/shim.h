// The parts of GSL that QEStatistics uses. This header has no stable API:
// it exists only so that QEStatistics can `internal import CGSL`.
#ifndef QE_CGSL_SHIM_H
#define QE_CGSL_SHIM_H

#include <gsl/gsl_errno.h>
#include <gsl/gsl_cdf.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>
#include <gsl/gsl_sf_gamma.h>
#include <gsl/gsl_sort.h>
#include <gsl/gsl_statistics_double.h>

/// GSL's generator types are mutable C globals; reading them from Swift 6 is a
/// concurrency error, so they are reached through these accessors instead.
static inline const gsl_rng_type *qe_gsl_rng_mt19937(void) { return gsl_rng_mt19937; }

#endif
