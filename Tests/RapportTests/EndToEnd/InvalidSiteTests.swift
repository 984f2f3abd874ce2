import Foundation
import XCTest

/// Each `invalid-*` fixture holds one kind of mistake (or, for `invalid-many-errors`,
/// several in several files) and `expected-stderr.txt`: the exact stderr of
/// `rapport check --today 2026-11-22` run inside it. Both commands must print exactly that,
/// exit 1, and write nothing at all.
final class EndToEndInvalidSiteTests: XCTestCase {
    func testDuplicateID() throws { try assertRejected("invalid-duplicate-id") }
    func testBadDate() throws { try assertRejected("invalid-bad-date") }
    func testRaggedRow() throws { try assertRejected("invalid-ragged-row") }
    func testUnterminatedQuote() throws { try assertRejected("invalid-unterminated-quote") }
    func testNoteForUnknownCustomer() throws { try assertRejected("invalid-note-unknown-customer") }
    func testNoteWithBadYAML() throws { try assertRejected("invalid-note-bad-yaml") }
    func testTemplateParseError() throws { try assertRejected("invalid-template-parse-error") }
    func testUnknownPartial() throws { try assertRejected("invalid-unknown-partial") }
    func testUnknownLetterMergeField() throws { try assertRejected("invalid-letter-merge-field") }
    func testInvalidConfig() throws { try assertRejected("invalid-config") }
    func testManyErrorsAreAllReportedAtOnce() throws { try assertRejected("invalid-many-errors") }

    /// Every invalid fixture on disk has a test above, so a new one cannot be forgotten.
    func testEveryInvalidFixtureIsCovered() throws {
        let covered: Set = [
            "invalid-duplicate-id", "invalid-bad-date", "invalid-ragged-row", "invalid-unterminated-quote",
            "invalid-note-unknown-customer", "invalid-note-bad-yaml", "invalid-template-parse-error",
            "invalid-unknown-partial", "invalid-letter-merge-field", "invalid-config", "invalid-many-errors",
        ]
        let onDisk = Set(try FileManager.default.contentsOfDirectory(atPath: TestSupport.fixtures.path).filter { $0.hasPrefix("invalid-") })
        XCTAssertEqual(onDisk, covered)
    }

    /// Files saved with CRLF line breaks give the same diagnostics, at the same places.
    func testCRLFFilesGiveTheSameDiagnostics() throws {
        let fixtures = try FileManager.default.contentsOfDirectory(atPath: TestSupport.fixtures.path).filter { $0.hasPrefix("invalid-") }.sorted()
        XCTAssertEqual(fixtures.count, 11)
        for fixture in fixtures {
            let site = try TestSupport.copyFixture(fixture, self)
            try EndToEnd.convertToCRLF(site, except: ["expected-stderr.txt"])
            let expected = try EndToEnd.text(site.appendingPathComponent("expected-stderr.txt"))
            let result = try TestSupport.run(["check", "--today", EndToEnd.today], in: site)
            XCTAssertEqual(result.status, 1, fixture)
            XCTAssertEqual(result.stderr, expected, fixture)
        }
    }

    /// `check` and `build` both exit 1 with exactly the expected stderr and nothing on
    /// stdout, and the site folder is left exactly as it was: no `_site`, no staging folder.
    private func assertRejected(_ fixture: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let site = try TestSupport.copyFixture(fixture, self)
        let expected = try EndToEnd.text(site.appendingPathComponent("expected-stderr.txt"))
        XCTAssertTrue(expected.hasSuffix("; nothing was written\n"), "\(fixture)/expected-stderr.txt is not a failed run's stderr", file: file, line: line)
        let before = try EndToEnd.tree(site)
        let parentBefore = EndToEnd.listing(site.deletingLastPathComponent())

        for command in ["check", "build"] {
            let result = try TestSupport.run([command, "--today", EndToEnd.today], in: site)
            XCTAssertEqual(result.status, 1, "rapport \(command) exit status", file: file, line: line)
            XCTAssertEqual(result.stderr, expected, "rapport \(command) stderr", file: file, line: line)
            XCTAssertEqual(result.stdout, "", "rapport \(command) stdout", file: file, line: line)
            XCTAssertFalse(FileManager.default.fileExists(atPath: site.appendingPathComponent("_site").path), "rapport \(command) wrote _site", file: file, line: line)
            XCTAssertEqual(try EndToEnd.tree(site), before, "rapport \(command) changed the site folder", file: file, line: line)
            XCTAssertEqual(EndToEnd.listing(site.deletingLastPathComponent()), parentBefore, "rapport \(command) wrote beside the site folder", file: file, line: line)
        }
    }
}
