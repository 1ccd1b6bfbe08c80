/// Inline results files for the tests. `minimal` is the smallest valid file; the invalid cases
/// change one thing in it.
enum Fixtures {
    /// A valid file with one benchmark of two runs (text laid out on several lines so line and
    /// column numbers can be checked).
    static let valid = """
        {
          "schema": "qe-validate/results@1",
          "suite": "flash-attention",
          "unit": "ns",
          "createdAt": "2026-11-26T15:00:00Z",
          "environment": { "host": "ci-1", "os": "Debian GNU/Linux 12", "cores": 2,
                           "toolchain": "Swift 6.3.1", "build": "release",
                           "futureKey": { "ignored": [1, 2, "x"] } },
          "benchmarks": [
            { "name": "test-similarity", "variant": "baseline",
              "parameters": { "seqLen": 512, "dim": 768, "causal": false, "dtype": "float32" },
              "runs": [ { "samples": [13367000, 13412000], "warmup": [14001000],
                          "startedAt": "2026-11-26T15:00:01Z" },
                        { "samples": [13390000, 1.2345678901234567e-05, 1e308] } ],
              "memory": { "workingSetBytes": 1048576, "peakAllocatedBytes": 1052672 } },
            { "name": "test-similarity", "variant": "flash",
              "runs": [ { "samples": [3300000, 3310000.5] }, { "samples": [3290000] } ] }
          ]
        }
        """

    /// A minimal valid file whose parts can be replaced.
    static func minimal(
        schema: String = #""schema": "qe-validate/results@1","#,
        unit: String = #""ns""#,
        benchmarks: String = #"[ { "name": "a", "variant": "base", "runs": [ { "samples": [1, 2] } ] } ]"#,
        extra: String = ""
    ) -> String {
        """
        { \(schema) "suite": "s", "unit": \(unit), \(extra)
          "benchmarks": \(benchmarks) }
        """
    }

    /// A minimal file whose benchmark `a (base)` has the given runs.
    static func withRuns(_ runs: String) -> String {
        minimal(benchmarks: #"[ { "name": "a", "variant": "base", "runs": "# + runs + " } ]")
    }
}
