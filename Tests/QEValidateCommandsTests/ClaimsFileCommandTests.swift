import Foundation
import QETestSupport
import Testing

/// Issue 12, cases 11 and 12, through the executable.
@Suite("Claims files on the command line")
struct ClaimsFileCommandTests {
    @Test func aMisspeltWorkloadInAClaimsFileExits64NamingTheClosest() throws {
        let scratch = try ScratchDirectory()
        let claims = try scratch.write(#"{"default":"2x","coverage-analysys":"100x-200x"}"#, to: "claims.json")
        let result = try ChildRun.run(["--claims", claims, "--results", OutputPathTests.example])
        #expect(result.status == 64)
        #expect(result.stderr.hasPrefix("qe-validate: error: there is a claim for 'coverage-analysys' but no such benchmark in the results (the closest is 'coverage-analysis'; "), "\(result.stderr)")
        #expect(result.stdout.isEmpty)
    }

    @Test func anAliasBombExits64AtOnce() throws {
        let scratch = try ScratchDirectory()
        let claims = try scratch.write(HostileClaimsFiles.aliasBomb, to: "claims.yaml")
        let result = try ChildRun.run(["--claims", claims, "--results", OutputPathTests.example], script: "ulimit -v 2000000")
        #expect(result.status == 64, "\(result.stderr)")
        #expect(result.stderr.contains("once YAML aliases are expanded"))
    }

    @Test func hexadecimalClaimsAndSpeedupMemoryClaimsExit64() throws {
        for arguments in [["--claim", "0x10"], ["--claim", "2x", "--memory-claim", "2x"]] {
            let result = try ChildRun.run(arguments + ["--results", OutputPathTests.example])
            #expect(result.status == 64, "\(arguments)")
        }
    }
}
