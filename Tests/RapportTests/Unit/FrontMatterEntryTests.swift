import XCTest

@testable import Rapport

/// Plain `customer:` and `follow_up:` lines are read without the YAML reader. They must
/// come out exactly as that reader gives them, places included, and anything else must be
/// left to it.
final class FrontMatterEntryTests: XCTestCase {
    private let path = "content/notes/C1.md"

    /// Front matter read directly.
    private let plain = [
        "customer: C-000123",
        "customer: 007",
        "customer: C-1   ",
        "customer:    C-1",
        "customer: C 1",
        "customer: C  1 ",
        "customer: Zoë-1",
        "customer: 顧客-1",
        "customer: Ünal",
        "customer: yes",
        "customer: null",
        "customer: 1e5",
        "customer: Ann's (old) card, A-1/B+2 now! ok? & done.",
        "customer: C-1\nfollow_up: 2026-11-25 — ring to check how the colour has settled",
        "follow_up: 2026-11-25 — ring\ncustomer: C-1",
        "follow_up: next week",
    ]

    /// Front matter left to the YAML reader: quoting, comments, collections, anchors and
    /// aliases, tags, block scalars, indicators, empty values, repeated or unknown keys,
    /// characters libyaml rejects or takes for line breaks, blank lines.
    private let notPlain = [
        "", "customer:", "customer: ", "customer:C-1", "customer : C-1", " customer: C-1", "Customer: C-1",
        "customer: 'C-1'", "customer: \"C-1\"", "customer: C-1 # note", "customer: C#1", "customer: a: b", "customer: a:b",
        "customer: [C-1]", "customer: {id: C-1}", "customer: &a C-1", "customer: *a", "customer: !tag C-1",
        "customer: !!str 007", "customer: |", "customer: >", "customer: -C-1", "customer: - C-1", "customer: ~",
        "customer: %x", "customer: @x", "customer: `x`", "customer: ?x", "customer: ,x", "customer: C\t1",
        "customer:\tC-1", "customer: C-1\t", "customer: C-1\r", "customer: a\u{2028}b", "customer: a\u{85}b",
        "customer: \u{FEFF}C-1", "customer: a\u{0}b", "customer: a\u{7F}b", "customer: a\u{9F}b", "customer: a\u{FFFE}b",
        "customer: C-1\ncustomer: C-2", "customer: C-1\n\nfollow_up: x", "customer: C-1\n", "customer: C-1\ncolour: red",
        "customer: C-1\nfollow_up:\n  - 2026-11-25 — a\n  - b", "customer: C-1\n  more", "--- customer: C-1",
        "customer: C-1\n...", "%YAML 1.1\n---\ncustomer: C-1", "? customer\n: C-1", "customer: a\\b", "customer: \u{A0}C-1",
        "customer: \u{301}C-1", "customer: —1",
    ]

    private func plainEntries(_ yaml: String) -> [FrontMatterEntry]? {
        FrontMatterEntry.plainEntries(yaml, keys: NoteLoader.frontMatterKeys, path: path, lineOffset: 1)
    }

    func testPlainFrontMatterIsReadDirectly() {
        for yaml in plain {
            XCTAssertNotNil(plainEntries(yaml), yaml)
        }
    }

    func testOtherFrontMatterIsLeftToTheYAMLReader() {
        for yaml in notPlain {
            XCTAssertNil(plainEntries(yaml), yaml.debugDescription)
        }
    }

    /// Every front matter, read as notes read it (directly where it can be), gives the
    /// entries and diagnostics the YAML reader gives.
    func testEveryFrontMatterReadsAsTheYAMLReaderReadsIt() {
        for yaml in plain + notPlain {
            let parts = FrontMatter(yaml: yaml, yamlLineOffset: 1, bodyText: "", bodyLineOffset: 3, hasFrontMatter: true)
            var read = Diagnostics()
            let entries = NoteLoader.frontMatterEntries(parts, path: path, diagnostics: &read)
            var expected = Diagnostics()
            let document = YAMLDocument(yaml, path: path, lineOffset: 1, diagnostics: &expected)
            XCTAssertEqual(entries, document.map(FrontMatterEntry.entries(of:)), yaml.debugDescription)
            XCTAssertEqual(read.all.map(\.description), expected.all.map(\.description), yaml.debugDescription)
        }
    }

    func testPlainEntriesPointAtTheKeyAndTheValue() throws {
        let entries = try XCTUnwrap(plainEntries("customer:   C-1  \nfollow_up: 2026-11-25 — ring"))
        XCTAssertEqual(entries.map(\.key), ["customer", "follow_up"])
        XCTAssertEqual(entries.map(\.text), ["C-1", "2026-11-25 — ring"])
        XCTAssertEqual(entries.map(\.keyLocation), [SourceLocation(path: path, line: 2, column: 1), SourceLocation(path: path, line: 3, column: 1)])
        XCTAssertEqual(entries.map(\.location), [SourceLocation(path: path, line: 2, column: 13), SourceLocation(path: path, line: 3, column: 12)])
        XCTAssertEqual(entries.map(\.items), [[], []])
    }

    /// A CRLF note reads as the same note with LF lines.
    func testCRLFFrontMatterReadsAsLF() throws {
        for yaml in plain {
            let lf = try FrontMatter.split("---\n\(yaml)\n---\nBody\n")
            let crlf = try FrontMatter.split("---\r\n\(yaml.replacingOccurrences(of: "\n", with: "\r\n"))\r\n---\r\nBody\r\n")
            XCTAssertEqual(Array(crlf.yaml.utf8), Array(lf.yaml.utf8), yaml)
            XCTAssertEqual(crlf.bodyLineOffset, lf.bodyLineOffset, yaml)
        }
    }
}
