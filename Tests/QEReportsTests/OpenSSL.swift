import Foundation
import QETestSupport
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
        let run = try CapturedRun.run(URL(fileURLWithPath: try path()), arguments)
        return (run.status, run.output, run.stderr)
    }
}
