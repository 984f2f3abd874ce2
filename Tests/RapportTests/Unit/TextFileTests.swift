import XCTest

@testable import Rapport

final class TextFileTests: XCTestCase {
    private func decode(_ bytes: [UInt8]) -> (text: String?, diagnostics: [String]) {
        var diagnostics = Diagnostics()
        let text = TextFile.decode(bytes, path: "content/notes/C1.md", diagnostics: &diagnostics)
        return (text, diagnostics.all.map(\.description))
    }

    func testUTF8WithoutAByteOrderMarkOrCarriageReturns() {
        let result = decode(Array("---\ncustomer: Zoë\n---\n".utf8) + [0xEF, 0xBB, 0xBF])
        XCTAssertEqual(result.text.map { Array($0.unicodeScalars) }, Array("---\ncustomer: Zoë\n---\n\u{FEFF}".unicodeScalars))
        XCTAssertEqual(result.diagnostics, [])
        XCTAssertEqual(decode([0xEF, 0xBB, 0xBF] + Array("a\r\nb\rc\r\r\nd\r".utf8)).text, "a\nb\nc\n\nd\n")
        XCTAssertEqual(decode([]).text, "")
    }

    /// Text that is not plain UTF-8 still goes the long way: converted with a warning, or
    /// refused at its first bad byte.
    func testOtherTextIsCheckedAsBefore() {
        let utf16 = decode([0xFF, 0xFE] + Array("a\r\nb".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        XCTAssertEqual(utf16.text, "a\nb")
        XCTAssertEqual(utf16.diagnostics, [
            "content/notes/C1.md:1:1: warning: the file is UTF-16 text; reading it as such (save it as UTF-8 to silence this warning)"
        ])
        XCTAssertEqual(decode(Array("a\nbé\0".utf8)).diagnostics, [
            "content/notes/C1.md:2:3: error: the file contains a NUL byte; it is probably not a text file"
        ])
        XCTAssertEqual(decode(Array("a\r\nb".utf8) + [0xE9]).diagnostics, [
            "content/notes/C1.md:2:2: error: the file is not valid UTF-8 (it looks like Windows-1252 or Latin-1); save it as UTF-8"
        ])
    }

    func testLineEndings() {
        XCTAssertEqual("no breaks".withUnixLineEndings, "no breaks")
        XCTAssertEqual(Array("\r\r\n\r\n\r—\r".withUnixLineEndings.utf8), Array("\n\n\n\n—\n".utf8))
        XCTAssertEqual(Array("\r\n\r\u{301}x".withUnixLineEndings.unicodeScalars), Array("\n\r\u{301}x".unicodeScalars))
    }
}
