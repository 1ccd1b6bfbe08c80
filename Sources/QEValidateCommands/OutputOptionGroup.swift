import ArgumentParser
import QEPresentation

/// `--format` and `--output`: how and where a command writes its document. Declared once for
/// every command that writes one (compare, --claim, gate, variance, baseline show).
struct OutputOptionGroup: ParsableArguments {
    @Option(help: "Output format: text, markdown, json or csv.")
    var format: OutputFormat = .text

    @Option(name: .shortAndLong, help: ArgumentHelp(
        "Write the output to this file (atomically) instead of standard output; '-' is standard output.", valueName: "file"))
    var output: String?

    /// Refuses a format `Document` has no form for (64), before anything is read.
    func check<Document: RenderableDocument>(_: Document.Type, command: String) throws {
        guard format == .json || Document.formats.contains(format) else {
            let names = (Document.formats + [.json]).map(\.rawValue)
            throw ValidationError("\(command) writes \(names.dropLast().joined(separator: ", ")) or \(names.last ?? "json"), not \(format.rawValue)")
        }
    }

    /// Renders `document` as `--format` and writes it to `--output` (standard output without
    /// it, or for `-`).
    /// - Throws: `RenderingError`, `OutputError` (73).
    func write<Document: RenderableDocument>(_ document: Document) throws {
        try OutputDestination(path: output == "-" ? nil : output).write(try render(document, as: format))
    }
}
