import QEFormats
import QEValidation

/// Renders the gate's calibration as a Markdown table (it goes into the README as it is).
struct GateCalibrationRenderer {
    func render(_ table: GateCalibrationTable) -> String {
        let report = table.report
        func rate(_ rate: GateCalibration.Rate?) -> String {
            guard let rate else { return "–" }
            return "\(Self.tenths(rate.fraction))% [\(Self.tenths(rate.low)), \(Self.tenths(rate.high))]"
        }
        let threshold = PercentText.setting(report.threshold)
        let slowdown = PercentText.setting(report.slowdown - 1)
        let nominal = PercentText.setting(report.intervalConfidence)
        var output = "| rule | false failures (A/A) | detects a true \(slowdown) slowdown | interval coverage (nominal \(nominal)) | A/A inconclusive |\n"
        output += "|---|---:|---:|---:|---:|\n"
        for row in report.rows {
            output += "| \(row.rule.title.replacingOccurrences(of: "5%", with: threshold)) | \(rate(row.falseFailures)) | \(rate(row.detections)) | \(rate(row.coverage)) | \(rate(row.inconclusive)) |\n"
        }
        output += "\n"
        output += "\(report.simulations) simulations of \(ProseText.count(report.benchmarks, "benchmark")) gated together, "
        output += "\(report.runs) runs × \(report.iterations) iterations per side; noise (sd of log times): within runs \(report.noise.withinRunSigma), "
        output += "run to run \(report.noise.betweenRunSigma), session \(report.noise.sessionSigma) (\(MarkdownText.escape(table.noiseSource))); threshold \(threshold); "
        output += "family confidence \(PercentText.setting(report.confidence)), each interval \(nominal); seed \(report.seed). "
        output += "Rates with 95% Wilson intervals; coverage is of the true time ratio by the slowed benchmark's interval.\n"
        return output
    }

    /// A fraction as a percentage with one decimal, as the table's rates are written: 4.5.
    static func tenths(_ fraction: Double) -> String {
        NumberText.fixed(fraction * 100, decimals: 1)
    }
}
