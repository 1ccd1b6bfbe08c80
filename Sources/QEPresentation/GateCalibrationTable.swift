import QEValidation

/// The gate's calibration with where its noise levels came from, as `gate-calibration`
/// writes it: Markdown (the README's table) or JSON (the report alone, as before).
public struct GateCalibrationTable: Sendable, Encodable {
    public var report: GateCalibration.Report
    /// "given", or the file the noise was estimated from.
    public var noiseSource: String

    public init(report: GateCalibration.Report, noiseSource: String) {
        self.report = report
        self.noiseSource = noiseSource
    }

    /// The JSON is the calibration report's own.
    public func encode(to encoder: any Encoder) throws {
        try report.encode(to: encoder)
    }
}

extension GateCalibrationTable: RenderableDocument {
    public static let formats: [OutputFormat] = [.markdown]

    public func rendered(as format: OutputFormat) -> String {
        GateCalibrationRenderer().render(self)
    }
}
