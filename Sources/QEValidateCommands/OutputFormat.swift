import ArgumentParser

/// The output formats of the judging commands.
public enum OutputFormat: String, CaseIterable, ExpressibleByArgument, Sendable {
    case text
    case markdown
    case json
    case csv
}
