import XCTest

@testable import Rapport

/// What a letter's front matter says it prints as: kind, paper, envelope and `for:`.
final class LetterOptionsTests: XCTestCase {
    private let path = "content/letters/hello.md"
    private let papers = "A4, Letter, A5-folded, Letter-folded, A6, 4x6"
    private let envelopes = "DL, C5, C6, US10, A9, A6-envelope"

    private func load(_ frontMatter: String, site paper: Paper = .a4) -> (letter: LetterTemplate?, diagnostics: [String]) {
        var diagnostics = Diagnostics()
        let text = frontMatter.isEmpty ? "Hello {{first_name}}.\n" : "---\n\(frontMatter)---\nHello {{first_name}}.\n"
        let letter = LetterLoader(unsafeMarkdown: false, sitePaper: paper).loadLetter(text, name: "hello", path: path, diagnostics: &diagnostics)
        return (letter, diagnostics.all.map(\.description))
    }

    /// Kind, paper and envelope names of a letter that must load without any diagnostic.
    private func options(_ frontMatter: String, site paper: Paper = .a4, file: StaticString = #filePath, line: UInt = #line) -> [String] {
        let result = load(frontMatter, site: paper)
        XCTAssertEqual(result.diagnostics, [], file: file, line: line)
        guard let letter = result.letter else {
            XCTFail("the letter did not load", file: file, line: line)
            return []
        }
        return [letter.kind.rawValue, letter.paper.name, letter.envelope.name]
    }

    // MARK: Defaults from the site's paper

    func testDefaultsOnAnA4Site() {
        XCTAssertEqual(options(""), ["letter", "A4", "DL"])
        XCTAssertEqual(options("title: Hi\n"), ["letter", "A4", "DL"])
        XCTAssertEqual(options("kind: letter\n"), ["letter", "A4", "DL"])
        XCTAssertEqual(options("kind: card\n"), ["card", "A5-folded", "C5"])
        XCTAssertEqual(options("kind: postcard\n"), ["postcard", "A6", "C6"])
    }

    func testDefaultsOnALetterSite() {
        XCTAssertEqual(options("", site: .letter), ["letter", "Letter", "US10"])
        XCTAssertEqual(options("kind: letter\n", site: .letter), ["letter", "Letter", "US10"])
        XCTAssertEqual(options("kind: card\n", site: .letter), ["card", "Letter-folded", "A9"])
        XCTAssertEqual(options("kind: postcard\n", site: .letter), ["postcard", "4x6", "A6-envelope"])
    }

    func testKindIsReadWithoutRegardToCase() {
        XCTAssertEqual(options("kind: Card\n"), ["card", "A5-folded", "C5"])
    }

    // MARK: Paper

    func testPaperImpliesKindAndEnvelope() {
        // The paper wins over the site's paper, and brings its own kind and envelope.
        XCTAssertEqual(options("paper: A4\n", site: .letter), ["letter", "A4", "DL"])
        XCTAssertEqual(options("paper: Letter\n"), ["letter", "Letter", "US10"])
        XCTAssertEqual(options("paper: A5-folded\n", site: .letter), ["card", "A5-folded", "C5"])
        XCTAssertEqual(options("paper: Letter-folded\n"), ["card", "Letter-folded", "A9"])
        XCTAssertEqual(options("paper: A6\n", site: .letter), ["postcard", "A6", "C6"])
        XCTAssertEqual(options("paper: 4x6\n"), ["postcard", "4x6", "A6-envelope"])
    }

    func testPaperNamesAreReadWithoutRegardToCaseOrById() {
        XCTAssertEqual(options("paper: a5-FOLDED\n"), ["card", "A5-folded", "C5"])
        XCTAssertEqual(options("paper: postcard-4x6\n"), ["postcard", "4x6", "A6-envelope"])
    }

    func testMatchingKindAndPaper() {
        XCTAssertEqual(options("kind: card\npaper: Letter-folded\n"), ["card", "Letter-folded", "A9"])
        XCTAssertEqual(options("paper: A6\nkind: postcard\n", site: .letter), ["postcard", "A6", "C6"])
    }

    func testKindAndPaperThatDisagree() {
        let result = load("title: Hi\nkind: letter\npaper:   A6\n")
        XCTAssertNil(result.letter)
        XCTAssertEqual(result.diagnostics, [
            "content/letters/hello.md:4:10: error: paper 'A6' is for a postcard, but this letter's kind is 'letter'"
        ])
        XCTAssertEqual(load("paper: Letter\nkind: card\n").diagnostics, [
            "content/letters/hello.md:2:8: error: paper 'Letter' is for a letter, but this letter's kind is 'card'"
        ])
    }

    func testUnknownPaper() {
        let result = load("kind: card\npaper: A3\n")
        XCTAssertNil(result.letter)
        XCTAssertEqual(result.diagnostics, ["content/letters/hello.md:3:8: error: unknown paper 'A3' (known: \(papers))"])
    }

    // MARK: Envelope

    func testEnvelopeNamedInFrontMatter() {
        XCTAssertEqual(options("envelope: C5\n"), ["letter", "A4", "C5"])
        XCTAssertEqual(options("kind: card\nenvelope: c6\n", site: .letter), ["card", "Letter-folded", "C6"])
        // "#10" is how the US envelope is usually written.
        XCTAssertEqual(options("envelope: \"US #10\"\n"), ["letter", "A4", "US10"])
        XCTAssertEqual(options("paper: 4x6\nenvelope: a6-envelope\n"), ["postcard", "4x6", "A6-envelope"])
    }

    func testUnknownEnvelope() {
        let result = load("envelope: B4\n")
        XCTAssertNil(result.letter)
        XCTAssertEqual(result.diagnostics, ["content/letters/hello.md:2:11: error: unknown envelope 'B4' (known: \(envelopes))"])
    }

    func testEveryPaperHasAKnownDefaultEnvelope() {
        XCTAssertEqual(PaperPreset.all.map { "\($0.name)→\($0.envelope)" }, [
            "A4→DL", "Letter→US10", "A5-folded→C5", "Letter-folded→A9", "A6→C6", "4x6→A6-envelope",
        ])
        for paper in PaperPreset.all {
            XCTAssertNotNil(EnvelopePreset.named(paper.envelope), paper.name)
        }
    }

    // MARK: for

    func testForGivesTheDefaultSelection() throws {
        XCTAssertEqual(try XCTUnwrap(load("for: birthdays:30\n").letter).defaultSelection, .birthdays(days: 30))
        XCTAssertEqual(try XCTUnwrap(load("for: \"C-1, C-2\"\n").letter).defaultSelection, .ids(["C-1", "C-2"]))
        XCTAssertNil(try XCTUnwrap(load("title: Hi\n").letter).defaultSelection)
    }

    func testForThatDoesNotParseIsReportedAtItsValue() {
        let result = load("title: Hi\nfor:  birthdays:soon\n")
        XCTAssertNil(result.letter)
        XCTAssertEqual(result.diagnostics, [
            "content/letters/hello.md:3:7: error: 'birthdays:soon' needs a number of days, e.g. birthdays:30"
        ])
        XCTAssertEqual(load("for: week:2\n").diagnostics, [
            "content/letters/hello.md:2:6: error: unknown selection 'week:2'; use today, week, birthdays:DAYS, anniversaries:DAYS, tag:NAME, not-seen:DAYS, all, or ids separated by commas"
        ])
    }

    // MARK: Several problems

    func testAllFrontMatterProblemsAreReportedTogether() {
        let result = load("kind: memo\npaper: A3\nenvelope: B4\nfor: \"tag:\"\nfont: serif\n")
        XCTAssertNil(result.letter)
        XCTAssertEqual(result.diagnostics, [
            "content/letters/hello.md:2:7: error: unknown kind 'memo' (known: letter, card, postcard)",
            "content/letters/hello.md:3:8: error: unknown paper 'A3' (known: \(papers))",
            "content/letters/hello.md:4:11: error: unknown envelope 'B4' (known: \(envelopes))",
            "content/letters/hello.md:5:6: error: 'tag:' needs a tag name, e.g. tag:vip",
            "content/letters/hello.md:6:1: warning: unknown front matter key 'font' (known: title, kind, paper, envelope, for, greeting, closing)",
        ])
    }

    // MARK: Presets

    func testPresetSizesInPoints() {
        func points(_ width: Double, _ height: Double) -> String { "\(Int(width.rounded()))x\(Int(height.rounded()))" }
        XCTAssertEqual(PaperPreset.all.map { "\($0.name) \(points($0.widthPoints, $0.heightPoints))" }, [
            "A4 595x842", "Letter 612x792", "A5-folded 842x595", "Letter-folded 792x612", "A6 420x298", "4x6 432x288",
        ])
        XCTAssertEqual(EnvelopePreset.all.map { "\($0.name) \(points($0.widthPoints, $0.heightPoints))" }, [
            "DL 624x312", "C5 649x459", "C6 459x323", "US10 684x297", "A9 630x414", "A6-envelope 468x342",
        ])
    }

    func testParagraphsLeftEmptyByASectionAreDropped() {
        func dropping(_ html: String) -> String { LetterView.droppingEmptyParagraphs(Array(html.utf8)) }
        XCTAssertEqual(dropping("<p>Dear Ada,</p>\n<p> </p>\n<p>Thank you.</p>"), "<p>Dear Ada,</p>\n<p>Thank you.</p>")
        XCTAssertEqual(dropping("<p>\u{A0}</p>\n<p>Hi</p>\n"), "<p>Hi</p>\n")
        XCTAssertEqual(dropping("<p>Hi</p>\n<p>x</p>"), "<p>Hi</p>\n<p>x</p>")
        XCTAssertEqual(dropping("<p></p>"), "")
        XCTAssertEqual(dropping(""), "")
        XCTAssertEqual(dropping("<p>Hi</p>\n<p>  \u{A0} </p>"), "<p>Hi</p>")
        XCTAssertEqual(dropping("<p>Hi</p>\n<p></p>\n"), "<p>Hi</p>\n")
        XCTAssertEqual(dropping("\n<p> </p>\n\n"), "\n\n")
        // A space with a combining mark is a character of its own, and text: kept.
        XCTAssertEqual(dropping("<p> \u{301}</p>\n<p>Hi</p>"), "<p> \u{301}</p>\n<p>Hi</p>")
        XCTAssertEqual(dropping("<p>\u{A0}x</p>\n<p>"), "<p>\u{A0}x</p>\n<p>")
        XCTAssertEqual(dropping("<p></p><p>x</p>"), "<p></p><p>x</p>")
    }
}
