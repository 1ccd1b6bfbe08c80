import Foundation

/// The real output files of each tool, copied from `../shared/fixtures` into `Fixtures/` (see
/// `Fixtures/README.md` for how each was made), found through `#filePath`.
enum ImportFixtures {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures").path

    /// The path of `relative` (e.g. `hyperfine/compare.json`) inside the fixtures.
    static func path(_ relative: String) -> String { directory + "/" + relative }

    /// The bytes of a fixture file.
    static func bytes(_ relative: String) throws -> [UInt8] {
        Array(try Data(contentsOf: URL(fileURLWithPath: path(relative))))
    }
}
