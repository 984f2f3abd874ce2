import XCTest

@testable import Rapport

final class NoteLoaderTests: XCTestCase {
    private let path = "content/notes/C1.md"

    private func load(_ text: String, unsafe: Bool = false) -> (note: CustomerNote?, diagnostics: [String]) {
        var diagnostics = Diagnostics()
        let note = NoteLoader(unsafeMarkdown: unsafe).loadNote(text, path: path, diagnostics: &diagnostics)
        return (note, diagnostics.all.map(\.description))
    }

    /// A note for customer C1 with `body` below its three front matter lines.
    private func load(body: String, unsafe: Bool = false) -> (note: CustomerNote?, diagnostics: [String]) {
        load("---\ncustomer: C1\n---\n" + body, unsafe: unsafe)
    }

    // MARK: Front matter

    func testMinimalNote() throws {
        let result = load(body: "Likes *quiet* appointments.\n")
        XCTAssertEqual(result.diagnostics, [])
        let note = try XCTUnwrap(result.note)
        XCTAssertEqual(note.customerID, "C1")
        XCTAssertEqual(note.customerLocation, SourceLocation(path: path, line: 2, column: 11))
        XCTAssertEqual(note.path, path)
        XCTAssertEqual(note.html, "<p>Likes <em>quiet</em> appointments.</p>\n")
        XCTAssertEqual(note.askAbout.count, 0)
        XCTAssertEqual(note.followUps.count, 0)
        XCTAssertEqual(note.makeItRight, [])
        XCTAssertEqual(note.visits.count, 0)
    }

    func testCustomerIDIsKeptAsWritten() throws {
        let note = try XCTUnwrap(load("---\ncustomer: 007\n---\n").note)
        XCTAssertEqual(note.customerID, "007")
    }

    func testFrontMatterIsRequired() {
        let result = load("Likes quiet appointments.\n")
        XCTAssertNil(result.note)
        XCTAssertEqual(result.diagnostics, [
            "content/notes/C1.md:1:1: error: missing front matter: a note starts with '---', 'customer: <id>', '---'"
        ])
    }

    func testUnclosedFrontMatter() {
        let result = load("---\ncustomer: C1\n\nLikes quiet appointments.\n")
        XCTAssertNil(result.note)
        XCTAssertEqual(result.diagnostics, [
            "content/notes/C1.md:1:1: error: front matter opened here is never closed with a '---' line"
        ])
    }

    func testInvalidYAMLIsReportedAtItsLineInTheFile() {
        let result = load("---\ncustomer: C1\n  colour: red\n---\n")
        XCTAssertNil(result.note)
        XCTAssertEqual(result.diagnostics, [
            "content/notes/C1.md:3:9: error: invalid YAML: mapping values are not allowed in this context"
        ])
    }

    func testFrontMatterThatIsNotAMapping() {
        let result = load("---\n- C1\n---\n")
        XCTAssertNil(result.note)
        XCTAssertEqual(result.diagnostics, ["content/notes/C1.md:2:1: error: expected a mapping of `key: value` lines"])
    }

    func testMissingCustomer() {
        let result = load("---\n---\nBody\n")
        XCTAssertNil(result.note)
        XCTAssertEqual(result.diagnostics, [
            "content/notes/C1.md:1:1: error: front matter has no 'customer:' naming the customer id"
        ])
    }

    func testEmptyCustomer() {
        let result = load("---\ncustomer:\n---\n")
        XCTAssertNil(result.note)
        XCTAssertEqual(result.diagnostics, ["content/notes/C1.md:2:10: error: 'customer' must be a customer id"])
    }

    func testCustomerThatIsAList() {
        let result = load("---\ncustomer: [C1, C2]\n---\n")
        XCTAssertNil(result.note)
        XCTAssertEqual(result.diagnostics, ["content/notes/C1.md:2:11: error: 'customer' must be a customer id"])
    }

    func testUnknownKeyIsAWarning() throws {
        let result = load("---\ncustomer: C1\ncolour: red\n---\nBody\n")
        XCTAssertEqual(result.diagnostics, [
            "content/notes/C1.md:3:1: warning: unknown front matter key 'colour' (known: customer, follow_up)"
        ])
        XCTAssertEqual(try XCTUnwrap(result.note).html, "<p>Body</p>\n")
    }

    // MARK: Visits

    func testDatedSectionsBecomeVisitsNewestFirst() throws {
        let result = load(body: """
            General notes.

            ## 2026-01-02 — trim

            Quick one.

            ## 2026-03-14 — cut and *gloss*

            Went well.

            ### Products

            Used the blue one.

            """)
        XCTAssertEqual(result.diagnostics, [])
        let note = try XCTUnwrap(result.note)
        XCTAssertEqual(note.html, "<p>General notes.</p>\n")
        XCTAssertEqual(note.visits.map(\.date.description), ["2026-03-14", "2026-01-02"])
        XCTAssertEqual(note.visits.map(\.titleHTML), ["cut and <em>gloss</em>", "trim"])
        XCTAssertEqual(note.visits.map(\.html), [
            "<p>Went well.</p>\n<h3>Products</h3>\n<p>Used the blue one.</p>\n", "<p>Quick one.</p>\n",
        ])
    }

    func testHeadingSeparators() throws {
        let note = try XCTUnwrap(load(body: "## 2026-03-14 -- colour\n\n## 2026-03-15: fringe\n\n## 2026-03-16\n").note)
        XCTAssertEqual(note.visits.map(\.titleHTML), ["", "fringe", "colour"])
    }

    /// Plain visit headings are read from their bytes; the rest as text. Both give the
    /// same visits, with the title escaped as cmark escapes text.
    func testPlainVisitHeadingsReadFromTheirBytes() throws {
        func plain(_ heading: String) -> [String]? {
            Array(heading.utf8).withUnsafeBufferPointer { bytes in
                NoteLoader.plainVisitHeading(bytes).map { [$0.date.description, $0.titleHTML] }
            }
        }
        XCTAssertEqual(plain("2026-03-14"), ["2026-03-14", ""])
        XCTAssertEqual(plain("2026-03-14 -- colour"), ["2026-03-14", "colour"])
        XCTAssertEqual(plain("2026-03-15: fringe"), ["2026-03-15", "fringe"])
        XCTAssertEqual(plain("2026-03-16 – a < b & \"c\""), ["2026-03-16", "a &lt; b &amp; &quot;c&quot;"])
        XCTAssertEqual(plain("2026-03-17 — café"), ["2026-03-17", "café"])
        // Left to the text reader: a date gone wrong, a character outside ASCII after the
        // date or starting the title, and no date.
        for heading in ["2026-02-30 — x", "2026-03-14— x", "2026-03-15 —\u{301} y", "2026-03-16 \u{301}z", "2026-03-16 ékin", "20260314 x", "2026-3-14"] {
            XCTAssertNil(plain(heading), heading)
        }

        let note = try XCTUnwrap(load(body: "## 2026-03-16 – 5 &lt; 6 & \\<b\\>\n\n## 2026-03-17 — ékin\n\n## 2026-03-18 — *x*\n").note)
        XCTAssertEqual(note.visits.map(\.titleHTML), ["<em>x</em>", "ékin", "5 &lt; 6 &amp; &lt;b&gt;"])
    }

    func testAnUndatedHeadingEndsAVisit() throws {
        let note = try XCTUnwrap(load(body: "## 2026-03-14 — cut\n\nA\n\n## Family\n\nB\n").note)
        XCTAssertEqual(note.visits.map(\.html), ["<p>A</p>\n"])
        XCTAssertEqual(note.html, "<h2>Family</h2>\n<p>B</p>\n")
    }

    func testInvalidDateInAVisitHeading() throws {
        let result = load(body: "Intro\n\n## 2026-02-30 — x\n\nText\n")
        XCTAssertEqual(result.diagnostics, [
            "content/notes/C1.md:6:4: error: invalid date '2026-02-30' in a visit heading: expected a real date as YYYY-MM-DD"
        ])
        XCTAssertEqual(try XCTUnwrap(result.note).visits.count, 0)
    }

    func testInvalidDateInAVisitHeadingWithCRLFLines() {
        let result = load("---\r\ncustomer: C1\r\n---\r\n\r\n## 2026-13-01 — x\r\n")
        XCTAssertEqual(result.diagnostics, [
            "content/notes/C1.md:5:4: error: invalid date '2026-13-01' in a visit heading: expected a real date as YYYY-MM-DD"
        ])
    }

    func testInvalidDateInAHeadingWrittenDifferently() {
        // The column is where the date is written, whatever comes before it.
        let result = load(body: "##   2026-02-30 — x\n\n  ## 2026-02-31 — y\n\n2026-04-31 — z\n---\n")
        XCTAssertEqual(result.diagnostics, [
            "content/notes/C1.md:4:6: error: invalid date '2026-02-30' in a visit heading: expected a real date as YYYY-MM-DD",
            "content/notes/C1.md:6:6: error: invalid date '2026-02-31' in a visit heading: expected a real date as YYYY-MM-DD",
            "content/notes/C1.md:8:1: error: invalid date '2026-04-31' in a visit heading: expected a real date as YYYY-MM-DD",
        ])
    }

    func testEmphasizedDateGivesAWellFormedTitle() throws {
        let note = try XCTUnwrap(load(body: "## **2026-03-14** — cut\n").note)
        XCTAssertEqual(note.visits.map(\.date.description), ["2026-03-14"])
        XCTAssertEqual(note.visits.map(\.titleHTML), ["cut"])
    }

    func testHeadingsThatDoNotLookLikeDatesAreNotVisits() throws {
        let result = load(body: "## 20260314 — cut\n\n# 2026-03-14 — big\n")
        XCTAssertEqual(result.diagnostics, [])
        let note = try XCTUnwrap(result.note)
        XCTAssertEqual(note.visits.count, 0)
        XCTAssertEqual(note.html, "<h2>20260314 — cut</h2>\n<h1>2026-03-14 — big</h1>\n")
    }

    /// Where an accent joins a character of the date or of the dash after it, the heading
    /// reads as its characters say.
    func testAccentsInVisitHeadings() throws {
        let result = load(body: "## 2026-03-14\u{301} — x\n\n## 2026-03-15 —\u{301} y\n\n## 2026-03-16 \u{301}z\n")
        XCTAssertEqual(result.diagnostics, [])
        let note = try XCTUnwrap(result.note)
        XCTAssertEqual(note.html, "<h2>2026-03-14\u{301} — x</h2>\n")
        XCTAssertEqual(note.visits.map(\.titleHTML), [" \u{301}z", "—\u{301} y"])
    }

    func testLettersAreNamedInAnyCase() throws {
        let note = try XCTUnwrap(load(body: "## LETTER: thank-you\n\nDear Ann.\n\n## Ｌetter: no\n").note)
        XCTAssertEqual(Array(note.letterTexts.keys), ["thank-you"])
        XCTAssertEqual(note.html, "<h2>Ｌetter: no</h2>\n")
    }

    // MARK: Ask about

    func testLabelsBetweenWideSpaces() throws {
        let spaces = String(repeating: "\u{A0}", count: 40)
        let note = try XCTUnwrap(load(body: "\u{3000}Ask about:\u{3000}\n- garden\n\n\(spaces)Make it right:\(spaces)\n- fringe\n").note)
        XCTAssertEqual(note.askAbout.map(\.html), ["garden"])
        XCTAssertEqual(note.makeItRight, ["fringe"])
    }

    func testLabelsBetweenEscapedSpacesAndLongParagraphsThatStartLikeOne() throws {
        let spaces = String(repeating: "&#32;", count: 40)
        let long = "Ask about: " + String(repeating: "the garden, ", count: 5)
        let note = try XCTUnwrap(load(body: "\(spaces)Ask about:\(spaces)\n- garden\n\n\(long)\n\n- fringe\n").note)
        XCTAssertEqual(note.askAbout.map(\.html), ["garden"])
        XCTAssertEqual(note.html, "<p>\(long.trimmingSpaces)</p>\n<ul>\n<li>fringe</li>\n</ul>\n")
    }

    func testAnEndDateIsTheLastOneInTheItem() throws {
        let note = try XCTUnwrap(load(body: "Ask about:\n- Lisbon (until May) trip (until 2026-12-01)\n").note)
        XCTAssertEqual(note.askAbout.map(\.html), ["Lisbon (until May) trip"])
        XCTAssertEqual(note.askAbout.map(\.until), [CalendarDay(year: 2026, month: 12, day: 1)])
    }

    func testAnEndDateAfterACharacterThatJoinsTheBracket() throws {
        // U+0600 joins the character after it, so the item does not end with "(until …)".
        let note = try XCTUnwrap(load(body: "Ask about:\n- café\u{301} (until 2026-12-01)\n- x\u{600}(until 2026-12-01)\n").note)
        XCTAssertEqual(note.askAbout.map(\.html), ["café\u{301}", "x\u{600}(until 2026-12-01)"])
    }

    func testAskAboutListItems() throws {
        let result = load(body: "Ask about:\n- Maya's *recital*\n- the trip to Kyoto\n\nOther.\n")
        XCTAssertEqual(result.diagnostics, [])
        let note = try XCTUnwrap(result.note)
        XCTAssertEqual(note.askAbout.map(\.html), ["Maya’s <em>recital</em>", "the trip to Kyoto"])
        XCTAssertEqual(note.askAbout.map(\.until), [nil, nil])
        XCTAssertEqual(note.html, "<p>Other.</p>\n")
    }

    /// Every label in either case, after its first byte has been looked at alone; and
    /// paragraphs whose first byte rules them out are kept as notes.
    func testEachLabelInEitherCase() throws {
        let body = "ask about:\n- a\n\nFOLLOW-UP:\n- 2026-12-01 call\n\nmake it right:\n- m\n\nFollow ups:\n- 2026-12-02 write\n\n"
            + "Ask me:\n\nZ about:\n\n1 about:\n"
        let result = load(body: body)
        XCTAssertEqual(result.diagnostics, [])
        let note = try XCTUnwrap(result.note)
        XCTAssertEqual(note.askAbout.map(\.html), ["a"])
        XCTAssertEqual(note.followUps.map(\.html), ["call", "write"])
        XCTAssertEqual(note.makeItRight, ["m"])
        XCTAssertEqual(note.html, "<p>Ask me:</p>\n<p>Z about:</p>\n<p>1 about:</p>\n")
    }

    func testAskAboutLabelIgnoresCaseAndEmphasis() throws {
        let note = try XCTUnwrap(load(body: "**ASK ABOUT:**\n\n* garden\n").note)
        XCTAssertEqual(note.askAbout.map(\.html), ["garden"])
    }

    func testAskAboutWithoutAListIsAWarning() throws {
        let result = load(body: "\nAsk about:\n\nHer trip.\n")
        XCTAssertEqual(result.diagnostics, [
            "content/notes/C1.md:5:1: warning: 'Ask about:' is not followed by a list; write each item as a '- ' line below it"
        ])
        let note = try XCTUnwrap(result.note)
        XCTAssertEqual(note.askAbout.count, 0)
        XCTAssertEqual(note.html, "<p>Ask about:</p>\n<p>Her trip.</p>\n")
    }

    func testTalkingPointWithAnImpossibleEndDateIsAnError() throws {
        let result = load(body: "Ask about:\n- Her garden\n- Lisbon (until 2026-02-30)\n")
        XCTAssertEqual(
            result.diagnostics,
            ["content/notes/C1.md:6:3: error: invalid date '2026-02-30' in '(until …)': expected a real date as YYYY-MM-DD"])
    }

    func testTalkingPointWithAnEndDate() throws {
        let result = load(body: "Ask about:\n- Lisbon *trip* (until 2026-12-01)\n- garden (until later)\n")
        XCTAssertEqual(result.diagnostics, [])
        let note = try XCTUnwrap(result.note)
        XCTAssertEqual(note.askAbout.map(\.html), ["Lisbon <em>trip</em>", "garden (until later)"])
        XCTAssertEqual(note.askAbout.map(\.until), [CalendarDay(year: 2026, month: 12, day: 1), nil])
        XCTAssertEqual(note.askAbout(on: CalendarDay(year: 2026, month: 12, day: 1)!).map(\.html), ["Lisbon <em>trip</em>", "garden (until later)"])
        XCTAssertEqual(note.askAbout(on: CalendarDay(year: 2026, month: 12, day: 2)!).map(\.html), ["garden (until later)"])
    }

    // MARK: Follow-ups and make-it-right

    func testFollowUpsInTheBody() throws {
        let result = load(body: "Follow up:\n- 2026-11-25 — call about the *colour*\n- 2026-11-20: send photos\n")
        XCTAssertEqual(result.diagnostics, [])
        let note = try XCTUnwrap(result.note)
        XCTAssertEqual(note.followUps.map(\.date.description), ["2026-11-25", "2026-11-20"])
        XCTAssertEqual(note.followUps.map(\.html), ["call about the <em>colour</em>", "send photos"])
        XCTAssertEqual(note.html, "")
    }

    func testFollowUpWithoutADateIsReportedAtTheItem() throws {
        let result = load(body: "Intro.\n\nFollow-ups:\n- 2026-11-25 — call\n-   someday, maybe\n")
        XCTAssertEqual(result.diagnostics, [
            "content/notes/C1.md:8:5: error: follow-up 'someday, maybe' must start with its date: '2026-11-25 — call about the colour'"
        ])
        XCTAssertEqual(try XCTUnwrap(result.note).followUps.map(\.html), ["call"])
    }

    func testFollowUpsInTheFrontMatter() throws {
        let result = load("---\ncustomer: C1\nfollow_up:\n  - 2026-11-25 — call <Ann>\n  - next week\n---\n")
        XCTAssertEqual(result.diagnostics, [
            "content/notes/C1.md:5:5: error: follow-up 'next week' must start with its date: '2026-11-25 — call about the colour'"
        ])
        let note = try XCTUnwrap(result.note)
        XCTAssertEqual(note.followUps.map(\.date.description), ["2026-11-25"])
        XCTAssertEqual(note.followUps.map(\.html), ["call &lt;Ann&gt;"])
    }

    func testMakeItRightLeavesOutItemsMarkedDone() throws {
        let result = load(body: "Make it right:\n- [x] refund the toner\n- [ ] redo the *fringe*\n- ✓ apologised\n- call back\n")
        XCTAssertEqual(result.diagnostics, [])
        XCTAssertEqual(try XCTUnwrap(result.note).makeItRight, ["redo the <em>fringe</em>", "call back"])
    }

    // MARK: Rendering

    func testRawHTMLAndUnsafeLinksAreNotRendered() throws {
        let note = try XCTUnwrap(load(body: "<script>alert(1)</script>\n\nSee [this](javascript:alert(2)) <b>now</b>.\n").note)
        XCTAssertEqual(note.html, "<!-- raw HTML omitted -->\n<p>See <a href=\"\">this</a> <!-- raw HTML omitted -->now<!-- raw HTML omitted -->.</p>\n")
    }

    func testUnsafeMarkdownKeepsRawHTMLWhenTheSiteOptsIn() throws {
        let note = try XCTUnwrap(load(body: "<div class=\"x\">hi</div>\n\nSee [this](javascript:go()).\n", unsafe: true).note)
        XCTAssertEqual(note.html, "<div class=\"x\">hi</div>\n<p>See <a href=\"javascript:go()\">this</a>.</p>\n")
    }

    func testTextIsEscaped() throws {
        let note = try XCTUnwrap(load(body: "5 < 6 & \"x\"\n").note)
        XCTAssertEqual(note.html, "<p>5 &lt; 6 &amp; “x”</p>\n")
    }

    func testSmartPunctuation() throws {
        let note = try XCTUnwrap(load(body: "\"Hello\" -- it's 'fine' --- really...\n").note)
        XCTAssertEqual(note.html, "<p>“Hello” – it’s ‘fine’ — really…</p>\n")
    }
}
