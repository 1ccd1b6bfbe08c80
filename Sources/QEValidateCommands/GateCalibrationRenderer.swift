import Foundation
import QEValidation

/// The calibration table as Markdown (it goes into the README as it is).
enum GateCalibrationRenderer {
    static func markdown(_ report: GateCalibration.Report, noiseSource: String) -> String {
        func rate(_ rate: GateCalibration.Rate?) -> String {
            guard let rate else { return "–" }
            return String(format: "%.1f%% [%.1f, %.1f]", rate.fraction * 100, rate.low * 100, rate.high * 100)
        }
        let threshold = String(format: "%g%%", report.threshold * 100)
        let slowdown = String(format: "%g%%", (report.slowdown - 1) * 100)
        let nominal = String(format: "%g%%", report.intervalConfidence * 100)
        var output = "| rule | false failures (A/A) | detects a true \(slowdown) slowdown | interval coverage (nominal \(nominal)) | A/A inconclusive |\n"
        output += "|---|---:|---:|---:|---:|\n"
        for row in report.rows {
            output += "| \(row.rule.title.replacingOccurrences(of: "5%", with: threshold)) | \(rate(row.falseFailures)) | \(rate(row.detections)) | \(rate(row.coverage)) | \(rate(row.inconclusive)) |\n"
        }
        output += "\n"
        output += "\(report.simulations) simulations of \(report.benchmarks) benchmark\(report.benchmarks == 1 ? "" : "s") gated together, "
        output += "\(report.runs) runs × \(report.iterations) iterations per side; noise (sd of log times): within runs \(report.noise.withinRunSigma), "
        output += "run to run \(report.noise.betweenRunSigma), session \(report.noise.sessionSigma) (\(noiseSource)); threshold \(threshold); "
        output += String(format: "family confidence %g%%, each interval %g%%; seed %llu. ", report.confidence * 100, report.intervalConfidence * 100, report.seed)
        output += "Rates with 95% Wilson intervals; coverage is of the true time ratio by the slowed benchmark's interval.\n"
        return output
    }
}
