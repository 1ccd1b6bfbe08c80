import ArgumentParser
import Foundation
import QEValidateCommands

/// Runs a command in process, the way the executable would, and reports its exit code.
enum CommandRunner {
    /// Parses `arguments` (without the program name) and runs the command.
    /// - Returns: the exit code the executable would end with.
    static func run(_ arguments: [String]) async -> Int32 {
        do {
            var command = try QEValidate.parseAsRoot(arguments)
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
            return 0
        } catch {
            return QEValidate.exitCode(for: error).rawValue
        }
    }
}
