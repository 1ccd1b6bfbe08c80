import Foundation
import QEFormats
import QEResults
import QEStatistics

/// Judges claimed speedups on pooled results (DESIGN §4).
///
/// For each workload with a claim: the speedup interval at confidence 1 − α/k (Bonferroni over
/// the k judged workloads, so the k intervals hold together), by the method asked for — with
/// `auto`, paired runs when run k of both variants came from the same process and there are 3
/// or more runs, the hierarchical bootstrap for 3 or more unpaired runs, Hodges–Lehmann
/// otherwise — then the verdict of `ClaimedRange.verdict`, and for an inconclusive one an
/// estimate of the data that would decide it.
public struct ClaimJudge: Sendable {
    public var claims: ClaimSet
    public var options: ClaimOptions

    /// Why nothing could be judged.
    public struct JudgementError: Error, Sendable, Equatable, CustomStringConvertible {
        public var description: String
        /// A usage problem (a claim for a workload the data do not have) rather than bad data.
        public var isUsage: Bool
    }

    public init(claims: ClaimSet, options: ClaimOptions) {
        self.claims = claims
        self.options = options
    }

    /// Judges every claimed workload of `pool`.
    /// - Parameter familyAlpha: the error rate of the family (1 − confidence unless a
    ///   sequential design spends less at this look).
    public func judge(pool: ResultsPool, familyAlpha: Double? = nil) throws(JudgementError) -> ClaimDocument {
        let alpha = familyAlpha ?? (1 - options.confidence)
        let variants = VariantChoice.variants(in: pool.sources[0].file)
        let choice = VariantChoice(variants: variants, baseline: options.baselineVariant, candidate: options.candidateVariant)
        let baselineVariant = choice.baseline
        let candidateVariant = choice.candidate
        func known(_ name: String) -> String {
            let closest = ClosestName.closest(to: name, among: pool.names).map { "the closest is '\($0)'; " } ?? ""
            return "(\(closest)benchmarks: \(pool.names.joined(separator: ", ")))"
        }
        for name in claims.namedByUser.sorted() where !pool.names.contains(name) {
            throw JudgementError(
                description: "there is a claim for '\(name)' but no such benchmark in the results \(known(name))",
                isUsage: true)
        }
        for name in options.workloads where !pool.names.contains(name) {
            throw JudgementError(description: "no benchmark named '\(name)' in the results \(known(name))", isUsage: true)
        }
        var notJudged: [String] = []
        var selected: [(name: String, claim: ClaimedRange, baseline: [ResultsPool.TaggedRun], candidate: [ResultsPool.TaggedRun])] = []
        for name in pool.names {
            if !options.workloads.isEmpty && !options.workloads.contains(name) { continue }
            guard let claim = claims.claim(for: name) else {
                notJudged.append("\(name): no claim for it")
                continue
            }
            let baseline = pool.runs(name: name, variant: baselineVariant)
            let candidate = pool.runs(name: name, variant: candidateVariant)
            guard !baseline.isEmpty, !candidate.isEmpty else {
                notJudged.append("\(name): no '\(baseline.isEmpty ? baselineVariant : candidateVariant)' variant")
                continue
            }
            selected.append((name, claim, baseline, candidate))
        }
        guard !selected.isEmpty else {
            throw JudgementError(
                description: "nothing to judge: no benchmark has a claim and both the '\(baselineVariant)' and '\(candidateVariant)' variants"
                    + (notJudged.isEmpty ? "" : " (\(notJudged.joined(separator: "; ")))") + "; \(VariantChoice.advice(variants: variants))",
                isUsage: false)
        }
        let intervalConfidence = 1 - alpha / Double(selected.count)
        var benchmarks: [ClaimedBenchmark] = []
        for entry in selected {
            do {
                benchmarks.append(try judge(
                    name: entry.name, claim: entry.claim, baseline: entry.baseline, candidate: entry.candidate,
                    variants: (baselineVariant, candidateVariant), pool: pool, intervalConfidence: intervalConfidence))
            } catch {
                throw JudgementError(description: "\(entry.name): \(error)", isUsage: false)
            }
        }
        let adjusted = (try? MultipleComparisons.adjustedPValues(benchmarks.compactMap(\.pClaimMinimum), method: .holm)) ?? []
        if adjusted.count == benchmarks.count {
            for index in benchmarks.indices { benchmarks[index].pClaimMinimumHolm = adjusted[index] }
        }
        var warnings = (choice.note.map { [$0] } ?? []) + pool.environmentWarnings
        if !pool.outputsVerified {
            let unverified = pool.sources.filter { $0.file.outputsVerified != true }.map(\.path)
            warnings.append(
                "the outputs of the two variants were never checked to agree in \(unverified.joined(separator: ", ")) (imported or external timings): the verdict assumes they compute the same thing")
        }
        let verdict = OverallVerdict(benchmarks.map(\.verdict))
        var memoryVerdict: OverallVerdict?
        if options.memoryClaim != nil {
            let memory = benchmarks.compactMap(\.memory)
            if memory.isEmpty {
                warnings.append("a memory claim was given, but the results have no memory figures for both variants")
            } else {
                memoryVerdict = OverallVerdict(memory.map { $0.verdict == .validated ? .holds : ($0.verdict == .notValidated ? .refuted : .inconclusive) })
            }
        }
        return ClaimDocument(
            verdict: verdict,
            reason: ClaimReason.sentence(verdict: verdict, benchmarks: benchmarks, confidence: 1 - alpha),
            confidence: 1 - alpha, intervalConfidence: intervalConfidence, claim: claims.global,
            method: options.method, seed: options.seed, bootstrapReplicates: options.bootstrapReplicates,
            unit: pool.unit,
            inputs: pool.sources.map { .init(path: $0.path, suite: $0.file.suite, outputsVerified: $0.file.outputsVerified) },
            benchmarks: benchmarks, notJudged: notJudged, memoryVerdict: memoryVerdict, sequential: nil,
            warnings: warnings)
    }

    private func judge(
        name: String, claim: ClaimedRange, baseline: [ResultsPool.TaggedRun], candidate: [ResultsPool.TaggedRun],
        variants: (String, String), pool: ResultsPool, intervalConfidence: Double
    ) throws(StatisticsError) -> ClaimedBenchmark {
        // Runs are paired when both variants have exactly the same (file, run) blocks.
        let paired = baseline.map { [$0.file, $0.run] } == candidate.map { [$0.file, $0.run] }
        let method = options.method.resolved(
            paired: paired, baselineRuns: baseline.count, candidateRuns: candidate.count)
        let comparator = Comparator(options: ComparisonOptions(
            confidence: intervalConfidence, method: method, seed: options.seed,
            bootstrapReplicates: options.bootstrapReplicates))
        let baselineSide = ComparisonSide(variant: variants.0, file: "", runs: baseline.map(\.samples))
        let candidateSide = ComparisonSide(variant: variants.1, file: "", runs: candidate.map(\.samples))
        let comparison = try comparator.compare(
            name: name, unit: pool.unit, baseline: baselineSide, candidate: candidateSide, paired: paired)
        var warnings = comparison.warnings
        let speedup = comparison.speedup
        // An interval that cannot reach the confidence asked (too few samples: the exact
        // rank-sum interval is then the widest possible one at a lower confidence) decides
        // nothing at that confidence.
        let reachesConfidence = speedup.achievedConfidence >= speedup.confidence - 1e-12
        let verdict = reachesConfidence ? claim.verdict(low: speedup.low, high: speedup.high) : .inconclusive

        // The one-sided test of the claimed minimum, on the same data the interval uses.
        var pClaimMinimum: Double?
        var pairedSpeedup: PairedRunsSpeedup?
        if method == .pairedRuns {
            pairedSpeedup = try? PairedRunsSpeedup(
                baselineRuns: baselineSide.runs, candidateRuns: candidateSide.runs, confidence: intervalConfidence,
                runLevel: Comparator.pairedRunLevel)
            pClaimMinimum = pairedSpeedup?.pValue(above: claim.low)
        } else {
            let shift = Foundation.log(claim.low)
            pClaimMinimum = try? MannWhitneyTest(
                x: baselineSide.pooled.map { Foundation.log($0) - shift }, y: candidateSide.pooled.map(Foundation.log),
                alternative: .greater).pValue
        }

        var differingRuns: [DifferingRuns] = []
        if method != .hodgesLehmann {
            // The comparator warns only where the interval ignores differing runs; a claim's
            // reader is told either way, with what the chosen method does about it.
            for (variant, variation) in [(variants.0, comparison.baselineRuns), (variants.1, comparison.candidateRuns)] {
                // Informational only: said when the runs differ clearly and by a share worth
                // knowing about (a tenth of the variance or more).
                guard let variation, variation.kruskalWallisP < 1 - options.confidence,
                    variation.betweenRunShare >= 0.1
                else { continue }
                let note = DifferingRuns(
                    variant: variant, kruskalWallisP: variation.kruskalWallisP, betweenRunShare: variation.betweenRunShare,
                    method: speedup.method)
                differingRuns.append(note)
                warnings.append(note.sentence)
            }
        }
        let runCount = min(baseline.count, candidate.count)
        if method == .hodgesLehmann && runCount < ComparisonMethod.minimumRunsForBootstrap {
            warnings.append(
                "only \(runCount) run\(runCount == 1 ? "" : "s") per side: the interval pools iterations and cannot see run-to-run variation; measure \(ComparisonMethod.minimumRunsForBootstrap) or more runs")
        }
        var moreData: MoreDataEstimate?
        if !reachesConfidence {
            moreData = .tooFewSamples(
                perSide: min(comparison.baseline.n, comparison.candidate.n), confidence: intervalConfidence)
        } else if verdict == .inconclusive {
            let logHalfWidth = (Foundation.log(speedup.high) - Foundation.log(speedup.low)) / 2
            let logEstimate = Foundation.log(speedup.estimate)
            let logMinimum = Foundation.log(claim.low)
            if method == .hodgesLehmann {
                moreData = .iterations(
                    logEstimate: logEstimate, logMinimum: logMinimum, logHalfWidth: logHalfWidth,
                    iterations: min(comparison.baseline.n, comparison.candidate.n))
            } else {
                moreData = .runs(
                    logEstimate: logEstimate, logMinimum: logMinimum, logHalfWidth: logHalfWidth, runs: runCount,
                    alpha: 1 - intervalConfidence, pairedLogRatios: pairedSpeedup?.logRatios,
                    iterationsPerRun: Self.iterationsPerRun(baseline: baseline, candidate: candidate))
            }
        }
        var memory: MemoryJudgement?
        if let memoryClaim = options.memoryClaim {
            memory = MemoryJudgement(
                claim: memoryClaim, baseline: pool.memory(name: name, variant: variants.0),
                candidate: pool.memory(name: name, variant: variants.1))
        }
        return ClaimedBenchmark(
            name: name, baselineVariant: variants.0, candidateVariant: variants.1, unit: pool.unit,
            claim: claim, baseline: comparison.baseline, candidate: comparison.candidate,
            speedup: speedup, timeRatio: comparison.timeRatio, mannWhitney: comparison.mannWhitney,
            pClaimMinimum: pClaimMinimum, pClaimMinimumHolm: nil, verdict: verdict, moreData: moreData,
            baselineRuns: comparison.baselineRuns, candidateRuns: comparison.candidateRuns,
            memory: memory, warnings: warnings, differingRuns: differingRuns)
    }

    /// Iterations per run for new runs: Kalibera & Jones' optimum for the slower side, with a new
    /// run costing its warm-up plus one iteration's worth of start-up; the current count when
    /// the model gives no optimum.
    static func iterationsPerRun(baseline: [ResultsPool.TaggedRun], candidate: [ResultsPool.TaggedRun]) -> Int {
        let current = baseline.map(\.samples.count).max() ?? 1
        guard baseline.count >= 2, let components = try? VarianceComponents(runs: baseline.map(\.samples)) else {
            return current
        }
        let warmup = Double(baseline.first?.warmup.count ?? 0)
        if case let .iterationsPerRun(optimum)? = try? components.optimalIterationsPerRun(costRatio: warmup + 1) {
            return max(optimum, 2)
        }
        return current
    }
}
