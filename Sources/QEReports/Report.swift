import QEResults
import QEValidation

/// A built report: the document, and the raw data it was computed from, parsed, for the
/// renderers' plots.
public struct Report: Sendable {
    public var document: ReportDocument
    /// The embedded results files as one pool (in the order of `document.rawData`).
    public var pool: ResultsPool
}
