import QEFormats
import QEKernels

/// Times the kernels of one run inside the current process: the worker side of
/// `qe-validate run`.
///
/// For each workload: inputs are made (seeded, outside any timed region); each variant's kernel
/// is made and run once, and its output compared with the first variant's (they must agree
/// within the bound of `AttentionAgreement`, or nothing is timed); then warm-up and timed
/// iterations interleave the variants, alternating their order each iteration
/// (A B, B A, A B, ...), so that drift and frequency changes hit every variant alike.
public struct KernelWorker: Sendable {
    /// Where a worker is, for progress displays.
    public struct Progress: Sendable, Equatable, Codable {
        public var run: Int
        public var workload: String
        public var variant: String
        /// `warmup` or `timing`.
        public var phase: String
        public var done: Int
        public var total: Int
    }

    public var plan: KernelWorkerPlan

    public init(plan: KernelWorkerPlan) {
        self.plan = plan
    }

    public func run(progress: (Progress) -> Void = { _ in }) throws(HarnessError) -> KernelWorkerReport {
        let shapes: [KernelShape]
        if let planned = plan.shapes {
            shapes = planned
        } else {
            shapes = try Self.resolve(workloads: plan.workloads, suite: plan.suite).map {
                KernelShape(name: $0.name, seqLen: $0.seqLen, dim: $0.dim)
            }
        }
        let variants = try Self.resolve(variants: plan.variants)
        var series: [KernelWorkerReport.Series] = []
        var differences: [String: Float] = [:]
        for workload in shapes {
            let inputs = AttentionInputs(
                seqLen: workload.seqLen, dim: workload.dim, seed: Self.inputSeed(plan.seed, workload: workload.name))
            let measured = try measure(workload: workload, inputs: inputs, variants: variants, progress: progress)
            series.append(contentsOf: measured.series)
            differences[workload.name] = measured.maxDifference
        }
        return KernelWorkerReport(run: plan.run, series: series, maxOutputDifference: differences)
    }

    private func measure(
        workload: KernelShape, inputs: AttentionInputs, variants: [KernelVariant], progress: (Progress) -> Void
    ) throws(HarnessError) -> (series: [KernelWorkerReport.Series], maxDifference: Float) {
        let count = workload.seqLen * workload.dim
        var kernels: [any AttentionKernel] = []
        var outputs: [UnsafeMutableBufferPointer<Float>] = []
        var peaks: [Int] = []
        defer { for output in outputs { output.deallocate() } }
        for variant in variants {
            // Everything the variant needs, made before timing; the allocator's growth across
            // making it and one call is its peak (compute allocates nothing).
            let before = AllocationMeter.allocatedBytes()
            let kernel = variant.makeKernel(seqLen: workload.seqLen, dim: workload.dim)
            let output = UnsafeMutableBufferPointer<Float>.allocate(capacity: count)
            output.initialize(repeating: 0)
            kernel.compute(inputs, into: output)
            peaks.append(max(0, AllocationMeter.allocatedBytes() - before))
            kernels.append(kernel)
            outputs.append(output)
        }
        var maxDifference: Float = 0
        for index in variants.indices.dropFirst() {
            let agreement = AttentionAgreement.check(
                UnsafeBufferPointer(outputs[0]), UnsafeBufferPointer(outputs[index]), inputs: inputs)
            maxDifference = max(maxDifference, agreement.maximumError)
            guard agreement.withinBound else {
                throw .outputsDisagree(
                    workload: workload.name, variant: variants[index].rawValue,
                    maxError: agreement.maximumError, bound: agreement.bound)
            }
        }
        var warmups = [[Double]](repeating: [], count: variants.count)
        var samples = [[Double]](repeating: [], count: variants.count)
        var startedAt = [String](repeating: "", count: variants.count)
        for round in 0..<(plan.warmup + plan.iterations) {
            let timing = round >= plan.warmup
            for position in variants.indices {
                // Alternate the order every round so no variant always runs first.
                let index = round % 2 == 0 ? position : variants.count - 1 - position
                let kernel = kernels[index]
                let output = outputs[index]
                if timing && samples[index].isEmpty { startedAt[index] = ISO8601Text.now() }
                let elapsed = MonotonicClock.measure { kernel.compute(inputs, into: output) }
                if timing { samples[index].append(elapsed) } else { warmups[index].append(elapsed) }
                progress(Progress(
                    run: plan.run, workload: workload.name, variant: variants[index].rawValue,
                    phase: timing ? "timing" : "warmup",
                    done: timing ? round - plan.warmup + 1 : round + 1,
                    total: timing ? plan.iterations : plan.warmup))
            }
        }
        let series = variants.indices.map { index in
            KernelWorkerReport.Series(
                workload: workload.name, variant: variants[index].rawValue,
                samples: samples[index], warmup: warmups[index],
                workingSetBytes: kernels[index].workingSetBytes, peakAllocatedBytes: peaks[index],
                startedAt: startedAt[index])
        }
        return (series, maxDifference)
    }

    /// The seed of a workload's inputs: the run's seed mixed with the workload's name (FNV-1a),
    /// so each workload gets its own inputs and every run the same ones.
    static func inputSeed(_ seed: UInt64, workload: String) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in workload.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return seed ^ hash
    }

    /// The workloads named (all of the suite when none is).
    public static func resolve(workloads names: [String], suite: String) throws(HarnessError) -> [Workload] {
        guard let catalogue = WorkloadCatalogue.suites[suite] else {
            throw .unknownSuite(suite, known: WorkloadCatalogue.suites.keys.sorted())
        }
        if names.isEmpty { return catalogue }
        var workloads: [Workload] = []
        for name in names {
            guard let workload = catalogue.first(where: { $0.name == name }) else {
                throw .unknownWorkload(name, known: catalogue.map(\.name))
            }
            workloads.append(workload)
        }
        return workloads
    }

    /// The variants named, in order.
    public static func resolve(variants names: [String]) throws(HarnessError) -> [KernelVariant] {
        var variants: [KernelVariant] = []
        for name in names {
            guard let variant = KernelVariant(rawValue: name) else {
                throw .unknownVariant(name, known: KernelVariant.allCases.map(\.rawValue))
            }
            variants.append(variant)
        }
        return variants
    }
}
