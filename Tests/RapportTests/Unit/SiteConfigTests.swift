import XCTest

@testable import Rapport

final class SiteConfigTests: XCTestCase {
    private func load(_ yaml: String) -> (config: SiteConfig, diagnostics: [String]) {
        var diagnostics = Diagnostics()
        let config = SiteConfig(yaml: yaml, path: "rapport.yml", diagnostics: &diagnostics)
        return (config, diagnostics.all.map(\.description))
    }

    func testDefaults() {
        let config = SiteConfig()
        XCTAssertEqual(config.businessName, "Your business")
        XCTAssertEqual(config.locale, "en_US")
        XCTAssertEqual(config.paper, .letter)
        XCTAssertEqual(config.output, "_site")
        XCTAssertEqual(config.soonDays, 30)
        XCTAssertEqual(config.comingUpDays, 7)
        XCTAssertEqual(config.lapsedDays, 90)
        XCTAssertEqual(config.regularVisits, 3)
        XCTAssertEqual(config.staleNoteDays, 365)
        XCTAssertEqual(config.columns, [:])
        XCTAssertEqual(config.csvDelimiter, UInt8(ascii: ","))
        XCTAssertFalse(config.unsafeMarkdown)
    }

    func testEmptyFileKeepsTheDefaults() {
        let result = load("")
        XCTAssertEqual(result.diagnostics, [])
        XCTAssertEqual(result.config.locale, "en_US")
        XCTAssertEqual(result.config.paper, .letter)
    }

    func testEveryKey() {
        let result = load("""
            business:
              name: Salon Zoë
              address:
                - 1 High Street
                - London N1 1AA
              phone: "020 7946 0000"
              email: hello@example.com
            signature: Zoë and the team
            locale: en_GB
            paper: Letter
            output: public
            soon_days: 14
            coming_up_days: 10
            lapsed_days: 120
            regular_visits: 5
            stale_note_days: 400
            columns:
              id: Customer No
              first_name: Given name
            csv_delimiter: ";"
            unsafe_markdown: true
            """)
        XCTAssertEqual(result.diagnostics, [])
        let config = result.config
        XCTAssertEqual(config.businessName, "Salon Zoë")
        XCTAssertEqual(config.businessAddress, ["1 High Street", "London N1 1AA"])
        XCTAssertEqual(config.businessPhone, "020 7946 0000")
        XCTAssertEqual(config.businessEmail, "hello@example.com")
        XCTAssertEqual(config.signature, "Zoë and the team")
        XCTAssertEqual(config.locale, "en_GB")
        XCTAssertEqual(config.paper, .letter)
        XCTAssertEqual(config.output, "public")
        XCTAssertEqual(config.soonDays, 14)
        XCTAssertEqual(config.comingUpDays, 10)
        XCTAssertEqual(config.lapsedDays, 120)
        XCTAssertEqual(config.regularVisits, 5)
        XCTAssertEqual(config.staleNoteDays, 400)
        XCTAssertEqual(config.columns, ["id": "Customer No", "first_name": "Given name"])
        XCTAssertEqual(config.csvDelimiter, UInt8(ascii: ";"))
        XCTAssertTrue(config.unsafeMarkdown)
    }

    func testAddressAsABlockOfLines() {
        let result = load("business:\n  address: |\n    1 High Street\n    London N1 1AA\n")
        XCTAssertEqual(result.diagnostics, [])
        XCTAssertEqual(result.config.businessAddress, ["1 High Street", "London N1 1AA"])
    }

    func testScalarsAreReadAsWritten() {
        let result = load("business:\n  phone: 0207946000\n  name: no\n")
        XCTAssertEqual(result.config.businessPhone, "0207946000")
        XCTAssertEqual(result.config.businessName, "no")
    }

    // MARK: Unknown keys

    func testUnknownKeyIsAWarningAtItsPosition() {
        let result = load("locale: en_GB\ncolour: teal\n")
        XCTAssertEqual(result.diagnostics, [
            "rapport.yml:2:1: warning: unknown key 'colour' (known: business, columns, coming_up_days, csv_delimiter, lapsed_days, locale, output, paper, regular_visits, signature, soon_days, stale_note_days, unsafe_markdown)"
        ])
        XCTAssertEqual(result.config.locale, "en_GB")
    }

    func testUnknownBusinessKey() {
        let result = load("business:\n  name: Zoë's\n  fax: 123\n")
        XCTAssertEqual(result.diagnostics, [
            "rapport.yml:3:3: warning: unknown key 'business.fax' (known: name, address, phone, email, country)"
        ])
    }

    func testUnknownColumn() {
        let result = load("columns:\n  id: No\n  nickname: Nick\n")
        XCTAssertEqual(result.diagnostics, ["rapport.yml:3:3: error: 'columns' names unknown column 'nickname'"])
    }

    // MARK: Bad values

    func testBadPaper() {
        let result = load("paper: A5\n")
        XCTAssertEqual(result.diagnostics, ["rapport.yml:1:8: error: unknown paper 'A5' (use A4 or Letter)"])
    }

    func testPaperIgnoresCase() {
        XCTAssertEqual(load("paper: a4\n").config.paper, .a4)
        XCTAssertEqual(load("paper: LETTER\n").config.paper, .letter)
    }

    func testBadLocale() {
        let result = load("business:\n  name: x\nlocale: xx_YY\n")
        XCTAssertEqual(result.diagnostics, ["rapport.yml:3:9: error: unknown locale 'xx_YY' (e.g. en_GB, en_US, de_DE, fr_FR, ja_JP)"])
        XCTAssertEqual(result.config.locale, "en_US")
    }

    func testLocaleWithAHyphen() {
        let result = load("locale: en-GB\n")
        XCTAssertEqual(result.diagnostics, [])
        XCTAssertEqual(result.config.locale, "en_GB")
    }

    func testBadSoonDays() {
        XCTAssertEqual(load("soon_days: 400\n").diagnostics, [
            "rapport.yml:1:12: error: 'soon_days' must be a whole number of days from 0 to 366, not '400'"
        ])
        XCTAssertEqual(load("soon_days: -1\n").diagnostics, [
            "rapport.yml:1:12: error: 'soon_days' must be a whole number of days from 0 to 366, not '-1'"
        ])
        XCTAssertEqual(load("\n\nsoon_days:   soon\n").diagnostics, [
            "rapport.yml:3:14: error: 'soon_days' must be a whole number of days from 0 to 366, not 'soon'"
        ])
        XCTAssertEqual(load("soon_days: 366\n").config.soonDays, 366)
        XCTAssertEqual(load("soon_days: 0\n").config.soonDays, 0)
    }

    func testSoonDaysMustBeASingleValue() {
        XCTAssertEqual(load("soon_days: [1, 2]\n").diagnostics, ["rapport.yml:1:12: error: 'soon_days' must be a single value"])
    }

    func testBadDayCounts() {
        XCTAssertEqual(load("coming_up_days: 63\n").diagnostics, [
            "rapport.yml:1:17: error: 'coming_up_days' must be a whole number of days from 0 to 62, not '63'"
        ])
        XCTAssertEqual(load("regular_visits: many\n").diagnostics, [
            "rapport.yml:1:17: error: 'regular_visits' must be a whole number from 0 to 100000, not 'many'"
        ])
        XCTAssertEqual(load("lapsed_days: 3661\n").diagnostics, [
            "rapport.yml:1:14: error: 'lapsed_days' must be a whole number of days from 0 to 3660, not '3661'"
        ])
    }

    func testBadOutput() {
        XCTAssertEqual(load("output: \"\"\n").diagnostics, ["rapport.yml:1:9: error: 'output' must name a folder"])
    }

    func testCSVDelimiters() {
        XCTAssertEqual(load("csv_delimiter: tab\n").config.csvDelimiter, UInt8(ascii: "\t"))
        XCTAssertEqual(load("csv_delimiter: \"|\"\n").config.csvDelimiter, UInt8(ascii: "|"))
        XCTAssertEqual(load("csv_delimiter: \"\\t\"\n").config.csvDelimiter, UInt8(ascii: "\t"))
        XCTAssertEqual(load("csv_delimiter: \"::\"\n").diagnostics, ["rapport.yml:1:16: error: 'csv_delimiter' must be one of , ; | or tab"])
    }

    func testBadUnsafeMarkdown() {
        XCTAssertEqual(load("unsafe_markdown: maybe\n").diagnostics, ["rapport.yml:1:18: error: 'unsafe_markdown' must be true or false"])
        XCTAssertFalse(load("unsafe_markdown: no\n").config.unsafeMarkdown)
    }

    func testBusinessMustBeAMapping() {
        XCTAssertEqual(load("business: Salon\n").diagnostics, [
            "rapport.yml:1:11: error: 'business' must be a mapping with name, address, phone, email"
        ])
    }

    func testNotAMapping() {
        XCTAssertEqual(load("- a\n- b\n").diagnostics, ["rapport.yml:1:1: error: expected a mapping of `key: value` lines"])
    }

    func testInvalidYAML() {
        XCTAssertEqual(load("locale: en_GB\npaper: A4: x\n").diagnostics, [
            "rapport.yml:2:10: error: invalid YAML: mapping values are not allowed in this context"
        ])
    }

    func testEveryProblemIsReported() {
        let result = load("paper: A3\nlocale: xx\nsoon_days: x\n")
        XCTAssertEqual(result.diagnostics, [
            "rapport.yml:1:8: error: unknown paper 'A3' (use A4 or Letter)",
            "rapport.yml:2:9: error: unknown locale 'xx' (e.g. en_GB, en_US, de_DE, fr_FR, ja_JP)",
            "rapport.yml:3:12: error: 'soon_days' must be a whole number of days from 0 to 366, not 'x'",
        ])
    }

    // MARK: Paper follows the locale

    func testDefaultPaperFollowsTheLocale() {
        XCTAssertEqual(load("locale: en_US\n").config.paper, .letter)
        XCTAssertEqual(load("locale: en_GB\n").config.paper, .a4)
        XCTAssertEqual(load("locale: de_DE\n").config.paper, .a4)
        XCTAssertEqual(load("locale: en_CA\n").config.paper, .letter)
    }

    func testExplicitPaperWinsOverTheLocale() {
        XCTAssertEqual(load("paper: Letter\nlocale: en_GB\n").config.paper, .letter)
        XCTAssertEqual(load("locale: en_US\npaper: A4\n").config.paper, .a4)
    }

    func testPaperCSSSize() {
        XCTAssertEqual(Paper.a4.cssSize, "A4")
        XCTAssertEqual(Paper.letter.cssSize, "Letter")
    }
}
