import XCTest

@testable import Rapport

final class CSVReaderTests: XCTestCase {
    private let path = "content/customers.csv"

    /// Reads `bytes`; each field comes back as "line:column value", each diagnostic as its text.
    private func read(_ bytes: [UInt8], delimiter: Character = ",") -> (rows: [[String]], lines: [Int], diagnostics: [String]) {
        var diagnostics = Diagnostics()
        let rows = CSVReader(path: path, delimiter: delimiter.asciiValue!).read(bytes, diagnostics: &diagnostics)
        return (
            rows.map { $0.fields.map { "\($0.line):\($0.column) \($0.value)" } },
            rows.map(\.line),
            diagnostics.all.map(\.description)
        )
    }

    private func read(_ text: String, delimiter: Character = ",") -> (rows: [[String]], lines: [Int], diagnostics: [String]) {
        read(Array(text.utf8), delimiter: delimiter)
    }

    // MARK: Plain reading

    func testFieldsKnowTheirLineAndColumn() {
        let result = read("id,name\nC1,Ann\n")
        XCTAssertEqual(result.rows, [["1:1 id", "1:4 name"], ["2:1 C1", "2:4 Ann"]])
        XCTAssertEqual(result.lines, [1, 2])
        XCTAssertEqual(result.diagnostics, [])
    }

    func testLastRowWithoutLineBreakIsRead() {
        XCTAssertEqual(read("id\nC1").rows, [["1:1 id"], ["2:1 C1"]])
    }

    func testByteOrderMarkIsSkipped() {
        let result = read([0xEF, 0xBB, 0xBF] + Array("id,name\nC1,Ann\n".utf8))
        XCTAssertEqual(result.rows, [["1:1 id", "1:4 name"], ["2:1 C1", "2:4 Ann"]])
        XCTAssertEqual(result.diagnostics, [])
    }

    func testCRLFLineEndings() {
        XCTAssertEqual(read("a,b\r\nc,d\r\n").rows, [["1:1 a", "1:3 b"], ["2:1 c", "2:3 d"]])
    }

    func testLFLineEndings() {
        XCTAssertEqual(read("a,b\nc,d\n").rows, [["1:1 a", "1:3 b"], ["2:1 c", "2:3 d"]])
    }

    func testCRLineEndings() {
        XCTAssertEqual(read("a,b\rc,d\r").rows, [["1:1 a", "1:3 b"], ["2:1 c", "2:3 d"]])
    }

    func testMixedLineEndings() {
        let result = read("a,b\r\nc,d\re,f\ng,h")
        XCTAssertEqual(result.rows, [["1:1 a", "1:3 b"], ["2:1 c", "2:3 d"], ["3:1 e", "3:3 f"], ["4:1 g", "4:3 h"]])
        XCTAssertEqual(result.lines, [1, 2, 3, 4])
    }

    func testOtherDelimiter() {
        XCTAssertEqual(read("id;note\nC1;a,b\n", delimiter: ";").rows, [["1:1 id", "1:4 note"], ["2:1 C1", "2:4 a,b"]])
    }

    // MARK: Quoting

    func testQuotedFieldMayContainTheDelimiter() {
        let result = read("id,note,tag\nC1,\"Hello, world\",vip\n")
        XCTAssertEqual(result.rows[1], ["2:1 C1", "2:4 Hello, world", "2:19 vip"])
        XCTAssertEqual(result.diagnostics, [])
    }

    func testDoubledQuotesInsideAQuotedField() {
        let result = read("\"She said \"\"hi\"\"\",x\n")
        XCTAssertEqual(result.rows, [["1:1 She said \"hi\"", "1:19 x"]])
        XCTAssertEqual(result.diagnostics, [])
    }

    func testQuotedEmptyField() {
        XCTAssertEqual(read("a,\"\",c\n").rows, [["1:1 a", "1:3 ", "1:6 c"]])
    }

    func testLineBreaksInsideQuotesKeepCountingLines() {
        let result = read("id,note,tag\nC1,\"line one\r\nline two\",vip\nC2,x,y\n")
        XCTAssertEqual(result.rows, [
            ["1:1 id", "1:4 note", "1:9 tag"],
            ["2:1 C1", "2:4 line one\nline two", "3:11 vip"],
            ["4:1 C2", "4:4 x", "4:6 y"],
        ])
        XCTAssertEqual(result.lines, [1, 2, 4])
        XCTAssertEqual(result.diagnostics, [])
    }

    func testLoneCRInsideQuotesCountsAsALine() {
        let result = read("\"a\rb\",c\nd\n")
        XCTAssertEqual(result.rows, [["1:1 a\rb", "2:4 c"], ["3:1 d"]])
    }

    // MARK: Columns

    func testColumnsCountCharactersNotBytes() {
        // "ë" and "ü" are two bytes each in UTF-8, "山" and "田" three.
        XCTAssertEqual(read("Zoë,Müller,x\n山田,y\n").rows, [["1:1 Zoë", "1:5 Müller", "1:12 x"], ["2:1 山田", "2:4 y"]])
    }

    func testTrailingDelimiterGivesAnEmptyField() {
        let result = read("a,b,\nc,d,")
        XCTAssertEqual(result.rows, [["1:1 a", "1:3 b", "1:5 "], ["2:1 c", "2:3 d", "2:5 "]])
        XCTAssertEqual(result.diagnostics, [])
    }

    func testEmptyFieldsInTheMiddle() {
        XCTAssertEqual(read("a,,c\n").rows, [["1:1 a", "1:3 ", "1:4 c"]])
    }

    // MARK: Blank lines

    func testBlankLinesAreSkipped() {
        let result = read("id\n\nC1\n\r\n\rC2\n\n")
        XCTAssertEqual(result.rows, [["1:1 id"], ["3:1 C1"], ["6:1 C2"]])
        XCTAssertEqual(result.lines, [1, 3, 6])
    }

    func testALineHoldingOnlyAQuotedEmptyFieldIsARow() {
        // `""` is a value (an empty one), not a blank line.
        XCTAssertEqual(read("name\n\"\"\nB\n").rows, [["1:1 name"], ["2:1 "], ["3:1 B"]])
    }

    func testEmptyInputHasNoRows() {
        let result = read("")
        XCTAssertEqual(result.rows, [])
        XCTAssertEqual(result.diagnostics, [])
    }

    // MARK: Quote errors

    func testUnterminatedQuoteIsReportedAtTheOpeningQuote() {
        let result = read("id,note\nC1,\"never closed\nC2,x\n")
        XCTAssertEqual(result.diagnostics, [
            "content/customers.csv:2:4: error: unterminated quoted field: the quote opened here is never closed"
        ])
        // The rest of the file ends up in the open field; the row is still returned.
        XCTAssertEqual(result.rows, [["1:1 id", "1:4 note"], ["2:1 C1", "2:4 never closed\nC2,x\n"]])
    }

    func testStrayQuoteInAnUnquotedField() {
        let result = read("id,height\nC1,5\" 2\n")
        XCTAssertEqual(result.diagnostics, [
            "content/customers.csv:2:5: error: stray quote in an unquoted field; quote the whole field and double the quote (\"\")"
        ])
        XCTAssertEqual(result.rows[1], ["2:1 C1", "2:4 5\" 2"])
    }

    func testTextAfterTheClosingQuote() {
        let result = read("id,name,x\nC1,\"Ann\" Lee,y\n")
        XCTAssertEqual(result.diagnostics, [
            "content/customers.csv:2:9: error: unexpected text after the closing quote of a field; a quote inside a quoted field must be doubled (\"\")"
        ])
        XCTAssertEqual(result.rows[1], ["2:1 C1", "2:4 Ann Lee", "2:14 y"])
    }

    func testTextAfterTheClosingQuoteOfAMultiLineField() {
        let result = read("\"a\nbc\"d,e\n")
        XCTAssertEqual(result.diagnostics, [
            "content/customers.csv:2:4: error: unexpected text after the closing quote of a field; a quote inside a quoted field must be doubled (\"\")"
        ])
    }

    // MARK: Encodings

    static let utf16Warning = "content/customers.csv:1:1: warning: the file is UTF-16 text; reading it as such (save it as CSV UTF-8 (\"CSV UTF-8 (Comma delimited)\" in Excel) to silence this warning)"

    func testUTF16LittleEndianFileIsConvertedWithAWarning() {
        let bytes: [UInt8] = [0xFF, 0xFE] + "id,name\nC1,Zoë\n".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let result = read(bytes)
        XCTAssertEqual(result.rows, [["1:1 id", "1:4 name"], ["2:1 C1", "2:4 Zoë"]])
        XCTAssertEqual(result.diagnostics, [Self.utf16Warning])
    }

    func testUTF16BigEndianFileIsConvertedWithAWarning() {
        let bytes: [UInt8] = [0xFE, 0xFF] + "id\nC1\n".utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        let result = read(bytes)
        XCTAssertEqual(result.rows, [["1:1 id"], ["2:1 C1"]])
        XCTAssertEqual(result.diagnostics, [Self.utf16Warning])
    }

    func testUTF16WithoutABOMIsRecognisedByItsNULBytes() {
        let bytes: [UInt8] = "id,name\nC1,Ana\n".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let result = read(bytes)
        XCTAssertEqual(result.rows, [["1:1 id", "1:4 name"], ["2:1 C1", "2:4 Ana"]])
        XCTAssertEqual(result.diagnostics, [
            "content/customers.csv:1:1: warning: the file is UTF-16 (little-endian) text; reading it as such (save it as CSV UTF-8 (\"CSV UTF-8 (Comma delimited)\" in Excel) to silence this warning)"
        ])
    }

    func testWindows1252ByteIsReportedWithLineAndColumn() {
        // "Renée" saved as Windows-1252: é is the single byte 0xE9.
        let result = read(Array("id,name\nC1,Ren".utf8) + [0xE9] + Array("e\n".utf8))
        XCTAssertEqual(result.rows, [])
        XCTAssertEqual(result.diagnostics, [
            "content/customers.csv:2:7: error: the file is not valid UTF-8 (it looks like Windows-1252 or Latin-1); save it as CSV UTF-8 (\"CSV UTF-8 (Comma delimited)\" in Excel)"
        ])
    }

    func testInvalidByteColumnCountsCharactersBeforeIt() {
        let result = read(Array("id,a,b\r\nC1,Zoë,Ren".utf8) + [0xE9] + Array("e\r\n".utf8))
        XCTAssertEqual(result.diagnostics, [
            "content/customers.csv:2:11: error: the file is not valid UTF-8 (it looks like Windows-1252 or Latin-1); save it as CSV UTF-8 (\"CSV UTF-8 (Comma delimited)\" in Excel)"
        ])
    }

    func testInvalidByteAfterCRLineEndings() {
        let result = read(Array("id\rC1\r".utf8) + [0xE9])
        XCTAssertEqual(result.diagnostics, [
            "content/customers.csv:3:1: error: the file is not valid UTF-8 (it looks like Windows-1252 or Latin-1); save it as CSV UTF-8 (\"CSV UTF-8 (Comma delimited)\" in Excel)"
        ])
    }

    func testInvalidByteOnTheFirstLineOfAFileWithAByteOrderMark() {
        // The BOM is not a character of the line.
        let result = read([0xEF, 0xBB, 0xBF] + Array("id,n".utf8) + [0xE9])
        XCTAssertEqual(result.diagnostics, [
            "content/customers.csv:1:5: error: the file is not valid UTF-8 (it looks like Windows-1252 or Latin-1); save it as CSV UTF-8 (\"CSV UTF-8 (Comma delimited)\" in Excel)"
        ])
    }

    func testNULByteIsReported() {
        let result = read(Array("id,name\nC1,A".utf8) + [0x00] + Array("n\n".utf8))
        XCTAssertEqual(result.rows, [])
        XCTAssertEqual(result.diagnostics, [
            "content/customers.csv:2:5: error: the file contains a NUL byte; it is probably not a text file"
        ])
    }
}
