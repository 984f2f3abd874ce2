import XCTest

@testable import Rapport

final class RecordLoaderTests: XCTestCase {
    private let path = "content/customers.csv"

    private func load(_ text: String, config: SiteConfig = SiteConfig()) -> (records: [CustomerRecord], diagnostics: [String]) {
        var diagnostics = Diagnostics()
        let records = RecordLoader(path: path, config: config).loadRecords(from: Array(text.utf8), diagnostics: &diagnostics)
        return (records, diagnostics.all.map(\.description))
    }

    // MARK: Fields

    func testReadsEveryStandardColumn() throws {
        let header = CustomerRecord.standardColumns.joined(separator: ",")
        let row = [
            "C-0042", "Zoë", "Müller", "Zo", "ZOH-ee", "zoe@example.com", "+44 20 7946 0000", "1990-07-04",
            "2015-06-12", "2019-01-15", "2026-03-01", "17", "Flat white", "Peony", "vip; regular",
            "1 High St", "Flat 2", "London", "Greater London", "N1 1AA", "UK", "Maya (7)", "Biscuit (dog)",
        ].joined(separator: ",")
        let result = load("\(header)\n\(row)\n")
        XCTAssertEqual(result.diagnostics, [])
        let record = try XCTUnwrap(result.records.first)
        XCTAssertEqual(record.id, "C-0042")
        XCTAssertEqual(record.firstName, "Zoë")
        XCTAssertEqual(record.lastName, "Müller")
        XCTAssertEqual(record.preferredName, "Zo")
        XCTAssertEqual(record.pronunciation, "ZOH-ee")
        XCTAssertEqual(record.email, "zoe@example.com")
        XCTAssertEqual(record.phone, "+44 20 7946 0000")
        XCTAssertEqual(record.birthday, Anniversary("1990-07-04", allowsYearless: true))
        XCTAssertEqual(record.anniversary, Anniversary("2015-06-12", allowsYearless: false))
        XCTAssertEqual(record.customerSince, CalendarDay(year: 2019, month: 1, day: 15))
        XCTAssertEqual(record.lastVisit, CalendarDay(year: 2026, month: 3, day: 1))
        XCTAssertEqual(record.visits, 17)
        XCTAssertEqual(record.favoriteDrink, "Flat white")
        XCTAssertEqual(record.favoriteFlower, "Peony")
        XCTAssertEqual(record.tags, ["vip", "regular"])
        XCTAssertEqual(
            record.address,
            .init(line1: "1 High St", line2: "Flat 2", city: "London", region: "Greater London", postalCode: "N1 1AA", country: "UK"))
        XCTAssertEqual(record.children, [.init(name: "Maya", age: "7")])
        XCTAssertEqual(record.pets, [.init(name: "Biscuit", species: "dog")])
        XCTAssertEqual(record.extra.count, 0)
        XCTAssertEqual(record.location, SourceLocation(path: path, line: 2, column: 1))
    }

    func testValuesAreTrimmed() throws {
        let record = try XCTUnwrap(load("id,first_name,visits\n  C1 , Ann ,  3 \n").records.first)
        XCTAssertEqual(record.id, "C1")
        XCTAssertEqual(record.firstName, "Ann")
        XCTAssertEqual(record.visits, 3)
    }

    func testRecordLocationIsTheLineItsRowStartsOn() {
        let result = load("id,note\nC1,\"two\nlines\"\nC2,x\n")
        XCTAssertEqual(result.records.map(\.location), [
            SourceLocation(path: path, line: 2, column: 1), SourceLocation(path: path, line: 4, column: 1),
        ])
    }

    // MARK: Header

    func testHeadersAreNormalized() throws {
        let result = load("ID,First Name,last-name, PREFERRED_NAME ,Favorite Drink\nC1,Ann,Lee,Annie,Tea\n")
        XCTAssertEqual(result.diagnostics, [])
        let record = try XCTUnwrap(result.records.first)
        XCTAssertEqual(
            [record.id, record.firstName, record.lastName, record.preferredName, record.favoriteDrink],
            ["C1", "Ann", "Lee", "Annie", "Tea"])
        XCTAssertEqual(record.extra.count, 0)
    }

    func testListsSplitAtSemicolonsAndDropEmptyItems() {
        XCTAssertEqual(RecordLoader.list("vip; regular;;  ; walk-in "), ["vip", "regular", "walk-in"])
        XCTAssertEqual(RecordLoader.list(""), [])
        XCTAssertEqual(RecordLoader.list(";"), [])
        XCTAssertEqual(RecordLoader.list("Zoë;\u{A0}Mía\u{A0}; ok"), ["Zoë", "Mía", "ok"])
        // A combining mark joins the semicolon before it into one character: no split there.
        XCTAssertEqual(RecordLoader.list("a;\u{301}b;c"), ["a;\u{301}b", "c"])
    }

    func testNormalize() {
        XCTAssertEqual(RecordLoader.normalize("First Name"), "first_name")
        XCTAssertEqual(RecordLoader.normalize("first-name"), "first_name")
        XCTAssertEqual(RecordLoader.normalize("  FIRST_NAME\t"), "first_name")
    }

    func testColumnsAreRenamedByTheConfig() throws {
        var config = SiteConfig()
        config.columns = ["id": "Customer No", "first_name": "Given"]
        let result = load("Customer No,GIVEN,Surname\nC1,Ann,Lee\n", config: config)
        XCTAssertEqual(result.diagnostics, [])
        let record = try XCTUnwrap(result.records.first)
        XCTAssertEqual(record.id, "C1")
        XCTAssertEqual(record.firstName, "Ann")
        // "Surname" is not a standard column and was not renamed: it is kept as an extra.
        XCTAssertEqual(record.lastName, "")
        XCTAssertEqual(record.extra.map { "\($0.name)=\($0.value)" }, ["surname=Lee"])
    }

    func testDuplicateColumnPointsAtTheFirstOne() {
        let result = load("id,First Name,first_name\nC1,Ann,Annie\n")
        XCTAssertEqual(result.diagnostics, [
            "content/customers.csv:1:15: error: duplicate column 'first_name'\ncontent/customers.csv:1:4: note: first defined here"
        ])
        XCTAssertEqual(result.records.count, 0)
    }

    func testDuplicateColumnAfterRenaming() {
        var config = SiteConfig()
        config.columns = ["first_name": "Given"]
        let result = load("id,Given,first_name\nC1,Ann,Annie\n", config: config)
        XCTAssertEqual(result.diagnostics, [
            "content/customers.csv:1:10: error: duplicate column 'first_name'\ncontent/customers.csv:1:4: note: first defined here"
        ])
    }

    func testEmptyHeader() {
        let result = load("id,,last_name\nC1,Ann,Lee\n")
        XCTAssertEqual(result.diagnostics, ["content/customers.csv:1:4: error: column 2 has an empty header"])
        XCTAssertEqual(result.records.count, 0)
    }

    func testMissingIDColumn() {
        let result = load("name,email\nAnn,ann@example.com\n")
        XCTAssertEqual(result.diagnostics, ["content/customers.csv:1:1: error: no 'id' column in the header (found: name, email)"])
        XCTAssertEqual(result.records.count, 0)
    }

    func testSemicolonSeparatedFileIsDetectedWithAWarning() {
        let result = load("id;first_name\nC1;Ann\n")
        XCTAssertEqual(result.diagnostics, [
            "content/customers.csv:1:1: warning: the file is separated by semicolons, not commas; reading it so (set `csv_delimiter: \";\"` in rapport.yml to silence this warning)"
        ])
        XCTAssertEqual(result.records.map(\.firstName), ["Ann"])
    }

    func testTabSeparatedFileIsDetectedWithAWarning() {
        let result = load("id\tfirst_name\nC1\tAnn\n")
        XCTAssertEqual(result.diagnostics, [
            "content/customers.csv:1:1: warning: the file is separated by tabs, not commas; reading it so (set `csv_delimiter: tab` in rapport.yml to silence this warning)"
        ])
        XCTAssertEqual(result.records.map(\.firstName), ["Ann"])
    }

    func testSemicolonSeparatedFileWithTheDelimiterSet() {
        var config = SiteConfig()
        config.csvDelimiter = UInt8(ascii: ";")
        let result = load("id;first_name\nC1;Ann\n", config: config)
        XCTAssertEqual(result.diagnostics, [])
        XCTAssertEqual(result.records.map(\.firstName), ["Ann"])
    }

    func testEmptyFile() {
        let expected = [
            "content/customers.csv:1:1: error: the file is empty; the first line must be a header such as 'id,first_name,last_name,...'"
        ]
        XCTAssertEqual(load("").diagnostics, expected)
        XCTAssertEqual(load("\n\r\n\n").diagnostics, expected)
        XCTAssertEqual(load("\u{FEFF}").diagnostics, expected)
    }

    func testEmptyFileIsReportedAfterOtherFilesProblems() {
        var diagnostics = Diagnostics()
        diagnostics.error(SourceLocation(path: "rapport.yml", line: 1, column: 8), "unknown paper 'A3' (use A4 or Letter)")
        _ = RecordLoader(path: path, config: SiteConfig()).loadRecords(from: [], diagnostics: &diagnostics)
        XCTAssertEqual(diagnostics.all.map(\.description), [
            "rapport.yml:1:8: error: unknown paper 'A3' (use A4 or Letter)",
            "content/customers.csv:1:1: error: the file is empty; the first line must be a header such as 'id,first_name,last_name,...'",
        ])
    }

    func testUnreadableFileIsNotAlsoReportedAsEmpty() {
        var diagnostics = Diagnostics()
        let records = RecordLoader(path: path, config: SiteConfig())
            .loadRecords(from: Array("id,name\nC1,Ren".utf8) + [0xE9, 0x0A], diagnostics: &diagnostics)
        XCTAssertEqual(records.count, 0)
        XCTAssertEqual(diagnostics.all.map(\.description), [
            "content/customers.csv:2:7: error: the file is not valid UTF-8 (it looks like Windows-1252 or Latin-1); save it as CSV UTF-8 (\"CSV UTF-8 (Comma delimited)\" in Excel)"
        ])
    }

    func testHeaderOnlyGivesNoRecordsAndNoProblems() {
        let result = load("id,first_name\n")
        XCTAssertEqual(result.records.count, 0)
        XCTAssertEqual(result.diagnostics, [])
    }

    // MARK: Rows

    func testRowWithTooFewFields() {
        let result = load("id,first_name,last_name\nC1,Ann\nC2,Bo,Li\n")
        XCTAssertEqual(result.diagnostics, ["content/customers.csv:2:4: error: row has 2 fields but the header has 3"])
        XCTAssertEqual(result.records.map(\.id), ["C2"])
    }

    func testRowWithTooManyFields() {
        let result = load("id,first_name\nC1,Ann,Lee\n")
        XCTAssertEqual(result.diagnostics, ["content/customers.csv:2:8: error: row has 3 fields but the header has 2"])
        XCTAssertEqual(result.records.count, 0)
    }

    func testRowWithOneField() {
        let result = load("id,first_name\nC1\n")
        XCTAssertEqual(result.diagnostics, ["content/customers.csv:2:1: error: row has 1 field but the header has 2"])
    }

    func testEmptyID() {
        let result = load("first_name,id\nAnn,\nBo,   \nCy,C3\n")
        XCTAssertEqual(result.diagnostics, [
            "content/customers.csv:2:5: error: empty customer id",
            "content/customers.csv:3:4: error: empty customer id",
        ])
        XCTAssertEqual(result.records.map(\.id), ["C3"])
    }

    func testDuplicateIDPointsAtTheFirstRow() {
        let result = load("id,first_name\nC1,Ann\nC2,Bo\nC1,Cy\n")
        XCTAssertEqual(result.diagnostics, [
            "content/customers.csv:4:1: error: duplicate customer id 'C1'\ncontent/customers.csv:2:1: note: first defined here"
        ])
        XCTAssertEqual(result.records.map(\.firstName), ["Ann", "Bo"])
    }

    func testDuplicateIDInALaterColumnPointsAtTheFirstID() {
        // The note names the character column of the first id, like the error does.
        let result = load("first_name,id\nAnn,C1\nBo,C1\n")
        XCTAssertEqual(result.diagnostics, [
            "content/customers.csv:3:4: error: duplicate customer id 'C1'\ncontent/customers.csv:2:5: note: first defined here"
        ])
    }

    func testIDsDifferingOnlyInCaseAreDistinct() {
        let result = load("id\nC1\nc1\n")
        XCTAssertEqual(result.diagnostics, [])
        XCTAssertEqual(result.records.map(\.id), ["C1", "c1"])
    }

    // MARK: Dates and numbers

    func testInvalidBirthdayIsReportedAtItsField() {
        let result = load("id,first_name,birthday\nC1,Zoë,1990-02-30\nC2,Bo,1990-02-28\n")
        XCTAssertEqual(result.diagnostics, [
            "content/customers.csv:2:8: error: invalid birthday '1990-02-30': expected a real date as YYYY-MM-DD, or --MM-DD when the year is unknown"
        ])
        XCTAssertEqual(result.records.map(\.id), ["C2"])
    }

    func testInvalidAnniversaryMayNotOmitTheYear() {
        let result = load("id,anniversary\nC1,--06-12\n")
        XCTAssertEqual(result.diagnostics, [
            "content/customers.csv:2:4: error: invalid anniversary '--06-12': expected a real date as YYYY-MM-DD"
        ])
    }

    func testInvalidCustomerSince() {
        let result = load("id,customer_since\nC1,2020-13-01\n")
        XCTAssertEqual(result.diagnostics, [
            "content/customers.csv:2:4: error: invalid customer since '2020-13-01': expected a real date as YYYY-MM-DD"
        ])
    }

    func testInvalidLastVisit() {
        let result = load("id,first_name,last_visit\n\"C1\",\"Ann\",14/03/2026\n")
        XCTAssertEqual(result.diagnostics, [
            "content/customers.csv:2:12: error: invalid last visit '14/03/2026': expected a real date as YYYY-MM-DD"
        ])
    }

    func testInvalidVisits() {
        let result = load("id,visits\nC1,three\nC2,-2\nC3,1.5\nC4,0\n")
        XCTAssertEqual(result.diagnostics, [
            "content/customers.csv:2:4: error: invalid visits 'three': expected a whole number",
            "content/customers.csv:3:4: error: invalid visits '-2': expected a whole number",
            "content/customers.csv:4:4: error: invalid visits '1.5': expected a whole number",
        ])
        XCTAssertEqual(result.records.map(\.visits), [0])
    }

    func testEveryProblemOfARowIsReported() {
        let result = load("id,birthday,visits\nC1,1990-02-30,many\n")
        XCTAssertEqual(result.diagnostics, [
            "content/customers.csv:2:4: error: invalid birthday '1990-02-30': expected a real date as YYYY-MM-DD, or --MM-DD when the year is unknown",
            "content/customers.csv:2:15: error: invalid visits 'many': expected a whole number",
        ])
    }

    func testBirthdayWithoutYear() throws {
        let result = load("id,birthday\nC1,--07-04\nC2,--02-29\nC3,--02-30\nC4,--7-04\n")
        XCTAssertEqual(result.diagnostics, [
            "content/customers.csv:4:4: error: invalid birthday '--02-30': expected a real date as YYYY-MM-DD, or --MM-DD when the year is unknown",
            "content/customers.csv:5:4: error: invalid birthday '--7-04': expected a real date as YYYY-MM-DD, or --MM-DD when the year is unknown",
        ])
        let birthdays = result.records.compactMap(\.birthday)
        XCTAssertEqual(birthdays.map(\.month), [7, 2])
        XCTAssertEqual(birthdays.map(\.day), [4, 29])
        XCTAssertEqual(birthdays.map(\.year), [nil, nil])
    }

    func testEmptyDatesAreLeftOut() throws {
        let result = load("id,birthday,anniversary,customer_since,last_visit,visits\nC1,,,,,\n")
        XCTAssertEqual(result.diagnostics, [])
        let record = try XCTUnwrap(result.records.first)
        XCTAssertNil(record.birthday)
        XCTAssertNil(record.anniversary)
        XCTAssertNil(record.customerSince)
        XCTAssertNil(record.lastVisit)
        XCTAssertNil(record.visits)
    }

    // MARK: Lists

    func testChildrenWithAges() throws {
        let record = try XCTUnwrap(load("id,children\nC1,Maya (7); Leo ( 7 months );; Sam ;(3)\n").records.first)
        XCTAssertEqual(record.children, [
            .init(name: "Maya", age: "7"), .init(name: "Leo", age: "7 months"), .init(name: "Sam", age: ""),
            .init(name: "(3)", age: ""),
        ])
    }

    func testPetsWithSpecies() throws {
        let record = try XCTUnwrap(load("id,pets\nC1,Biscuit (dog);Pepper\n").records.first)
        XCTAssertEqual(record.pets, [.init(name: "Biscuit", species: "dog"), .init(name: "Pepper", species: "")])
    }

    func testTags() throws {
        let record = try XCTUnwrap(load("id,tags\nC1, vip ;;regular;\n").records.first)
        XCTAssertEqual(record.tags, ["vip", "regular"])
    }

    func testExtraColumnsAreKeptInFileOrder() throws {
        let result = load("Loyalty Tier,id,first_name,Allergies,notes\ngold,C1,Ann,nuts,\n")
        XCTAssertEqual(result.diagnostics, [])
        let record = try XCTUnwrap(result.records.first)
        XCTAssertEqual(record.extra.map { "\($0.name)=\($0.value)" }, ["loyalty_tier=gold", "allergies=nuts", "notes="])
    }
}
