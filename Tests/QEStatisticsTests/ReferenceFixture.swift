import Foundation
import QETestSupport
import Testing

/// R-generated reference values (scripts/reference/*.R), read from `Reference/` next to this
/// file, so the tests need no R.
enum ReferenceFixture {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()
        .appendingPathComponent("Reference")

    /// Decodes `Reference/<name>`. A missing or malformed fixture is a broken checkout, so it
    /// stops the test run with the reason.
    static func load<Fixture: Decodable>(_ name: String, as type: Fixture.Type = Fixture.self) -> Fixture {
        do {
            let data = try Data(contentsOf: directory.appendingPathComponent(name))
            return try JSONDecoder().decode(Fixture.self, from: data)
        } catch {
            fatalError("cannot read reference fixture \(name): \(error)")
        }
    }
}

/// Expects `actual` to match `expected`, both possibly absent (R's NA, or no result).
func expectClose(_ actual: Double?, _ expected: Double?, relative: Double, absolute: Double = 0,
                 _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
    switch (actual, expected) {
    case (nil, nil):
        return
    case let (actual?, expected?):
        #expect(isClose(actual, expected, relative: relative, absolute: absolute),
                "\(what): got \(actual), R gives \(expected)", sourceLocation: sourceLocation)
    default:
        Issue.record("\(what): got \(String(describing: actual)), R gives \(String(describing: expected))",
                     sourceLocation: sourceLocation)
    }
}
