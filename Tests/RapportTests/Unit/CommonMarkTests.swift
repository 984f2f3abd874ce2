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
        let (inlineHTML, text) = CommonMark.withBlocks(markdown[...]) { blocks in (blocks.map(\.inlineHTML), blocks.map(\.text)) }
        XCTAssertEqual(inlineHTML, [
            "2026-03-14 — cut <em>and</em> <code>gloss</code> <a href=\"https://example.com\">link</a> &amp; <!-- raw HTML omitted -->x<!-- raw HTML omitted -->",
            "\u{301}accent first", "Two lines\nof heading", "<strong>six</strong>", "Ends in a break\\", "",
        ])
        XCTAssertEqual(text, [
            "2026-03-14 — cut and gloss link & x", "\u{301}accent first", "Two lines of heading", "six", "Ends in a break\\",
            "Paragraph text.",
        ])
        XCTAssertEqual(CommonMark.withBlocks("# <b>raw</b>"[...], unsafe: true) { $0.map(\.inlineHTML) }, ["<b>raw</b>"])
    }

    /// A heading of one text node is read without rendering it: its inline HTML must still
    /// be what cmark renders, for every naughty string and every character cmark escapes.
    func testOneTextHeadingReadsAsCmarkRendersIt() throws {
        let headings = try HostileNaughtyStrings.load() + ["Tom & Jerry's \"<b>best</b>\" / 2>1", "&amp; &lt; &quot; &#39;"]
        var oneText = 0
        for heading in headings where !heading.contains("\n") && !heading.contains("\r") {
            let markdown = "## " + heading
            let rendered = CommonMark.html(markdown)
            let (inlineHTML, text, html) = CommonMark.withBlocks(markdown[...]) { blocks in
                (blocks.first?.inlineHTML ?? "", blocks.first?.text ?? "", blocks.first?.html ?? "")
            }
            XCTAssertEqual(html, rendered, markdown)
            guard rendered.hasPrefix("<h2>"), rendered.hasSuffix("</h2>\n") else { continue }
            XCTAssertEqual(inlineHTML, String(rendered.dropFirst(4).dropLast(6)), markdown)
            guard !inlineHTML.contains("<") else { continue }
            // Text only: the plain text is the HTML with cmark's four entities read back.
            let decoded = inlineHTML.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
                .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&amp;", with: "&")
            XCTAssertEqual(text, decoded, markdown)
            oneText += 1
        }
        // Most of the list is plain text in a heading: the fast path is what was tested.
        XCTAssertGreaterThan(oneText, 300)
    }

    /// The first byte of a block's text, when its first node is text; nil when that would
    /// take reading further.
    func testLeadingTextByte() {
        let markdown = "Ask about:\n\n*Ask* about:\n\n&#32;x\n\n# Heading\n\n- item\n\n```\ncode\n```\n\nécole\n\n`code` first\n"
        let bytes = CommonMark.withBlocks(markdown[...]) { blocks in blocks.map(\.leadingTextByte) }
        XCTAssertEqual(bytes, [UInt8(ascii: "A"), nil, UInt8(ascii: " "), UInt8(ascii: "H"), nil, nil, 0xC3, nil])
    }

    /// A document too large for the memory kept for note-sized ones reads the same way.
    func testLargeDocumentReadsAsSmallOnes() {
        let small = "## 2026-03-14 — cut\n\nAsk about:\n- the *garden*\n- Lisbon (until 2026-12-01)\n\n> quote\n\n"
        let large = String(repeating: small, count: 20_000 / small.utf8.count + 1)
        XCTAssertGreaterThan(large.utf8.count, 16 * 1024)
        CommonMark.withBlocks(small[...]) { one in
            CommonMark.withBlocks(large[...]) { many in
                XCTAssertEqual(many.count, one.count * (large.utf8.count / small.utf8.count))
                for (index, block) in many.enumerated() {
                    let expected = one[index % one.count]
                    XCTAssertEqual(block.kind, expected.kind)
                    XCTAssertEqual(block.html, expected.html)
                    XCTAssertEqual(block.text, expected.text)
                    XCTAssertEqual(block.inlineHTML, expected.inlineHTML)
                    XCTAssertEqual(block.items.map(\.html), expected.items.map(\.html))
                    XCTAssertEqual(block.line, expected.line + index / one.count * 8)
                }
            }
        }
        XCTAssertEqual(CommonMark.html(large), String(repeating: CommonMark.html(small), count: large.utf8.count / small.utf8.count))
    }

    /// A block's text is read only as far as it takes to tell it is longer than a limit; the
    /// spaces around it do not count, not even wide ones.
    func testTextUpToALimit() {
        let spaces = String(repeating: "&#32;", count: 30) + String(repeating: "\u{A0}", count: 30)
        let markdown = "\(spaces)Ask *about*:\(spaces)\n\n" + String(repeating: "word ", count: 20) + "\n\n- item\n\n# Heading\n"
        let texts = CommonMark.withBlocks(markdown[...]) { blocks in blocks.map { $0.text(atMost: 20) } }
        let padding = String(repeating: " ", count: 30) + String(repeating: "\u{A0}", count: 30)
        XCTAssertEqual(texts, ["\(padding)Ask about:\(padding)", nil, "", "Heading"])
        let html = CommonMark.withBlocks(markdown[...]) { blocks in
            var html: [UInt8] = []
            for block in blocks { block.appendHTML(to: &html) }
            return String(decoding: html, as: UTF8.self)
        }
        XCTAssertEqual(html, CommonMark.html(markdown))
    }
}
