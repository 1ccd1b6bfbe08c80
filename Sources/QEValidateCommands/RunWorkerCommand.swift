import ArgumentParser
import Foundation
import QEBench

/// The worker side of `qe-validate run`: times one run in this process and writes its report
/// to standard output. Started by `run`, not by people.
struct RunWorkerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run-worker",
        abstract: "Time one run of the built-in kernels (started by 'qe-validate run').",
        shouldDisplay: false
    )

    @Option(help: "The run's plan, as JSON.")
    var plan: String

    func run() throws {
        let decoded: KernelWorkerPlan
        do {
            decoded = try JSONDecoder().decode(KernelWorkerPlan.self, from: Data(plan.utf8))
        } catch {
            throw CommandFailure.report("run-worker: the plan is not valid: \(error)", .usage)
        }
        do {
            let report = try KernelWorker(plan: decoded).run { progress in
                // Progress goes to the parent as tagged lines; it decides whether to show them.
                if let json = try? JSONEncoder().encode(progress) {
                    FileHandle.standardError.write(Data((KernelSuiteRunner.progressPrefix + String(decoding: json, as: UTF8.self) + "\n").utf8))
                }
            }
            FileHandle.standardOutput.write(try JSONEncoder().encode(report))
        } catch let error as HarnessError {
            throw CommandFailure.report(error.description, .dataError)
        }
    }
}
