/// A package-benchmark benchmark's name and tags, and the (name, variant) they give: a
/// `variant` tag is the variant; the other tags stay in the name as package-benchmark shows
/// them (`sum (size: 1024)`).
struct PackageBenchmarkName {
    /// The name as the file writes it (the tool name `--name-pattern` is searched in).
    var written: String
    var name: String
    var variant: String?
    var parameters: [String: ParameterValue] = [:]

    /// From a baseline: the display name (`sum (variant: baseline)`) and the tags.
    init(displayName: String, tags: [String: String]) {
        let shown = Self.tagText(tags, pair: ": ", separator: ", ")
        let base = !tags.isEmpty && displayName.hasSuffix(" (\(shown))")
            ? String(displayName.dropLast(shown.count + 3)) : displayName
        self.init(written: displayName, base: base, tags: tags, pair: ": ", separator: ", ", open: " (")
    }

    /// From an export's name, where spaces became `_`: `sum_(variant:_baseline)`.
    init(exportedName: String) {
        var tags: [String: String] = [:]
        var base = exportedName
        if exportedName.hasSuffix(")"), let open = exportedName.range(of: "_(", options: .backwards) {
            let inside = exportedName[open.upperBound..<exportedName.index(before: exportedName.endIndex)]
            var parsed: [String: String] = [:]
            for pair in inside.components(separatedBy: ",_") {
                guard let colon = pair.range(of: ":_") else { parsed = [:]; break }
                parsed[String(pair[..<colon.lowerBound])] = String(pair[colon.upperBound...])
            }
            if !parsed.isEmpty {
                tags = parsed
                base = String(exportedName[..<open.lowerBound])
            }
        }
        self.init(written: exportedName, base: base, tags: tags, pair: ":_", separator: ",_", open: "_(")
    }

    private init(written: String, base: String, tags: [String: String], pair: String, separator: String, open: String) {
        self.written = written
        variant = tags["variant"]
        var others = tags
        others["variant"] = nil
        for (key, value) in others { parameters[key] = .string(value) }
        name = others.isEmpty ? base : base + open + Self.tagText(others, pair: pair, separator: separator) + ")"
    }

    /// The benchmark with one run of `samples`.
    func benchmark(samples: [Double], kind: SampleKind) -> ImportedBenchmark {
        ImportedBenchmark(toolName: written, name: name, variant: variant, qualifiedName: written,
                          parameters: parameters, runs: [BenchmarkRun(samples: samples)], sampleKind: kind)
    }

    /// Tags as package-benchmark appends them: sorted by key, `key: value` joined by `, `.
    private static func tagText(_ tags: [String: String], pair: String, separator: String) -> String {
        tags.sorted { $0.key < $1.key }.map { "\($0.key)\(pair)\($0.value)" }.joined(separator: separator)
    }
}
