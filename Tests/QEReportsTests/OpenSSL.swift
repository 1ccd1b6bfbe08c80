import Foundation
import Testing

/// Runs the `openssl` command line tool, the independent implementation the signatures must
/// agree with. `scripts/ensure-deps.sh` installs it where it is missing.
enum OpenSSL {
    static func path() throws -> String {
        for directory in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let candidate = "\(directory)/openssl"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        throw OpenSSLMissing()
    }

    struct OpenSSLMissing: Error, CustomStringConvertible {
        var description: String { "openssl is not installed: run scripts/ensure-deps.sh (it installs Debian's openssl)" }
    }

    /// Runs `openssl arguments...`; returns its exit status and standard output.
    @discardableResult
    static func run(_ arguments: [String]) throws -> (status: Int32, output: [UInt8], error: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try path())
        process.arguments = arguments
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let output = out.fileHandleForReading.readDataToEndOfFile()
        let error = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, Array(output), String(decoding: error, as: UTF8.self))
    }
}
