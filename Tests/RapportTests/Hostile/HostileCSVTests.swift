import Foundation
import XCTest

/// `content/customers.csv` as spreadsheets, editors and attackers write it. Every invalid
/// fixture's `expected-stderr.txt` was checked by hand, column by column (columns count
/// characters, not bytes).
final class HostileCSVTests: XCTestCase {
    // MARK: Line endings and BOM

    /// The same three customers, one with a quoted line break in the address, with LF.
    func testLFLineEndings() throws {
        let built = try Hostile.assertBuilds("hostile-csv-lf", self)
        XCTAssertEqual(
            built.files.keys.sorted(),
            [
                ".rapport-site", "assets/paper.css", "assets/rapport.css", "assets/search.js", "coming-up.html",
                "customers/c-1.html", "customers/c-2.html", "customers/c-3.html", "data-quality.html", "index.html",
            ])
        try Hostile.assertLines(
            built.page("customers/c-1.html"),
            [
                #"<h1 class="preferred-name">Ada</h1>"#, #"<p class="full-name">Ada Lovelace</p>"#,
                "<dl><dt>Usual drink</dt><dd>Tea</dd></dl>",
                // The quoted line break is kept inside the one field.
                #"<dt>Address</dt><dd class="address">Flat 2"#, "1 High Street<br></dd>",
            ])
        try Hostile.assertLines(
            built.page("customers/c-2.html"),
            [#"<p class="full-name">Grace Hopper</p>"#, "<dl><dt>Usual drink</dt><dd>Coffee, black</dd></dl>"])
        try Hostile.assertLines(
            built.page("customers/c-3.html"),
            [#"<p class="full-name">Alan Turing</p>"#, "<dl><dt>Usual drink</dt><dd>Water &quot;still&quot;</dd></dl>"])
    }

    /// CRLF, also inside the quoted field, gives byte for byte the site of the LF file.
    func testCRLFLineEndings() throws {
        try assertSameSite("hostile-csv-crlf", as: "hostile-csv-lf")
    }

    /// A UTF-8 BOM (with CRLF, as Excel writes it) is skipped: the same site again.
    func testUTF8ByteOrderMark() throws {
        try assertSameSite("hostile-csv-bom", as: "hostile-csv-lf")
    }

    /// CR line endings ("CSV (Macintosh)"). Rows split alike; a lone CR inside a quoted
    /// field is kept as written (pinned by CSVReaderTests.testLoneCRInsideQuotesCountsAsALine,
    /// while CRLF there becomes LF). Browsers read a CR in text as a line break, so the
    /// address shows the same; only that byte differs.
    func testCRLineEndings() throws {
        try assertSameSite("hostile-csv-cr", as: "hostile-csv-lf", except: ["customers/c-1.html": ("Flat 2\n1", "Flat 2\r1")])
    }

    /// CRLF after the header, a CR inside the quoted field, LF, CR, and no break at the end.
    func testMixedLineEndings() throws {
        try assertSameSite("hostile-csv-mixed-line-endings", as: "hostile-csv-lf", except: ["customers/c-1.html": ("Flat 2\n1", "Flat 2\r1")])
    }

    /// Errors after each kind of line break, and after a CRLF inside quotes, are on the right lines.
    func testMixedLineEndingsCountLines() throws {
        try Hostile.assertRejected("hostile-csv-mixed-line-endings-errors", self)
    }

    // MARK: Malformed rows

    func testRowWithTooFewFields() throws {
        try Hostile.assertRejected("hostile-csv-ragged-too-few", self)
    }

    /// Pinned: the error points at the row's last field, as for a short row (where the row ends).
    func testRowWithTooManyFields() throws {
        try Hostile.assertRejected("hostile-csv-ragged-too-many", self)
    }

    /// The quote opened in the second field swallows the rest of the file, so that row
    /// also has too few fields: both are reported, at the quote.
    func testUnterminatedQuote() throws {
        try Hostile.assertRejected("hostile-csv-unterminated-quote", self)
    }

    /// A quote inside an unquoted field, and text after a closing quote (in characters: `Zoë`).
    func testStrayQuotes() throws {
        try Hostile.assertRejected("hostile-csv-stray-quote", self)
    }

    // MARK: Headers

    /// `First Name` repeats `first_name`, `EMAIL` repeats `email`.
    func testDuplicateHeader() throws {
        try Hostile.assertRejected("hostile-csv-duplicate-header", self)
    }

    /// ` ID ` repeats `id`; the column is where the field starts, at its space.
    func testDuplicateIDColumn() throws {
        try Hostile.assertRejected("hostile-csv-duplicate-id-column", self)
    }

    /// ` ID `, `FIRST NAME`, `Last-Name`, `  preferred_name  ` and `Favorite Drink` are
    /// Rapport's columns. Pinned: a dash reads as an underscore, so `E-MAIL` is `e_mail`,
    /// an extra column shown as "E mail", not the email.
    func testHeadersIgnoreCaseSpacesAndDashes() throws {
        let built = try Hostile.assertBuilds("hostile-csv-header-case-spaces", self)
        try Hostile.assertLines(
            built.page("customers/c-1.html"),
            [
                #"<h1 class="preferred-name">Countess</h1>"#, #"<p class="full-name">Ada Lovelace</p>"#,
                "<dl><dt>Usual drink</dt><dd>Tea</dd></dl>",
                "<dt>E mail</dt><dd>ada@example.com</dd><dt>Hair colour</dt><dd>Auburn</dd>",
            ])
    }

    // MARK: Other exports

    /// A semicolon-separated export is read with a warning; a quoted `;` stays in its field.
    func testSemicolonSeparatedExport() throws {
        let built = try Hostile.assertBuilds("hostile-csv-semicolons", self)
        try Hostile.assertLines(built.page("customers/c-1.html"), ["<dl><dt>Usual drink</dt><dd>Tea; milk, no sugar</dd></dl>"])
        try Hostile.assertLines(built.page("customers/c-2.html"), [#"<p class="full-name">Grace Hopper</p>"#])
    }

    /// UTF-16 with and without a BOM, either byte order, is converted with a warning; all
    /// four give the same pages, but for the warning on the data-quality page.
    func testUTF16IsConvertedWithAWarning() throws {
        let first = try Hostile.assertBuilds("hostile-csv-utf16le-bom", self)
        try Hostile.assertLines(
            first.page("customers/c-1.html"),
            [#"<h1 class="preferred-name">José</h1>"#, #"<p class="full-name">José Müller</p>"#])
        try Hostile.assertLines(first.page("customers/c-2.html"), [#"<p class="full-name">Zoë O&#39;Hara</p>"#])
        let names = [
            "hostile-csv-utf16le-bom": "UTF-16", "hostile-csv-utf16be-bom": "UTF-16",
            "hostile-csv-utf16le": "UTF-16 (little-endian)", "hostile-csv-utf16be": "UTF-16 (big-endian)",
        ]
        for (fixture, name) in names.sorted(by: { $0.key < $1.key }) {
            let built = fixture == "hostile-csv-utf16le-bom" ? first : try Hostile.assertBuilds(fixture, self)
            var files = built.files
            XCTAssertNotNil(files.removeValue(forKey: "data-quality.html"), fixture)
            XCTAssertEqual(files, first.files.filter { $0.key != "data-quality.html" }, fixture)
            try Hostile.assertLines(
                built.page("data-quality.html"),
                [
                    "<ul class=\"warnings\"><li><code>content/customers.csv:1:1</code> the file is \(name) text; reading it as such "
                        + "(save it as CSV UTF-8 (&quot;CSV UTF-8 (Comma delimited)&quot; in Excel) to silence this warning)</li></ul>"
                ])
        }
    }

    /// Fixed: a NUL character in a UTF-16 file used to reach the pages; it is an error, as in UTF-8.
    func testNULInUTF16() throws {
        try Hostile.assertRejected("hostile-csv-utf16-nul", self)
    }

    /// Windows-1252 is refused at its first byte that is not UTF-8, naming the encoding.
    func testWindows1252() throws {
        try Hostile.assertRejected("hostile-csv-windows-1252", self)
    }

    func testNULByte() throws {
        try Hostile.assertRejected("hostile-csv-nul", self)
    }

    func testEmptyFile() throws {
        try Hostile.assertRejected("hostile-csv-empty", self)
    }

    /// Pinned: a header and no rows is a site with no customers, not an error.
    func testHeaderOnly() throws {
        let built = try Hostile.assertBuilds("hostile-csv-header-only", self)
        XCTAssertEqual(
            built.files.keys.sorted(),
            [".rapport-site", "assets/paper.css", "assets/rapport.css", "assets/search.js", "coming-up.html", "data-quality.html", "index.html"])
        try Hostile.assertLines(built.page("index.html"), [#"<p id="match-count" class="count" aria-live="polite">0 customers</p>"#])
    }

    // MARK: Size

    /// Fixed: the column of each field was counted from the start of its line, so a row
    /// of 50,000 fields took 15 s and one of 200,000 minutes. Now the line is counted once.
    func testRowOfTwoHundredThousandFields() throws {
        let count = 200_000
        let row = "C-1," + String(repeating: "a,", count: count) + "a"
        let site = try Hostile.site(text: ["content/customers.csv": "id,first_name\n" + row + "\n"], self)
        try Hostile.assertRejected(
            site: site,
            expected: """
                content/customers.csv:2:\(5 + 2 * count): error: row has \(count + 2) fields but the header has 2
                rapport: 1 error; nothing was written

                """)
    }

    /// A 5 MB field (a pasted document) in a 5 MB file is read and shown, escaped.
    func testFiveMegabyteField() throws {
        let chunk = "<b>pasted</b> & \"quoted\", "
        let text = String(repeating: chunk, count: 5 * 1024 * 1024 / chunk.utf8.count)
        let csv = Hostile.csv([["id", "first_name", "favorite_drink"], ["C-1", "Ada", text]])
        XCTAssertGreaterThan(csv.utf8.count, 5 * 1024 * 1024 - 100)
        let built = try Hostile.assertBuilds(site: try Hostile.site(text: ["content/customers.csv": csv], self))
        let card = try built.page("customers/c-1.html")
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        XCTAssertTrue(Hostile.has(card, "<dt>Usual drink</dt><dd>" + Hostile.escaped(trimmed) + "</dd>"))
        XCTAssertLessThan(built.seconds, Hostile.timeLimit)
    }

    // MARK: Helpers

    /// `fixture` builds exactly the files of `reference`, byte for byte, except the pages in
    /// `except`, which are the reference's with one text replaced by another.
    private func assertSameSite(
        _ fixture: String, as reference: String, except: [String: (String, String)] = [:],
        file: StaticString = #filePath, line: UInt = #line
    ) throws {
        let expected = try Hostile.assertBuilds(reference, self, file: file, line: line)
        let actual = try Hostile.assertBuilds(fixture, self, file: file, line: line)
        XCTAssertEqual(actual.files.keys.sorted(), expected.files.keys.sorted(), file: file, line: line)
        for (path, data) in expected.files.sorted(by: { $0.key < $1.key }) {
            var wanted = String(decoding: data, as: UTF8.self)
            if let (old, new) = except[path] {
                XCTAssertTrue(wanted.contains(old), "\(path) has no '\(old)'", file: file, line: line)
                wanted = wanted.replacingOccurrences(of: old, with: new)
            }
            XCTAssertEqual(actual.files[path].map { String(decoding: $0, as: UTF8.self) }, wanted, "\(fixture): \(path)", file: file, line: line)
        }
    }
}
