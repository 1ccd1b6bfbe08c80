// Drives QEBisect from the command line for scripts/bisect/compare.py until `qe-validate
// bisect` exists: the JSON document on standard output; exit 0 when one commit is named, 3
// otherwise, 1 on an error.
//
//   qe-bisect-driver --repository DIR --good REV --bad REV --command CMD [--build CMD]
//                    [--clock wall|cpu] [--threshold 0.05] [--confidence 0.95] [--max-runs 20]
//                    [--budget SECONDS]
import Foundation
import QEBench
import QEBisect
import QEValidation

var values: [String: String] = [:]
var arguments = CommandLine.arguments.dropFirst()
while let name = arguments.popFirst() {
    guard name.hasPrefix("--"), let value = arguments.popFirst() else {
        FileHandle.standardError.write(Data("qe-bisect-driver: expected --NAME VALUE pairs, got \(name)\n".utf8))
        exit(1)
    }
    values[String(name.dropFirst(2))] = value
}
guard let good = values["good"], let bad = values["bad"], let command = values["command"] else {
    FileHandle.standardError.write(Data("qe-bisect-driver: --good, --bad and --command are required\n".utf8))
    exit(1)
}
let setup = BisectSetup(
    kind: .command, command: command, clock: BisectSetup.Clock(rawValue: values["clock"] ?? "wall"), build: values["build"])
let options = BisectOptions(
    threshold: Double(values["threshold"] ?? "") ?? BisectOptions.defaultThreshold,
    confidence: Double(values["confidence"] ?? "") ?? BisectOptions.defaultConfidence,
    maxRuns: Int(values["max-runs"] ?? "") ?? BisectOptions.defaultMaxRuns)
let request = BisectRequest(
    repository: values["repository"] ?? ".", good: good, bad: bad, setup: setup, options: options,
    budget: values["budget"].flatMap(Double.init))
let interruption = BisectInterruption()
interruption.installSignalHandlers()
do {
    let document = try Bisector(request: request, interruption: interruption, progress: ProgressDisplay(quiet: false)).run()
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    FileHandle.standardOutput.write(try encoder.encode(document) + Data("\n".utf8))
    exit(document.conclusion == .named ? 0 : 3)
} catch {
    FileHandle.standardError.write(Data("qe-bisect-driver: \(error)\n".utf8))
    exit(1)
}
