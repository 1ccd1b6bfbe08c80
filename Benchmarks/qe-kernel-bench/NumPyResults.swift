/// NumPy's figures as `scripts/bench/numpy_attention.py` prints them: one line per workload,
/// `workload=NAME ... gflops=X`; other lines (comments, the BLAS description) are ignored.
enum NumPyResults {
    static func parse(_ text: String) -> [String: Double] {
        var result: [String: Double] = [:]
        for line in text.split(separator: "\n") {
            var fields: [Substring: Substring] = [:]
            for field in line.split(separator: " ") {
                let parts = field.split(separator: "=", maxSplits: 1)
                if parts.count == 2 { fields[parts[0]] = parts[1] }
            }
            if let name = fields["workload"], let value = fields["gflops"].flatMap({ Double($0) }) {
                result[String(name)] = value
            }
        }
        return result
    }
}
