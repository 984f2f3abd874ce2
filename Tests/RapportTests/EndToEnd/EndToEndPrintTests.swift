import Foundation
import XCTest

@testable import Rapport

/// `rapport print`: the real binary prints batches of letters, cards and postcards with
/// their envelopes, to HTML and (through Debian's Chromium) to PDF at each preset's size.
final class EndToEndPrintTests: XCTestCase {
    private let printUsage = """
        Usage: rapport print <letter> [--for <selection>] [--out <dir>] [--pdf] [--site <dir>] [--today <date>] [--quiet]
          See 'rapport print --help' for more information.

        """
    private let selectionHelp = "today, week, birthdays:DAYS, anniversaries:DAYS, tag:NAME, not-seen:DAYS, all, or ids separated by commas"

    /// Where the first page of each printed PDF is left as a PNG, for a person to look at.
    private static let screenshots = TestSupport.packageRoot.appendingPathComponent(".build/screenshots/print")

    // MARK: Helpers

    /// A copy of the repository's example site (config, content and templates) in a temporary folder.
    private func exampleSite() throws -> URL {
        let site = try TestSupport.temporaryDirectory(self).appendingPathComponent("example")
        try FileManager.default.createDirectory(at: site, withIntermediateDirectories: true)
        for name in ["rapport.yml", "content", "Templates"] {
            try FileManager.default.copyItem(
                at: TestSupport.packageRoot.appendingPathComponent(name), to: site.appendingPathComponent(name))
        }
        return site
    }

    private func requireChromium() throws {
        _ = try ExternalTools.require(ExternalTools.chromium, "Chromium", install: "apt-get install chromium")
    }

    private func poppler(_ tool: String) throws -> String {
        try ExternalTools.require(ExternalTools.findExecutable([tool]), tool, install: "apt-get install poppler-utils")
    }

    /// Runs `rapport` in `directory`, killed if it takes more than `timeout` seconds
    /// (it starts Chromium for `--pdf`).
    private func rapport(_ arguments: [String], in directory: URL, timeout: Int = 180) throws -> TestSupport.ProcessResult {
        try TestSupport.runProcess(
            "/usr/bin/timeout", ["-k", "5", String(timeout), TestSupport.binary.path] + arguments, in: directory)
    }

    struct PageSize: CustomStringConvertible {
        var width: Double
        var height: Double
        var description: String { "\(width) x \(height) pts" }
    }

    /// The size of every page of `pdf`, as `pdfinfo` reports it.
    private func pageSizes(_ pdf: URL, file: StaticString = #filePath, line: UInt = #line) throws -> [PageSize] {
        let result = try ExternalTools.run(try poppler("pdfinfo"), ["-f", "1", "-l", "9999", pdf.path])
        XCTAssertEqual(result.status, 0, "pdfinfo failed on \(pdf.lastPathComponent): \(result.stderr)", file: file, line: line)
        let pagesLine = result.stdout.split(separator: "\n").first { $0.hasPrefix("Pages:") }
        let declared = pagesLine.flatMap { Int($0.dropFirst("Pages:".count).trimmingCharacters(in: .whitespaces)) }
        // "Page    1 size:  594.96 x 841.92 pts (A4)"
        let sizes = result.stdout.split(separator: "\n").filter { $0.hasPrefix("Page ") && $0.contains(" size:") }.compactMap { line -> PageSize? in
            let words = line.split(separator: " ")
            guard let at = words.firstIndex(of: "size:"), words.count > at + 3, words[at + 2] == "x",
                let width = Double(words[at + 1]), let height = Double(words[at + 3])
            else { return nil }
            return PageSize(width: width, height: height)
        }
        XCTAssertEqual(sizes.count, declared, "pdfinfo's page count and its page sizes disagree for \(pdf.lastPathComponent)", file: file, line: line)
        return sizes
    }

    /// `pdf` has `pages` pages, each `width` × `height` points (within `tolerance`).
    private func assertPDF(
        _ pdf: URL, pages: Int, width: Double, height: Double, tolerance: Double,
        file: StaticString = #filePath, line: UInt = #line
    ) throws {
        let sizes = try pageSizes(pdf, file: file, line: line)
        XCTAssertEqual(sizes.count, pages, "pages of \(pdf.lastPathComponent)", file: file, line: line)
        for (index, size) in sizes.enumerated() {
            XCTAssertEqual(size.width, width, accuracy: tolerance, "width of page \(index + 1) of \(pdf.lastPathComponent) (\(size))", file: file, line: line)
            XCTAssertEqual(size.height, height, accuracy: tolerance, "height of page \(index + 1) of \(pdf.lastPathComponent) (\(size))", file: file, line: line)
        }
    }

    private func text(ofPDF pdf: URL, file: StaticString = #filePath, line: UInt = #line) throws -> String {
        let result = try ExternalTools.run(try poppler("pdftotext"), ["-enc", "UTF-8", pdf.path, "-"])
        XCTAssertEqual(result.status, 0, "pdftotext failed on \(pdf.lastPathComponent): \(result.stderr)", file: file, line: line)
        return result.stdout
    }

    /// Renders the first page of `pdf` to `.build/screenshots/print/NAME.png`.
    private func screenshot(_ pdf: URL, as name: String, file: StaticString = #filePath, line: UInt = #line) throws {
        try FileManager.default.createDirectory(at: Self.screenshots, withIntermediateDirectories: true)
        let prefix = Self.screenshots.appendingPathComponent(name)
        let result = try ExternalTools.run(
            try poppler("pdftoppm"), ["-png", "-r", "50", "-f", "1", "-l", "1", "-singlefile", pdf.path, prefix.path])
        XCTAssertEqual(result.status, 0, "pdftoppm failed on \(pdf.lastPathComponent): \(result.stderr)", file: file, line: line)
        XCTAssertTrue(FileManager.default.fileExists(atPath: prefix.path + ".png"), "no PNG for \(pdf.lastPathComponent)", file: file, line: line)
    }

    private static func points(mm: Double) -> Double { mm / 25.4 * 72 }
    private static func points(inches: Double) -> Double { inches * 72 }

    private static func occurrences(of needle: String, in haystack: String) -> Int {
        haystack.components(separatedBy: needle).count - 1
    }

    // MARK: The example site

    /// Who is booked from 2026-11-22 to 2026-11-28 in the example's schedule, in booking order.
    private func bookedInTheWeek(_ site: URL) throws -> [String] {
        let rows = try EndToEnd.text(site.appendingPathComponent("content/schedule.csv"))
            .split(separator: "\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        var ids: [String] = []
        for row in rows.sorted(by: { ($0[0], $0[1]) < ($1[0], $1[1]) }) {
            XCTAssertEqual(row.count, 5, "schedule row \(row)")
            if row[0] >= "2026-11-22", row[0] <= "2026-11-28", !ids.contains(row[2]) { ids.append(row[2]) }
        }
        return ids
    }

    func testThankYouLettersForTheWeekOnTheExampleSite() throws {
        try requireChromium()
        _ = try poppler("pdfinfo")
        let site = try exampleSite()
        let expected = try bookedInTheWeek(site)
        XCTAssertEqual(expected.count, 9, "the example's schedule has changed; check this test's expectations")

        let result = try rapport(["print", "thank-you", "--for", "week", "--pdf", "--today", EndToEnd.today], in: site)
        XCTAssertEqual(result.stderr, "")
        XCTAssertEqual(result.status, 0)
        let out = "\(EndToEnd.realPath(site))/_print"
        XCTAssertEqual(result.stdout, """
            Printed \(expected.count) letters for 'week' on A4, with DL envelopes:
              \(out)/thank-you-week.html
              \(out)/thank-you-week-envelopes.html
              \(out)/thank-you-week.pdf
              \(out)/thank-you-week-envelopes.pdf

            """)
        let folder = site.appendingPathComponent("_print")
        XCTAssertEqual(EndToEnd.listing(folder), [
            "rapport.css", "thank-you-week-envelopes.html", "thank-you-week-envelopes.pdf", "thank-you-week.html", "thank-you-week.pdf",
        ])

        // One sheet per customer booked that week, in booking order: each greets its customer.
        var diagnostics = Diagnostics()
        let records = RecordLoader(path: "content/customers.csv", config: SiteConfig())
            .loadRecords(from: Array(try Data(contentsOf: site.appendingPathComponent("content/customers.csv"))), diagnostics: &diagnostics)
        let names = Dictionary(uniqueKeysWithValues: records.map { ($0.id, $0.displayName) })
        let html = try EndToEnd.text(folder.appendingPathComponent("thank-you-week.html"))
        let sheets = html.components(separatedBy: "<section class=\"sheet").dropFirst()
        XCTAssertEqual(sheets.count, expected.count)
        XCTAssertEqual(Self.occurrences(of: "<section class=\"sheet kind-letter paper-a4\">", in: html), expected.count)
        XCTAssertEqual(
            sheets.map { sheet in sheet.components(separatedBy: "<p class=\"greeting\">").dropFirst().first?.components(separatedBy: "</p>").first ?? "" },
            try expected.map { "Dear \(escapeHTML(try XCTUnwrap(names[$0]))),"})
        let envelopes = try EndToEnd.text(folder.appendingPathComponent("thank-you-week-envelopes.html"))
        XCTAssertEqual(Self.occurrences(of: "<section class=\"sheet", in: envelopes), expected.count)
        XCTAssertEqual(Self.occurrences(of: "<section class=\"sheet envelope envelope-dl\">", in: envelopes), expected.count)

        // A4 is 210 × 297 mm; Chromium writes 594.96 × 841.92 pt. DL is 220 × 110 mm.
        try assertPDF(
            folder.appendingPathComponent("thank-you-week.pdf"), pages: expected.count,
            width: Self.points(mm: 210), height: Self.points(mm: 297), tolerance: 1)
        try assertPDF(
            folder.appendingPathComponent("thank-you-week-envelopes.pdf"), pages: expected.count,
            width: Self.points(mm: 220), height: Self.points(mm: 110), tolerance: 1)
        try screenshot(folder.appendingPathComponent("thank-you-week.pdf"), as: "example-thank-you-week")
        try screenshot(folder.appendingPathComponent("thank-you-week-envelopes.pdf"), as: "example-thank-you-week-envelopes")
    }

    func testALettersOwnForIsTheDefaultSelection() throws {
        let site = try exampleSite()
        let result = try rapport(["print", "birthday", "--today", EndToEnd.today, "--out", "cards"], in: site)
        XCTAssertEqual(result.stderr, "")
        XCTAssertEqual(result.status, 0)
        let out = "\(EndToEnd.realPath(site))/cards"
        XCTAssertEqual(result.stdout, """
            Printed 3 cards for 'birthdays:30' on A5-folded, with C5 envelopes:
              \(out)/birthday-birthdays-30.html
              \(out)/birthday-birthdays-30-envelopes.html

            """)
        let html = try EndToEnd.text(site.appendingPathComponent("cards/birthday-birthdays-30.html"))
        XCTAssertEqual(Self.occurrences(of: "<section class=\"sheet", in: html), 3)
        XCTAssertEqual(Self.occurrences(of: "<section class=\"sheet kind-card paper-a5-folded\">", in: html), 3)
    }

    // MARK: Every preset

    private struct Preset {
        var letter: String
        var noun: String
        var paper: String
        var envelope: String
        var paperPoints: (Double, Double)
        var envelopePoints: (Double, Double)
    }

    func testEveryPaperAndEnvelopePresetPrintsTrueToSize() throws {
        try requireChromium()
        _ = try poppler("pdfinfo")
        _ = try poppler("pdftoppm")
        let site = try TestSupport.copyFixture("print-presets", self)
        let presets = [
            Preset(
                letter: "letter", noun: "letters", paper: "Letter", envelope: "US10",
                paperPoints: (Self.points(inches: 8.5), Self.points(inches: 11)),
                envelopePoints: (Self.points(inches: 9.5), Self.points(inches: 4.125))),
            Preset(
                letter: "card", noun: "cards", paper: "Letter-folded", envelope: "A9",
                paperPoints: (Self.points(inches: 11), Self.points(inches: 8.5)),
                envelopePoints: (Self.points(inches: 8.75), Self.points(inches: 5.75))),
            Preset(
                letter: "card-a5", noun: "cards", paper: "A5-folded", envelope: "C5",
                paperPoints: (Self.points(mm: 297), Self.points(mm: 210)),
                envelopePoints: (Self.points(mm: 229), Self.points(mm: 162))),
            Preset(
                letter: "postcard-a6", noun: "postcards", paper: "A6", envelope: "C6",
                paperPoints: (Self.points(mm: 148), Self.points(mm: 105)),
                envelopePoints: (Self.points(mm: 162), Self.points(mm: 114))),
            Preset(
                letter: "postcard-4x6", noun: "postcards", paper: "4x6", envelope: "A6-envelope",
                paperPoints: (Self.points(inches: 6), Self.points(inches: 4)),
                envelopePoints: (Self.points(inches: 6.5), Self.points(inches: 4.75))),
            Preset(
                letter: "letter-a4", noun: "letters", paper: "A4", envelope: "DL",
                paperPoints: (Self.points(mm: 210), Self.points(mm: 297)),
                envelopePoints: (Self.points(mm: 220), Self.points(mm: 110))),
        ]
        XCTAssertEqual(
            try FileManager.default.contentsOfDirectory(atPath: site.appendingPathComponent("content/letters").path).sorted(),
            presets.map { "\($0.letter).md" }.sorted(), "every letter of the fixture is printed here")

        for preset in presets {
            let out = site.appendingPathComponent("out-\(preset.letter)")
            let result = try rapport(["print", preset.letter, "--for", "all", "--pdf", "--today", EndToEnd.today, "--out", out.path], in: site)
            XCTAssertEqual(result.stderr, "", preset.letter)
            XCTAssertEqual(result.status, 0, preset.letter)
            let stem = "\(EndToEnd.realPath(out))/\(preset.letter)-all"
            XCTAssertEqual(result.stdout, """
                Printed 3 \(preset.noun) for 'all' on \(preset.paper), with \(preset.envelope) envelopes:
                  \(stem).html
                  \(stem)-envelopes.html
                  \(stem).pdf
                  \(stem)-envelopes.pdf

                """, preset.letter)
            let letters = out.appendingPathComponent("\(preset.letter)-all.pdf")
            let envelopes = out.appendingPathComponent("\(preset.letter)-all-envelopes.pdf")
            try assertPDF(letters, pages: 3, width: preset.paperPoints.0, height: preset.paperPoints.1, tolerance: 1.5)
            try assertPDF(envelopes, pages: 3, width: preset.envelopePoints.0, height: preset.envelopePoints.1, tolerance: 1.5)
            try screenshot(letters, as: "\(preset.letter)-\(preset.paper)")
            try screenshot(envelopes, as: "\(preset.letter)-envelope-\(preset.envelope)")
        }
    }

    func testAddressesAreLaidOutForTheirCountryOnLettersAndEnvelopes() throws {
        let site = try TestSupport.copyFixture("print-presets", self)
        let result = try rapport(["print", "postcard-a6", "--for", "all", "--today", EndToEnd.today, "--out", "out", "--quiet"], in: site)
        XCTAssertEqual(result.stderr, "")
        XCTAssertEqual(result.stdout, "")
        XCTAssertEqual(result.status, 0)
        // The business is in the United States: only mail abroad gets a country line.
        let expected = [
            "Dana Brooks<br>421 Prospect Place<br>Apt 3B<br>Brooklyn, NY 11238<br>",
            "Margaret Whitfield<br>7 Canonbury Place<br>LONDON<br>N1 2NQ<br>UNITED KINGDOM<br>",
            "〒150-0001<br>東京都渋谷区神宮前1-2-3<br>メゾン青山 201<br>山田花子 様<br>日本<br>",
        ]
        let envelopes = try EndToEnd.text(site.appendingPathComponent("out/postcard-a6-all-envelopes.html"))
        XCTAssertEqual(
            envelopes.components(separatedBy: "<address class=\"delivery-address\">").dropFirst().map { String($0.components(separatedBy: "</address>")[0]) },
            expected)
        let postcards = try EndToEnd.text(site.appendingPathComponent("out/postcard-a6-all.html"))
        XCTAssertEqual(
            postcards.components(separatedBy: "<div class=\"postcard-address\">").dropFirst().map {
                String($0.components(separatedBy: "<address>")[1].components(separatedBy: "</address>")[0])
            },
            expected)
    }

    // MARK: Privacy

    /// The internal fields of the privacy fixture, each holding `INTERNAL-MARKER-<id>-<field>`.
    private let internalFields = [
        "pronunciation", "email", "phone", "tag-a", "tag-b", "colour_formula", "door_code", "free-text", "ask-about",
        "follow-up", "front-matter-follow-up", "make-it-right", "visit-heading", "visit-body",
    ]
    private let privacyCustomers = ["P-1": "p-1", "P-2": "p-2", "P-3": "p-3"]

    func testNoInternalNoteReachesAnyLetterOrPrint() throws {
        try requireChromium()
        _ = try poppler("pdftotext")
        let site = try TestSupport.copyFixture("privacy", self)
        let output = site.appendingPathComponent("_site")
        let build = try rapport(["build", "--today", EndToEnd.today, "--out", output.path, "--quiet"], in: site)
        XCTAssertEqual(build.stderr, "")
        XCTAssertEqual(build.status, 0)

        // The markers were loaded: every one of them is on its customer's recall card.
        for (id, slug) in privacyCustomers {
            let card = try EndToEnd.text(output.appendingPathComponent("customers/\(slug).html"))
            for field in internalFields {
                XCTAssertGreaterThan(Self.occurrences(of: "INTERNAL-MARKER-\(id)-\(field)", in: card), 0, "\(field) is not on \(id)'s card")
            }
        }

        // The site's letter pages: one per customer and letter, none with a marker.
        let letterNames = try FileManager.default.contentsOfDirectory(atPath: site.appendingPathComponent("content/letters").path)
            .filter { $0.hasSuffix(".md") }.map { String($0.dropLast(3)) }.sorted()
        XCTAssertEqual(letterNames, ["every-field-card", "every-field-letter", "every-field-postcard"])
        let letterPages = try TestSupport.snapshot(of: output.appendingPathComponent("letters"))
        XCTAssertEqual(
            letterPages.keys.sorted(),
            letterNames.flatMap { name in privacyCustomers.values.sorted().map { "\(name)/\($0).html" } })
        for (path, data) in letterPages {
            XCTAssertEqual(Self.occurrences(of: "INTERNAL-MARKER", in: String(decoding: data, as: UTF8.self)), 0, "letters/\(path)")
        }

        // Every letter printed for everyone, to HTML and PDF.
        let printed = site.appendingPathComponent("_print")
        for name in letterNames {
            let result = try rapport(["print", name, "--for", "all", "--pdf", "--today", EndToEnd.today, "--out", printed.path, "--quiet"], in: site)
            XCTAssertEqual(result.stderr, "", name)
            XCTAssertEqual(result.status, 0, name)
        }
        let documents = try TestSupport.snapshot(of: printed)
        XCTAssertEqual(
            documents.keys.sorted(),
            (["rapport.css"] + letterNames.flatMap { ["\($0)-all.html", "\($0)-all-envelopes.html", "\($0)-all.pdf", "\($0)-all-envelopes.pdf"] }).sorted())
        for (path, data) in documents where path.hasSuffix(".html") {
            XCTAssertEqual(Self.occurrences(of: "INTERNAL-MARKER", in: String(decoding: data, as: UTF8.self)), 0, path)
        }
        for path in documents.keys.sorted() where path.hasSuffix(".pdf") {
            let text = try text(ofPDF: printed.appendingPathComponent(path))
            // A marker wrapped at a hyphen comes out of pdftotext as "INTERNAL-\nMARKER" or
            // "INTERNALMARKER": look for it without line breaks, spaces or hyphens too.
            let squeezed = String(text.filter { !$0.isWhitespace && $0 != "-" && $0 != "\u{AD}" })
            XCTAssertEqual(Self.occurrences(of: "INTERNAL-MARKER", in: text), 0, path)
            XCTAssertEqual(Self.occurrences(of: "INTERNALMARKER", in: squeezed), 0, path)
            // The text was read: every page's greeting or address is there.
            let expected = path.hasSuffix("-envelopes.pdf")
                ? ["José Álvarez", "Jonas Weber", "Margaret Whitfield"] : ["Dear José,", "Dear Jonas,", "Dear Peggy,"]
            for line in expected {
                XCTAssertEqual(Self.occurrences(of: line, in: text), 1, "'\(line)' in \(path)")
            }
        }

        // The letters did merge every field they may use.
        let html = String(decoding: try XCTUnwrap(documents["every-field-letter-all.html"]), as: UTF8.self)
        XCTAssertEqual(
            Self.occurrences(
                of: """
                    <div class="letter-body"><p>Peggy Margaret Whitfield (Margaret Whitfield): Allowed drink P-1, Allowed flower P-1, Lumière Hair Studio, 22 November 2026, LUM-K4MCMM.
                    [Humphrey dog][Maya 7]
                    [Tuesday 24 November 10:00 Cut and blow-dry Camille]</p>
                    </div>
                    """, in: html),
            1)
    }

    // MARK: Errors

    /// Runs `rapport print` on a copy of the example site and checks that it wrote nothing.
    private func printFails(
        _ arguments: [String], status: Int32, stderr: String, file: StaticString = #filePath, line: UInt = #line
    ) throws {
        let site = try exampleSite()
        let before = try EndToEnd.tree(site)
        let result = try rapport(["print"] + arguments + ["--today", EndToEnd.today], in: site)
        XCTAssertEqual(result.status, status, "exit status", file: file, line: line)
        XCTAssertEqual(result.stderr, stderr, file: file, line: line)
        XCTAssertEqual(result.stdout, "", file: file, line: line)
        XCTAssertEqual(try EndToEnd.tree(site), before, "a failed print wrote something", file: file, line: line)
    }

    func testMalformedSelectionIsAUsageError() throws {
        try printFails(
            ["thank-you", "--for", "birthdays:soon"], status: 64,
            stderr: "Error: --for: 'birthdays:soon' needs a number of days, e.g. birthdays:30\n" + printUsage)
        try printFails(
            ["thank-you", "--for", "fortnight:2"], status: 64,
            stderr: "Error: --for: unknown selection 'fortnight:2'; use \(selectionHelp)\n" + printUsage)
        try printFails(["thank-you", "--for", ","], status: 64, stderr: "Error: --for: empty selection; use \(selectionHelp)\n" + printUsage)
    }

    func testUnknownIdIsAUsageError() throws {
        try printFails(["thank-you", "--for", "C-0001,C-9999,c-0002"], status: 64, stderr: "rapport: no customer with id 'C-9999', 'c-0002'\n")
    }

    func testNoSelectionAndNoDefaultIsAUsageError() throws {
        try printFails(
            ["thank-you"], status: 64,
            stderr: "rapport: say who 'thank-you' is for with --for (\(selectionHelp)), or give the letter a 'for:' in its front matter\n")
    }

    func testUnknownLetterIsASiteError() throws {
        try printFails(
            ["thank-yuo", "--for", "week"], status: 1,
            stderr: """
                content/letters: error: no letter named 'thank-yuo' (letters: birthday, come-back, thank-you)
                rapport: 1 error; nothing was written

                """)
    }

    func testNobodyMatchingPrintsNothing() throws {
        let site = try exampleSite()
        let before = try EndToEnd.tree(site)
        let result = try rapport(["print", "thank-you", "--for", "tag:nobody-has-this", "--pdf", "--today", EndToEnd.today], in: site)
        XCTAssertEqual(result.status, 0)
        XCTAssertEqual(result.stderr, "")
        XCTAssertEqual(result.stdout, "Nobody matches 'tag:nobody-has-this' on 2026-11-22; nothing was printed.\n")
        XCTAssertEqual(try EndToEnd.tree(site), before, "printing for nobody wrote something")
    }

    func testPDFWithoutChromiumWritesTheHTMLAndSaysHowToInstall() throws {
        let site = try exampleSite()
        // No PATH on which Chromium could be found; the binary is named by its full path.
        let result = try TestSupport.runProcess(
            "/usr/bin/env",
            ["PATH=/nonexistent", TestSupport.binary.path, "print", "thank-you", "--for", "C-0001,C-0002", "--pdf", "--today", EndToEnd.today],
            in: site)
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(
            result.stderr,
            "rapport: --pdf needs Chromium, which is not installed: install it with 'sudo apt-get install chromium' (Debian/Ubuntu), or print the HTML from your browser. The HTML documents were written.\n")
        XCTAssertEqual(result.stdout, "")
        let folder = site.appendingPathComponent("_print")
        XCTAssertEqual(EndToEnd.listing(folder), ["rapport.css", "thank-you-c-0001-c-0002-envelopes.html", "thank-you-c-0001-c-0002.html"])
        let html = try EndToEnd.text(folder.appendingPathComponent("thank-you-c-0001-c-0002.html"))
        XCTAssertEqual(Self.occurrences(of: "<section class=\"sheet kind-letter paper-a4\">", in: html), 2)
    }
}
