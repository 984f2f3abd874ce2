import Foundation
import XCTest

@testable import Rapport

/// A note's `## Letter: NAME` section: that customer's own text for that letter.
final class LetterTextOverrideTests: XCTestCase {
    private let today = CalendarDay(year: 2026, month: 11, day: 22)!
    private let allowed =
        "business_name, children, favorite_drink, favorite_flower, first_name, full_name, last_name, next_appointment, offer_code, pets, preferred_name, today"

    private let letterText = "Thank you for visiting {{business_name}}, {{preferred_name}}.\n"

    /// A site with two customers, two letters, and C-1's note with `note` as its body.
    private func site(note: String) throws -> URL {
        let root = try TestSupport.temporaryDirectory(self)
        try TestSupport.writeSite(
            [
                "rapport.yml": "business:\n  name: Salon & Co\n  address: [1 High St, London N1 1AA, United Kingdom]\nlocale: en_GB\npaper: A4\n",
                "content/customers.csv": """
                    id,first_name,last_name,preferred_name,favorite_drink,pets,address_line1,city,postal_code,country
                    C-1,Margaret,Whitfield,Peggy,Earl Grey,Humphrey (dog),7 Canonbury Place,London,N1 2NQ,United Kingdom
                    C-2,José,Álvarez,,Cortado,,31 Mildmay Grove,London,N1 4RH,United Kingdom

                    """,
                "content/letters/thank-you.md": "---\ntitle: Thank you\n---\n" + letterText,
                "content/letters/come-back.md": "---\ntitle: Come back\n---\nWe miss you, {{preferred_name}}.\n",
                "content/notes/C-1.md": "---\ncustomer: C-1\n---\n" + note,
            ], at: root)
        return root
    }

    private func builder(_ root: URL) -> SiteBuilder {
        SiteBuilder(options: BuildOptions(siteDirectory: root, outputDirectory: root.appendingPathComponent("_site"), today: today))
    }

    /// Every page of the rendered site by path.
    private func render(_ root: URL) throws -> [String: String] {
        let site = try builder(root).render()
        return Dictionary(uniqueKeysWithValues: site.files.map { ($0.path, String(decoding: $0.contents, as: UTF8.self)) })
    }

    /// The errors and warnings of a site that must fail to render.
    private func failure(_ root: URL, file: StaticString = #filePath, line: UInt = #line) -> [String] {
        do {
            _ = try builder(root).render()
            XCTFail("the site rendered without errors", file: file, line: line)
            return []
        } catch {
            return error.diagnostics.map(\.description)
        }
    }

    /// The rendered body of each letter sheet in `html`.
    private func bodies(_ html: String) -> [String] {
        html.components(separatedBy: "<div class=\"letter-body\">").dropFirst().map { String($0.components(separatedBy: "</div>")[0]) }
    }

    private let noteWithOverride = """
        Prefers the **quiet** chair by the window.

        ## Letter: thank-you
        Dear old friend {{preferred_name}}: thank you for the SWEET-PEAS-SECRET from
        your garden. {{#pets}}Humphrey-hug for {{name}} the {{species}}.{{/pets}}

        See you soon at {{business_name}}.

        ## 2026-10-03 — cut and gloss
        Loved the gloss.

        """

    func testTheCustomersOwnTextReplacesTheLettersTextForThatCustomerOnly() throws {
        let pages = try render(try site(note: noteWithOverride))
        XCTAssertEqual(bodies(try XCTUnwrap(pages["letters/thank-you/c-1.html"])), [
            "<p>Dear old friend Peggy: thank you for the SWEET-PEAS-SECRET from\nyour garden. Humphrey-hug for Humphrey the dog.</p>\n<p>See you soon at Salon &amp; Co.</p>\n"
        ])
        XCTAssertEqual(bodies(try XCTUnwrap(pages["letters/thank-you/c-2.html"])), ["<p>Thank you for visiting Salon &amp; Co, José.</p>\n"])
        // Another letter for the same customer keeps its own text.
        XCTAssertEqual(bodies(try XCTUnwrap(pages["letters/come-back/c-1.html"])), ["<p>We miss you, Peggy.</p>\n"])
    }

    func testTheSectionIsNotPartOfTheCard() throws {
        let pages = try render(try site(note: noteWithOverride))
        let card = try XCTUnwrap(pages["customers/c-1.html"])
        XCTAssertEqual(card.components(separatedBy: "SWEET-PEAS-SECRET").count - 1, 0, "the letter text shows on the card")
        XCTAssertEqual(card.components(separatedBy: "Humphrey-hug").count - 1, 0, "the letter text shows on the card")
        XCTAssertEqual(card.components(separatedBy: "Letter: thank-you").count - 1, 0, "the letter heading shows on the card")
        // What is around it is still read: the notes before it and the visit after it.
        XCTAssertEqual(card.components(separatedBy: "Prefers the <strong>quiet</strong> chair by the window.").count - 1, 1)
        XCTAssertEqual(card.components(separatedBy: "Loved the gloss.").count - 1, 1)

        var diagnostics = Diagnostics()
        let note = try XCTUnwrap(
            NoteLoader(unsafeMarkdown: false).loadNote("---\ncustomer: C-1\n---\n" + noteWithOverride, path: "content/notes/C-1.md", diagnostics: &diagnostics))
        XCTAssertEqual(diagnostics.all.map(\.description), [])
        XCTAssertEqual(note.html, "<p>Prefers the <strong>quiet</strong> chair by the window.</p>\n")
        XCTAssertEqual(note.visits.map(\.html), ["<p>Loved the gloss.</p>\n"])
        XCTAssertEqual(Array(note.letterTexts.keys), ["thank-you"])
        let text = try XCTUnwrap(note.letterTexts["thank-you"])
        XCTAssertEqual(
            text.source,
            "Dear old friend {{preferred_name}}: thank you for the SWEET-PEAS-SECRET from\nyour garden. {{#pets}}Humphrey-hug for {{name}} the {{species}}.{{/pets}}\n\nSee you soon at {{business_name}}.\n")
        XCTAssertEqual(text.lineOffset, 6)
        XCTAssertEqual(text.location, SourceLocation(path: "content/notes/C-1.md", line: 6, column: 1))
    }

    func testPrintedLettersUseTheCustomersOwnText() throws {
        let root = try site(note: noteWithOverride)
        let output = root.appendingPathComponent("_print")
        let batch = try builder(root).printLetters(
            PrintRequest(letter: "thank-you", selection: .ids(["C-2", "C-1"]), output: output, pdf: false))
        XCTAssertEqual(batch.recipientIDs, ["C-2", "C-1"])
        XCTAssertEqual(bodies(try String(contentsOf: batch.letters, encoding: .utf8)), [
            "<p>Thank you for visiting Salon &amp; Co, José.</p>\n",
            "<p>Dear old friend Peggy: thank you for the SWEET-PEAS-SECRET from\nyour garden. Humphrey-hug for Humphrey the dog.</p>\n<p>See you soon at Salon &amp; Co.</p>\n",
        ])
    }

    func testASectionForALetterThatDoesNotExistIsAnErrorAtItsHeading() throws {
        let root = try site(note: "Notes.\n\n## Letter: thank-yuo\nHello {{preferred_name}}.\n")
        XCTAssertEqual(failure(root), [
            "content/notes/C-1.md:6:1: error: no letter named 'thank-yuo' in content/letters (letters: come-back, thank-you)"
        ])
    }

    func testAnUnknownMergeFieldIsReportedAtItsLineInTheNote() throws {
        let root = try site(note: "Notes.\n\n## Letter: thank-you\nHello {{preferred_name}},\n\nyour {{nickname}} and {{notes}}.\n")
        XCTAssertEqual(failure(root), [
            "content/notes/C-1.md:9:6: error: unknown merge field 'nickname'; a letter may use: \(allowed)",
            "content/notes/C-1.md:9:23: error: 'notes' is internal to the recall card and can never be printed in a letter; a letter may use: \(allowed)",
        ])
    }

    func testTheSectionEndsAtTheNextHeadingOfItsLevel() throws {
        let root = try site(note: "## Letter: thank-you\nHi {{preferred_name}}.\n\n### Still the letter\n\n## Other notes\nNot for the letter, {{nickname}}.\n")
        let pages = try render(root)
        XCTAssertEqual(bodies(try XCTUnwrap(pages["letters/thank-you/c-1.html"])), ["<p>Hi Peggy.</p>\n<h3>Still the letter</h3>\n"])
        let card = try XCTUnwrap(pages["customers/c-1.html"])
        XCTAssertEqual(card.components(separatedBy: "Not for the letter, {{nickname}}.").count - 1, 1)
    }

    func testASecondSectionForTheSameLetterIsAnError() throws {
        let root = try site(note: "## Letter: thank-you\nOne.\n\n## Letter: thank-you\nTwo.\n")
        XCTAssertEqual(failure(root), ["content/notes/C-1.md:7:1: error: a second '## Letter: thank-you' section in this note"])
    }
}
