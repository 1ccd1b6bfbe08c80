import QEKernels
import QEValidation

/// The kernels' catalogue as the judges take it: suite → workload → claimed speedup.
enum BuiltinClaims {
    static let catalogue: ClaimChoice.Catalogue = WorkloadCatalogue.suites.mapValues { workloads in
        Dictionary(uniqueKeysWithValues: workloads.map {
            ($0.name, ClaimedRange(low: $0.claimedSpeedup.low, high: $0.claimedSpeedup.high))
        })
    }
}
