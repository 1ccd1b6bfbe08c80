import Foundation
import QEValidation
import Testing

/// Optional fields of the variance documents are written as `null`, read back from `null` or a
/// missing key, and keep their values.
@Suite("Explicit nulls in documents")
struct ExplicitNullTests {
    struct Entry: Codable, Equatable {
        @ExplicitNull var note: String?
        @ExplicitNull var p: Double?
        var name: String
    }

    @Test func absentValuesAreWrittenAsNull() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = String(decoding: try encoder.encode(Entry(note: nil, p: 0.5, name: "a")), as: UTF8.self)
        #expect(json == #"{"name":"a","note":null,"p":0.5}"#)
    }

    @Test func nullsAndMissingKeysReadAsNoValue() throws {
        let decoder = JSONDecoder()
        #expect(try decoder.decode(Entry.self, from: Data(#"{"name":"a","note":null,"p":0.5}"#.utf8)) == Entry(note: nil, p: 0.5, name: "a"))
        #expect(try decoder.decode(Entry.self, from: Data(#"{"name":"a","note":"x"}"#.utf8)) == Entry(note: "x", p: nil, name: "a"))
        #expect(throws: DecodingError.self) { try decoder.decode(Entry.self, from: Data(#"{"name":"a","p":"high"}"#.utf8)) }
    }

    @Test func typedFieldsRefuseUnknownValues() throws {
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([IntervalMethod].self, from: Data(#"["auto"]"#.utf8)) }
        #expect(try JSONDecoder().decode([IntervalMethod].self, from: Data(#"["paired-runs"]"#.utf8)) == [.pairedRuns])
    }
}
