import XCTest

@testable import Rapport

final class LetterLoaderTests: XCTestCase {
    private let path = "content/letters/spring-hello.md"
    private let allowed =
        "business_name, children, favorite_drink, favorite_flower, first_name, full_name, last_name, next_appointment, offer_code, pets, preferred_name, today"

    private var site: SiteContext {
        var config = SiteConfig()
        config.businessName = "Salon & Co"
        config.locale = "en_GB"
        return SiteContext(config: config, today: CalendarDay(year: 2026, month: 3, day: 14)!)
    }

    private func load(_ text: String, unsafe: Bool = false) -> (letter: LetterTemplate?, diagnostics: [String]) {
        var diagnostics = Diagnostics()
        let letter = LetterLoader(unsafeMarkdown: unsafe).loadLetter(text, name: "spring-hello", path: path, diagnostics: &diagnostics)
        return (letter, diagnostics.all.map(\.description))
    }

    // MARK: Valid letters

    func testLetterWithFrontMatter() throws {
        let result = load("---\ntitle: Spring hello\ngreeting: Hi\nclosing: See you soon,\nkind: letter\n---\nHello {{first_name}}!\n")
        XCTAssertEqual(result.diagnostics, [])
        let letter = try XCTUnwrap(result.letter)
        XCTAssertEqual(letter.name, "spring-hello")
        XCTAssertEqual(letter.path, path)
        XCTAssertEqual(letter.title, "Spring hello")
        XCTAssertEqual(letter.greeting, "Hi")
        XCTAssertEqual(letter.closing, "See you soon,")
        XCTAssertEqual(letter.body.render(["first_name": "Ann"]), "<p>Hello Ann!</p>\n")
    }

    func testLetterWithoutFrontMatterHasDefaults() throws {
        let letter = try XCTUnwrap(load("Hello {{preferred_name}}.\n").letter)
        XCTAssertEqual(letter.title, "Spring Hello")
        XCTAssertEqual(letter.greeting, "Dear")
        XCTAssertEqual(letter.closing, "With warm wishes,")
    }

    func testMergedValuesAreEscaped() throws {
        let letter = try XCTUnwrap(load("Hello {{first_name}}, from {{business_name}}.\n").letter)
        XCTAssertEqual(
            letter.body.render(["first_name": "<script>x</script>", "business_name": "A & B"]),
            "<p>Hello &lt;script&gt;x&lt;/script&gt;, from A &amp; B.</p>\n")
    }

    func testItemFieldsInsidePetsAndChildren() throws {
        let result = load("""
            {{#pets}}How is {{name}} the {{species}}?{{/pets}}
            {{#children}}[{{name}}{{#age}} ({{age}}){{/age}}]{{/children}}{{^pets}}No pets.{{/pets}}
            {{! a comment }}
            """)
        XCTAssertEqual(result.diagnostics, [])
        var record = CustomerRecord(id: "C1", location: SourceLocation(path: "content/customers.csv"))
        record.pets = [.init(name: "Biscuit", species: "dog")]
        record.children = [.init(name: "Maya", age: "7"), .init(name: "Leo", age: "")]
        XCTAssertEqual(
            try XCTUnwrap(result.letter).body.render(LetterRecipient(record).mergeContext(in: site)),
            "<p>How is Biscuit the dog?\n[Maya (7)][Leo]\n</p>\n")
    }

    func testMergeContextOfARecipient() throws {
        let letter = try XCTUnwrap(load("Dear {{preferred_name}} {{last_name}}, {{today}}. {{full_name}} likes {{favorite_drink}}; {{business_name}}{{^pets}} (no pets){{/pets}}\n").letter)
        var record = CustomerRecord(id: "C1", location: SourceLocation(path: "content/customers.csv"))
        record.firstName = "Zoë"
        record.lastName = "Müller"
        record.favoriteDrink = "tea"
        XCTAssertEqual(
            letter.body.render(LetterRecipient(record).mergeContext(in: site)),
            "<p>Dear Zoë Müller, 14 March 2026. Zoë Müller likes tea; Salon &amp; Co (no pets)</p>\n")
    }

    func testTheOfferCodeAndDateAreMadeOnlyForALetterThatUsesThem() throws {
        let record = CustomerRecord(id: "C1", location: SourceLocation(path: "content/customers.csv"))
        let recipient = LetterRecipient(record)
        let withCode = try XCTUnwrap(load("Your code: {{offer_code}}, {{today}}.\n").letter)
        let without = try XCTUnwrap(load("Thank you, {{first_name}}.\n").letter)
        let full = recipient.mergeContext(in: site, letter: "spring")
        let asked = recipient.mergeContext(in: site, letter: "spring", names: withCode.body.names)
        let notAsked = recipient.mergeContext(in: site, letter: "spring", names: without.body.names)
        XCTAssertEqual(withCode.body.render(asked), withCode.body.render(full))
        XCTAssertNotNil(asked["offer_code"])
        XCTAssertEqual(asked["today"], "14 March 2026")
        XCTAssertNil(notAsked["offer_code"])
        XCTAssertNil(notAsked["today"])
        XCTAssertEqual(without.body.render(notAsked), without.body.render(full))
    }

    // MARK: Merge field errors

    func testUnknownMergeFieldIsReportedAtItsPlaceInTheFile() {
        let result = load("---\ntitle: Spring\n---\nDear {{first_name}},\n\nYour {{nickname}} is ready.\n")
        XCTAssertNil(result.letter)
        XCTAssertEqual(result.diagnostics, ["content/letters/spring-hello.md:6:6: error: unknown merge field 'nickname'; a letter may use: \(allowed)"])
    }

    func testUnknownMergeFieldWithoutFrontMatter() {
        let result = load("Zoë says {{ nick_name }}\n")
        XCTAssertEqual(result.diagnostics, ["content/letters/spring-hello.md:1:10: error: unknown merge field 'nick_name'; a letter may use: \(allowed)"])
    }

    func testUnknownMergeFieldInAFileWithCRLFLineBreaks() {
        let result = load("---\r\ntitle: Spring\r\n---\r\nDear {{first_name}},\r\n\r\nYour {{nickname}} is ready.\r\n")
        XCTAssertEqual(result.diagnostics, ["content/letters/spring-hello.md:6:6: error: unknown merge field 'nickname'; a letter may use: \(allowed)"])
    }

    func testMisnamedSectionCloseInAFileWithCRLFLineBreaks() {
        let result = load("---\r\ntitle: x\r\n---\r\nHi\r\n{{#pets}}x{{/kids}}\r\n")
        XCTAssertEqual(result.diagnostics, ["content/letters/spring-hello.md:5:11: error: '{{/kids}}' closes a section opened as 'pets' (expected '{{/pets}}')"])
    }

    func testInternalFieldsAreRejected() {
        let result = load("{{notes}} {{email}}\n{{#tags}}{{name}}{{/tags}}\n")
        XCTAssertNil(result.letter)
        XCTAssertEqual(result.diagnostics, [
            "content/letters/spring-hello.md:1:1: error: 'notes' is internal to the recall card and can never be printed in a letter; a letter may use: \(allowed)",
            "content/letters/spring-hello.md:1:11: error: 'email' is internal to the recall card and can never be printed in a letter; a letter may use: \(allowed)",
            "content/letters/spring-hello.md:2:1: error: 'tags' is internal to the recall card and can never be printed in a letter; a letter may use: \(allowed)",
            "content/letters/spring-hello.md:2:10: error: unknown merge field 'name'; a letter may use: \(allowed)",
        ])
    }

    func testItemFieldsOutsideTheirSectionAreRejected() {
        let result = load("{{#pets}}{{name}}{{/pets}} {{name}}\n")
        XCTAssertEqual(result.diagnostics, ["content/letters/spring-hello.md:1:28: error: unknown merge field 'name'; a letter may use: \(allowed)"])
    }

    func testAFieldOfTheOtherListIsRejected() {
        let result = load("{{#pets}}{{age}}{{/pets}}\n")
        XCTAssertEqual(result.diagnostics, [
            "content/letters/spring-hello.md:1:10: error: unknown merge field 'age'; a letter may use: business_name, children, favorite_drink, favorite_flower, first_name, full_name, last_name, name, next_appointment, offer_code, pets, preferred_name, species, today"
        ])
    }

    func testUnescapedFieldsAreRejected() {
        let result = load("---\ntitle: x\n---\n{{{first_name}}} and {{& last_name}}\n")
        XCTAssertNil(result.letter)
        XCTAssertEqual(result.diagnostics, [
            "content/letters/spring-hello.md:4:1: error: 'first_name' would be printed without HTML escaping; use {{first_name}}",
            "content/letters/spring-hello.md:4:22: error: 'last_name' would be printed without HTML escaping; use {{last_name}}",
        ])
    }

    func testPartialsAreRejected() {
        XCTAssertEqual(load("Hi\n  {{> card}}\n").diagnostics, [
            "content/letters/spring-hello.md:2:3: error: a letter cannot include templates; use merge fields only"
        ])
    }

    func testDelimiterChangesAreRejected() {
        XCTAssertEqual(load("Hi {{=<% %>=}} <%notes%>\n").diagnostics, [
            "content/letters/spring-hello.md:1:4: error: changing the {{ }} delimiters is not supported in letters"
        ])
    }

    func testUnclosedSectionIsReportedWhereItOpens() {
        let result = load("---\ntitle: x\n---\nHi\n{{#pets}}{{name}}\n\nBye\n")
        XCTAssertNil(result.letter)
        XCTAssertEqual(result.diagnostics, ["content/letters/spring-hello.md:5:1: error: '{{#pets}}' is never closed (expected '{{/pets}}')"])
    }

    func testMisnamedSectionClose() {
        let result = load("---\ntitle: x\n---\n{{#pets}}{{name}}{{/children}}\n")
        XCTAssertEqual(result.diagnostics, ["content/letters/spring-hello.md:4:18: error: '{{/children}}' closes a section opened as 'pets' (expected '{{/pets}}')"])
    }

    // MARK: Front matter

    func testFrontMatterProblems() {
        let result = load("---\ntitle: [a, b]\nkind: memo\nfont: serif\n---\nHi\n")
        XCTAssertEqual(result.diagnostics, [
            "content/letters/spring-hello.md:2:8: error: 'title' must be a single value",
            "content/letters/spring-hello.md:3:7: error: unknown kind 'memo' (known: letter, card, postcard)",
            "content/letters/spring-hello.md:4:1: warning: unknown front matter key 'font' (known: title, kind, paper, envelope, for, greeting, closing)",
        ])
    }

    func testUnclosedFrontMatter() {
        XCTAssertEqual(load("---\ntitle: x\nHi\n").diagnostics, [
            "content/letters/spring-hello.md:1:1: error: front matter opened here is never closed with a '---' line"
        ])
    }

    func testAWarningAloneDoesNotRejectTheLetter() {
        let result = load("---\nfont: serif\n---\nHi\n")
        XCTAssertNotNil(result.letter)
        XCTAssertEqual(result.diagnostics, [
            "content/letters/spring-hello.md:2:1: warning: unknown front matter key 'font' (known: title, kind, paper, envelope, for, greeting, closing)"
        ])
    }

    func testEarlierErrorsOfOtherFilesDoNotRejectTheLetter() {
        var diagnostics = Diagnostics()
        diagnostics.error(SourceLocation(path: "rapport.yml", line: 1, column: 1), "earlier problem")
        let letter = LetterLoader(unsafeMarkdown: false).loadLetter("Hi {{first_name}}\n", name: "x", path: path, diagnostics: &diagnostics)
        XCTAssertNotNil(letter)
        XCTAssertEqual(diagnostics.all.count, 1)
    }
}
