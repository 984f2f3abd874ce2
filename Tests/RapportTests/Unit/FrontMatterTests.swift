import XCTest

@testable import Rapport

final class FrontMatterTests: XCTestCase {
    func testTextWithoutFrontMatterIsAllBody() throws {
        let parts = try FrontMatter.split("Hello\n---\nmore\n")
        XCTAssertFalse(parts.hasFrontMatter)
        XCTAssertEqual(parts.yaml, "")
        XCTAssertEqual(parts.body, "Hello\n---\nmore\n")
        XCTAssertEqual(parts.bodyLineOffset, 0)
        XCTAssertEqual(parts.yamlLineOffset, 0)
    }

    func testEmptyText() throws {
        let parts = try FrontMatter.split("")
        XCTAssertFalse(parts.hasFrontMatter)
        XCTAssertEqual(parts.body, "")
    }

    func testSplitsYAMLAndBodyWithTheirLineOffsets() throws {
        let parts = try FrontMatter.split("---\ncustomer: C1\ntitle: x\n---\nBody line\n\n---\nafter a rule\n")
        XCTAssertTrue(parts.hasFrontMatter)
        XCTAssertEqual(parts.yaml, "customer: C1\ntitle: x")
        XCTAssertEqual(parts.yamlLineOffset, 1)
        XCTAssertEqual(parts.body, "Body line\n\n---\nafter a rule\n")
        // Body line 1 is file line 5.
        XCTAssertEqual(parts.bodyLineOffset, 4)
    }

    func testByteOrderMarkBeforeTheFence() throws {
        let parts = try FrontMatter.split("\u{FEFF}---\ncustomer: C1\n---\nBody\n")
        XCTAssertTrue(parts.hasFrontMatter)
        XCTAssertEqual(parts.yaml, "customer: C1")
        XCTAssertEqual(parts.body, "Body\n")
    }

    func testCRLFLines() throws {
        let parts = try FrontMatter.split("---\r\ncustomer: C1\r\n---\r\nBody\r\n")
        XCTAssertEqual(parts.yaml, "customer: C1")
        XCTAssertEqual(parts.body, "Body\r\n")
        XCTAssertEqual(parts.bodyLineOffset, 3)
    }

    func testDotsCloseTheFrontMatter() throws {
        let parts = try FrontMatter.split("---\ncustomer: C1\n...\nBody\n")
        XCTAssertEqual(parts.yaml, "customer: C1")
        XCTAssertEqual(parts.body, "Body\n")
    }

    func testEmptyFrontMatter() throws {
        let parts = try FrontMatter.split("---\n---\nBody\n")
        XCTAssertTrue(parts.hasFrontMatter)
        XCTAssertEqual(parts.yaml, "")
        XCTAssertEqual(parts.body, "Body\n")
        XCTAssertEqual(parts.bodyLineOffset, 2)
    }

    func testClosingFenceAtTheEndOfTheFile() throws {
        let parts = try FrontMatter.split("---\ncustomer: C1\n---")
        XCTAssertEqual(parts.yaml, "customer: C1")
        XCTAssertEqual(parts.body, "")
    }

    func testByteOrderMarkWithoutFrontMatter() throws {
        let parts = try FrontMatter.split("\u{FEFF}Hello\n---\n")
        XCTAssertFalse(parts.hasFrontMatter)
        XCTAssertEqual(parts.body, "Hello\n---\n")
    }

    /// A CR before a line break, or at the very end, is not part of the line; a lone CR
    /// elsewhere does not end one.
    func testCarriageReturnsAtTheEndsOfLines() throws {
        let parts = try FrontMatter.split("---\r\r\ncustomer: C1\r\r\n---\r\r\nBody\r\n")
        XCTAssertEqual(parts.yaml, "customer: C1")
        XCTAssertEqual(parts.body, "Body\r\n")
        XCTAssertEqual(parts.bodyLineOffset, 3)
        XCTAssertEqual(try FrontMatter.split("---\ncustomer: C1\r\r\r\n...\r").yaml, "customer: C1\r")
        XCTAssertEqual(try FrontMatter.split("---\ncustomer: C1\n---\r").body, "")
        let lone = try FrontMatter.split("---\rcustomer: C1\r---\r")
        XCTAssertFalse(lone.hasFrontMatter)
        XCTAssertEqual(lone.body, "---\rcustomer: C1\r---\r")
    }

    func testAFenceWithAnAccentIsNoFence() throws {
        XCTAssertFalse(try FrontMatter.split("---\u{301}\ncustomer: C1\n---\n").hasFrontMatter)
        let parts = try FrontMatter.split("---\ncustomer: C1\n---\u{301}\n---\n\u{301}Body")
        XCTAssertEqual(parts.yaml, "customer: C1\n---\u{301}")
        XCTAssertEqual(parts.body, "\u{301}Body")
    }

    func testUnclosedFrontMatterThrows() {
        XCTAssertThrowsError(try FrontMatter.split("---\ncustomer: C1\n\nBody\n")) { error in
            XCTAssertEqual(error as? FrontMatter.SplitError, .unclosed)
        }
        XCTAssertThrowsError(try FrontMatter.split("---\n")) { error in
            XCTAssertEqual(error as? FrontMatter.SplitError, .unclosed)
        }
        XCTAssertThrowsError(try FrontMatter.split("---")) { error in
            XCTAssertEqual(error as? FrontMatter.SplitError, .unclosed)
        }
    }
}
