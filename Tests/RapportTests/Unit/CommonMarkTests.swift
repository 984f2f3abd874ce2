import XCTest

@testable import Rapport

final class CommonMarkTests: XCTestCase {
    func testHeadingInlineHTMLIsItsContentWithoutTheTag() {
        let markdown = """
            ## 2026-03-14 — cut *and* `gloss` [link](https://example.com) &amp; <b>x</b>

            # ́accent first

            Two lines
            of heading
            ===

            ###### **six**

            ## Ends in a break\\

            Paragraph *text*.
            """
        let blocks = CommonMark.blocks(markdown[...])
        XCTAssertEqual(blocks.map(\.inlineHTML), [
            "2026-03-14 — cut <em>and</em> <code>gloss</code> <a href=\"https://example.com\">link</a> &amp; <!-- raw HTML omitted -->x<!-- raw HTML omitted -->",
            "\u{301}accent first", "Two lines\nof heading", "<strong>six</strong>", "Ends in a break\\", "",
        ])
        XCTAssertEqual(blocks.map(\.text), [
            "2026-03-14 — cut and gloss link & x", "\u{301}accent first", "Two lines of heading", "six", "Ends in a break\\",
            "Paragraph text.",
        ])
        XCTAssertEqual(CommonMark.blocks("# <b>raw</b>"[...], unsafe: true).map(\.inlineHTML), ["<b>raw</b>"])
    }

    /// A document too large for the memory kept for note-sized ones reads the same way.
    func testLargeDocumentReadsAsSmallOnes() {
        let small = "## 2026-03-14 — cut\n\nAsk about:\n- the *garden*\n- Lisbon (until 2026-12-01)\n\n> quote\n\n"
        let large = String(repeating: small, count: 20_000 / small.utf8.count + 1)
        XCTAssertGreaterThan(large.utf8.count, 16 * 1024)
        let one = CommonMark.blocks(small[...])
        let many = CommonMark.blocks(large[...])
        XCTAssertEqual(many.count, one.count * (large.utf8.count / small.utf8.count))
        for (index, block) in many.enumerated() {
            let expected = one[index % one.count]
            XCTAssertEqual(block.html, expected.html)
            XCTAssertEqual(block.text, expected.text)
            XCTAssertEqual(block.inlineHTML, expected.inlineHTML)
            XCTAssertEqual(block.items.map(\.html), expected.items.map(\.html))
            XCTAssertEqual(block.line, expected.line + index / one.count * 8)
        }
        XCTAssertEqual(CommonMark.html(large), String(repeating: CommonMark.html(small), count: many.count / one.count))
    }
}
