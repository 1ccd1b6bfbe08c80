import QEValidation

/// A report (`qe-validate/report@1`): a claim's judgement with everything a reviewer needs to
/// trust it or check it — the distributions behind it, the methods, the environment and the
/// exact command, the SHA-256 and the full text of the raw data, what the data cannot support,
/// and the sign-off.
///
/// Written as `NAME.json` (canonical bytes: see ``ReportJSON``), rendered as `NAME.md` and
/// `NAME.html`, and signed as `NAME.json.sig`. Every field is computed by ``ReportBuilder`` from
/// ``request`` and ``rawData`` alone, which `verify` uses to recompute and check it.
public struct ReportDocument: Sendable, Codable, Equatable {
    public static let schemaName = "qe-validate/report@1"

    public var schema: String = ReportDocument.schemaName
    public var title: String
    /// What was asked: every input of the report besides the raw data.
    public var request: ReportRequest
    /// The claim's verdict document (`qe-validate/verdict@1`): overall verdict and reason, and
    /// per workload the estimate, interval, p-values, method, verdict and warnings.
    public var judgement: ClaimDocument
    /// Per judged workload: both variants' distributions, run by run.
    public var distributions: [WorkloadDistribution]

    // MARK: Optional sections (see ReportSection)

    /// Memory figures of the judged workloads; nil when the results have none.
    public var memory: MemorySection?
    /// Run-to-run variance of the judged workloads (`RunVarianceAnalysis`); absent in reports
    /// made before it existed.
    public var variance: VarianceSection?
    /// Gate results (`report --baseline`): the results judged against a baseline as
    /// `qe-validate gate` judges them; nil without a baseline.
    public var gate: GateSection?
    /// The sweep's points, crossover and scaling fits when the results file is a sweep; nil
    /// otherwise.
    public var sweep: SweepSection?

    // MARK: Always present

    /// What was computed and why, one statement each.
    public var methods: [String]
    /// Where and how each input was measured.
    public var environment: [InputEnvironment]
    /// What this data cannot support.
    public var limitations: [String]
    /// The raw data, byte for byte, with their SHA-256 digests.
    public var rawData: [EmbeddedResults]
    public var signOff: SignOff

    /// The optional sections present, in the order every rendering shows them (after the
    /// distributions, before the methods).
    public var optionalSections: [any ReportSection] {
        let sections: [(any ReportSection)?] = [sweep, variance, memory, gate]
        return sections.compactMap { $0 }
    }
}
