import Foundation
import QEResults
import QEStatistics
import QEValidation

/// Computes a report from its inputs: the request and the raw data. Nothing else goes in —
/// no clock, no environment, no file besides the embedded ones — so the same inputs give the
/// same report, byte for byte, and `verify` can recompute one from what it embeds.
public enum ReportBuilder {
    /// Builds the report of `rawData` (the embedded results files) as `request` asks.
    /// - Throws: the error of the step that failed: ``ReportError`` for a malformed key or
    ///   request, `ResultsError` for a results file that does not read or validate,
    ///   `ResultsPool.PoolError` for files that cannot be pooled, `ClaimJudge.JudgementError`
    ///   when nothing can be judged, `StatisticsError` when a summary cannot be computed,
    ///   `SweepError` when a sweep's points cannot be compared.
    public static func build(request: ReportRequest, rawData: [EmbeddedResults]) throws -> Report {
        var sources: [ResultsPool.Source] = []
        for entry in rawData where entry.role == .results {
            sources.append(.init(path: entry.path, file: try ResultsFile(jsonBytes: Array(entry.content.utf8), source: entry.path)))
        }
        let pool = try ResultsPool(sources)
        let judge = ClaimJudge(claims: request.claims.claimSet, options: request.claimOptions())
        var judgement = try judge.judge(pool: pool)
        // Batch means (another tool's samples) describe less variation than single iterations.
        judgement.warnings += pool.sources.flatMap { ResultsInput.warnings(for: $0.file, path: $0.path) }
        let distributions = try judgement.benchmarks.map { try distribution(of: $0, in: pool) }
        let memory = MemorySection(judgement: judgement, pool: pool)
        let variance = try VarianceSection(judgement: judgement, pool: pool, confidence: request.confidence)
        let gate = try GateSection.make(request: request, rawData: rawData, pool: pool)
        let sweep = try SweepSection(request: request, pool: pool)
        let environment = pool.sources.map { InputEnvironment(path: $0.path, file: $0.file) }
        let document = ReportDocument(
            title: request.title ?? defaultTitle(judgement: judgement, suite: pool.suite),
            request: request,
            judgement: judgement,
            distributions: distributions,
            memory: memory,
            variance: variance,
            gate: gate,
            sweep: sweep,
            methods: ReportMethods.statements(judgement: judgement, request: request),
            environment: environment,
            limitations: ReportLimitations.statements(
                judgement: judgement, pool: pool, distributions: distributions, memory: memory, environment: environment),
            rawData: rawData,
            signOff: try signOff(request))
        return Report(document: document, pool: pool)
    }

    static func defaultTitle(judgement: ClaimDocument, suite: String) -> String {
        guard let first = judgement.benchmarks.first else { return suite }
        return "\(suite): \(first.candidateVariant) against \(first.baselineVariant), judged against the claimed speedups"
    }

    static func distribution(of benchmark: ClaimedBenchmark, in pool: ResultsPool) throws(StatisticsError) -> WorkloadDistribution {
        let baselineRuns = pool.runs(name: benchmark.name, variant: benchmark.baselineVariant)
        let candidateRuns = pool.runs(name: benchmark.name, variant: benchmark.candidateVariant)
        func variant(_ name: String, _ runs: [ResultsPool.TaggedRun], _ variation: BenchmarkComparison.RunVariation?) throws(StatisticsError) -> WorkloadDistribution.Variant {
            var described: [WorkloadDistribution.Variant.Run] = []
            for run in runs {
                described.append(.init(file: run.file, run: run.run, box: try BoxSummary(run.samples)))
            }
            return .init(variant: name, pooled: try BoxSummary(runs.flatMap(\.samples)), runs: described, runVariation: variation)
        }
        var runSpeedups: [Double]?
        if baselineRuns.map({ [$0.file, $0.run] }) == candidateRuns.map({ [$0.file, $0.run] }) {
            runSpeedups = zip(baselineRuns, candidateRuns).map { baseline, candidate in
                exp(meanLog(baseline.samples) - meanLog(candidate.samples))
            }
        }
        var parameters: [String: String] = [:]
        for source in pool.sources {
            for variantName in [benchmark.baselineVariant, benchmark.candidateVariant] {
                for (key, value) in source.file.benchmark(name: benchmark.name, variant: variantName)?.parameters ?? [:]
                where parameters[key] == nil {
                    parameters[key] = value.description
                }
            }
        }
        return WorkloadDistribution(
            name: benchmark.name, unit: benchmark.unit, parameters: parameters,
            baseline: try variant(benchmark.baselineVariant, baselineRuns, benchmark.baselineRuns),
            candidate: try variant(benchmark.candidateVariant, candidateRuns, benchmark.candidateRuns),
            runSpeedups: runSpeedups)
    }

    /// The mean of the logs, the per-run quantity of the paired-runs method.
    static func meanLog(_ samples: [Double]) -> Double {
        samples.reduce(0) { $0 + log($1) } / Double(samples.count)
    }

    static func signOff(_ request: ReportRequest) throws(ReportError) -> SignOff {
        let key = try request.signingKey.map { pem throws(ReportError) in
            try ReportPublicKey(pem: pem, source: "\(request.name).json: request.signingKey")
        }
        let statement: String
        switch (request.signedOffBy, key) {
        case let (name?, key?):
            statement = "Signed off by \(name) on \(request.date) with Ed25519 key \(key.fingerprint): the verdicts and figures in this report were computed by qe-validate from the raw data it embeds, and qe-validate verify recomputes them."
        case let (nil, key?):
            statement = "Signed on \(request.date) with Ed25519 key \(key.fingerprint), by nobody named: the verdicts and figures were computed by qe-validate from the raw data this report embeds."
        case let (name?, nil):
            statement = "Signed off by \(name) on \(request.date), without a key: qe-validate verify can recompute the figures, but nothing shows who made the report or that it is unchanged."
        case (nil, nil):
            statement = "Not signed off, and not signed: qe-validate verify can recompute the figures, but nothing shows who made the report or that it is unchanged."
        }
        return SignOff(
            name: request.signedOffBy, date: request.date, publicKeyFingerprint: key?.fingerprint,
            publicKey: key?.pemRepresentation, statement: statement)
    }
}
