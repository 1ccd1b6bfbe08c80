import Foundation

/// The process ID of a process that has ended (and been reaped), for tests of what qe-validate
/// does with files that dead processes left behind.
public enum DeadProcess {
    public static func identifier() throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/true")
        try process.run()
        process.waitUntilExit()
        return process.processIdentifier
    }
}
