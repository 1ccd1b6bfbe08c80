import QEPresentation
import Testing

/// The one text table, CSV writer and JSON form every renderer uses.
@Suite("Tables and JSON")
struct TableTests {
    @Test func textTablesAlignColumnsAndTrimTrailingSpaces() {
        let table = TextTable([["name", "n", "note"], ["a¹", "1000", ""], ["longer", "5", "x"]], rightAligned: [1])
        #expect(table.text() == "name       n  note\na¹      1000\nlonger     5  x\n")
        #expect(TextTable([["a", "b", "c"], ["1", "2", "3"]], leftColumns: 1).rightAligned == [1, 2])
        #expect(TextTable([], rightAligned: []).text() == "")
    }

    @Test(arguments: [
        ("plain", "plain"), ("a,b", "\"a,b\""), ("say \"hi\"", "\"say \"\"hi\"\"\""), ("two\nlines", "\"two\nlines\""), ("cr\r", "\"cr\r\""),
    ])
    func csvFieldsAreQuotedWhenTheyMustBe(text: String, field: String) {
        #expect(CSVText.field(text) == field)
    }

    @Test func csvDocumentsEndWithANewline() {
        #expect(CSVText.document(header: ["a", "b"], rows: [["1", "x,y"]]) == "a,b\n1,\"x,y\"\n")
        #expect(CSVText.optional(nil) == "" && CSVText.optional(0.5) == "0.5")
    }

    @Test func jsonIsSortedIndentedAndWritesInfinitiesAsStrings() throws {
        struct Sample: Encodable { var b = Double.infinity; var a = "x/y"; var c: Double? = nil }
        #expect(try DocumentJSON.string(Sample()) == "{\n  \"a\" : \"x/y\",\n  \"b\" : \"Infinity\"\n}\n")
    }

    @Test func footnoteMarksAreSuperscriptDigits() {
        #expect(FootnoteMarks.mark(1) == "¹" && FootnoteMarks.mark(10) == "¹⁰" && FootnoteMarks.mark(203) == "²⁰³")
    }
}
