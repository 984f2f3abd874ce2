import Foundation
import XCTest

/// Notes written to attack the card (raw HTML, script links however disguised) or the
/// build (nesting tens of thousands deep, megabytes of text, thousands of headings,
/// invalid UTF-8). Cards keep the text, escaped; nothing runs; nothing crashes or hangs.
final class HostileMarkdownTests: XCTestCase {
    private static let people = "id,first_name,last_name\nC-1,Ada,Lovelace\n"

    /// Raw `<script>`, `<img onerror>`, `<svg onload>`, block HTML and `<style>` are
    /// dropped; `javascript:`, `vbscript:`, `data:text/html` and `file:` links and images
    /// are emptied, however written (upper case, `&#x61;`, `&#106;`, `&colon;`, reference
    /// links, autolinks); a tab entity inside the scheme is percent-encoded, which leaves
    /// a relative link, not a scheme. Entities show as their characters, escaped again.
    func testRawHTMLAndScriptLinksAreDropped() throws {
        let built = try Hostile.assertBuilds("hostile-markdown", self)
        let card = try built.page("customers/c-1.html")
        let omitted = "<!-- raw HTML omitted -->"
        XCTAssertTrue(
            Hostile.has(
                card,
                """
                <div class="notes"><p>Raw \(omitted)alert(1)\(omitted) and \(omitted) and \(omitted).</p>
                <p><a href="">js</a> <a href="">JS</a> <a href="">vb</a> <a href="">data</a> <a href="">file</a></p>
                <p><a href="">hex</a> <a href="">dec</a> <a href="">named</a> <a href="java%09script:alert(1)">tab</a> <a href="">javascript:alert(1)</a> <img src="" alt="img" /> <img src="" alt="svg" /></p>
                <p><a href="" title="title">ref</a></p>
                <p>Entities: &amp; &lt;script&gt; © \u{FFFD} \u{FFFD} \u{A0} &amp;unknown; &lt;b&gt;</p>
                <p>Unclosed \(omitted)bold \(omitted)italic &lt;div class=“x”</p>
                \(omitted)
                \(omitted)
                </div>
                """), card)
        Hostile.assertLines(
            card,
            [
                "<ul><li>\(omitted)</li><li><a href=\"\">click</a></li><li>plain &amp; \(omitted)bold\(omitted) &lt;i&gt;</li></ul>"
            ])
    }

    /// A list and a quote nested 10,000 deep, in the notes and in an "Ask about" item.
    func testTenThousandDeepListsAndQuotes() throws {
        try assertDeepNesting(10_000)
    }

    /// Fixed: the plain text of a list item was read by recursion, one stack frame per
    /// level, and a list nested about 20,000 deep crashed the build (signal 11).
    func testHundredThousandDeepListsAndQuotes() throws {
        try assertDeepNesting(100_000)
    }

    private func assertDeepNesting(_ depth: Int, file: StaticString = #filePath, line: UInt = #line) throws {
        let note = "---\ncustomer: C-1\n---\n" + String(repeating: "- ", count: depth) + "deep list\n\n"
            + String(repeating: ">", count: depth) + " deep quote\n\nAsk about:\n" + String(repeating: "- ", count: depth) + "deep item\n"
        let site = try Hostile.site(text: ["content/customers.csv": Self.people, "content/notes/C-1.md": note], self)
        let built = try Hostile.assertBuilds(site: site, file: file, line: line)
        XCTAssertLessThan(built.seconds, Hostile.timeLimit, file: file, line: line)
        func list(_ depth: Int, _ text: String) -> String {
            String(repeating: "<ul>\n<li>\n", count: depth - 1) + "<ul>\n<li>\(text)</li>\n</ul>\n" + String(repeating: "</li>\n</ul>\n", count: depth - 1)
        }
        let quote = String(repeating: "<blockquote>\n", count: depth) + "<p>deep quote</p>\n" + String(repeating: "</blockquote>\n", count: depth)
        let card = try built.page("customers/c-1.html")
        XCTAssertTrue(Hostile.has(card, "<div class=\"notes\">" + list(depth, "deep list") + quote + "</div>"), file: file, line: line)
        XCTAssertTrue(Hostile.has(card, "<ul><li>" + list(depth - 1, "deep item").dropLast() + "</li></ul>"), file: file, line: line)
    }

    /// A 5 MB note of 70,000 paragraphs, each with raw HTML, a script link and an entity.
    func testFiveMegabyteNote() throws {
        let paragraph = "Lorem <b>ipsum</b> & [link](javascript:alert(1)) *em* `<code>`\n\n"
        let count = 5 * 1024 * 1024 / paragraph.utf8.count + 1
        let note = "---\ncustomer: C-1\n---\n" + String(repeating: paragraph, count: count)
        XCTAssertGreaterThan(note.utf8.count, 5 * 1024 * 1024)
        let site = try Hostile.site(text: ["content/customers.csv": Self.people, "content/notes/C-1.md": note], self)
        let built = try Hostile.assertBuilds(site: site)
        XCTAssertLessThan(built.seconds, Hostile.timeLimit)
        let rendered = #"<p>Lorem <!-- raw HTML omitted -->ipsum<!-- raw HTML omitted --> &amp; <a href="">link</a> <em>em</em> <code>&lt;code&gt;</code></p>"#
        let card = try built.page("customers/c-1.html")
        XCTAssertTrue(Hostile.has(card, "<div class=\"notes\">" + String(repeating: rendered + "\n", count: count) + "</div>"))
    }

    /// A note of one 1 MB line. (It starts with a word: a line that starts with `<script>`
    /// is an HTML block, dropped whole.)
    func testOneMegabyteLine() throws {
        let words = "<script>alert(1)</script> & <i>x</i> "
        let text = "Note: " + String(repeating: words, count: 1024 * 1024 / words.utf8.count + 1)
        let site = try Hostile.site(text: ["content/customers.csv": Self.people, "content/notes/C-1.md": "---\ncustomer: C-1\n---\n" + text + "\n"], self)
        let built = try Hostile.assertBuilds(site: site)
        XCTAssertLessThan(built.seconds, Hostile.timeLimit)
        let omitted = "<!-- raw HTML omitted -->"
        let rendered = String(repeating: "\(omitted)alert(1)\(omitted) &amp; \(omitted)x\(omitted) ", count: 1024 * 1024 / words.utf8.count + 1)
        let card = try built.page("customers/c-1.html")
        // cmark drops the line's trailing space.
        XCTAssertTrue(Hostile.has(card, "<div class=\"notes\"><p>Note: " + rendered.dropLast() + "</p>\n</div>"))
    }

    /// Invalid UTF-8 is an error at its line and column (in characters), in LF and CRLF files.
    func testInvalidUTF8() throws {
        try Hostile.assertRejected("hostile-markdown-invalid-utf8", self)
    }

    /// Fixed: each visit heading with an impossible date split the whole note into lines
    /// again to find its column; 5,000 of them in a 150 KB note took 96 s. Now 5,000
    /// errors, each at the date, in well under a second.
    func testThousandsOfBadVisitHeadings() throws {
        let count = 5_000
        let note = "---\ncustomer: C-1\n---\n" + (0..<count).map { "## 2026-02-30 — visit \($0)\n\ntext\n\n" }.joined()
        let site = try Hostile.site(text: ["content/customers.csv": Self.people, "content/notes/C-1.md": note], self)
        let errors = (0..<count).map {
            "content/notes/C-1.md:\(4 + 4 * $0):4: error: invalid date '2026-02-30' in a visit heading: expected a real date as YYYY-MM-DD\n"
        }
        try Hostile.assertRejected(site: site, expected: errors.joined() + "rapport: \(count) errors; nothing was written\n")
    }

    /// Fixed likewise for `## Letter:` sections (45 s for 5,000): each split the note again.
    func testThousandsOfLetterSections() throws {
        let count = 5_000
        let note = "---\ncustomer: C-1\n---\n" + (0..<count).map { "## Letter: thank-you\n\nText \($0).\n\n" }.joined()
        let site = try Hostile.site(
            text: [
                "content/customers.csv": Self.people, "content/notes/C-1.md": note,
                "content/letters/thank-you.md": "---\ntitle: Thank you\n---\nThank you.\n",
            ], self)
        let errors = (1..<count).map { "content/notes/C-1.md:\(4 + 4 * $0):1: error: a second '## Letter: thank-you' section in this note\n" }
        try Hostile.assertRejected(site: site, expected: errors.joined() + "rapport: \(count - 1) errors; nothing was written\n")
    }
}
