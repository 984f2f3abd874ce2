import XCTest

@testable import Rapport

final class SelectionTests: XCTestCase {
    private let help = "today, week, birthdays:DAYS, anniversaries:DAYS, tag:NAME, not-seen:DAYS, all, or ids separated by commas"

    private func parse(_ text: String) -> Result<Selection, SelectionError> {
        Result { () throws(SelectionError) in try Selection(parsing: text) }
    }

    private func parseError(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> String? {
        switch parse(text) {
        case .success(let selection):
            XCTFail("'\(text)' parsed as \(selection), expected an error", file: file, line: line)
            return nil
        case .failure(let error):
            return error.description
        }
    }

    // MARK: Parsing

    func testHelpListsEveryForm() {
        XCTAssertEqual(Selection.help, help)
    }

    func testEveryForm() throws {
        let cases: [(String, Selection, String)] = [
            ("today", .today, "today"),
            ("week", .week, "week"),
            ("all", .all, "all"),
            ("birthdays:30", .birthdays(days: 30), "birthdays:30"),
            ("anniversaries:7", .anniversaries(days: 7), "anniversaries:7"),
            ("tag:vip", .tag("vip"), "tag:vip"),
            ("not-seen:90", .notSeen(days: 90), "not-seen:90"),
            ("C-1,C-2", .ids(["C-1", "C-2"]), "C-1,C-2"),
            ("id:C-1", .ids(["C-1"]), "C-1"),
            ("C-1", .ids(["C-1"]), "C-1"),
            // Spaces around the whole and around each id are not part of it.
            ("  week  ", .week, "week"),
            (" C-1 , C-2 ,, ", .ids(["C-1", "C-2"]), "C-1,C-2"),
            // Keywords are read without regard to case; tag names and ids are kept as written.
            ("TODAY", .today, "today"),
            ("Birthdays:0", .birthdays(days: 0), "birthdays:0"),
            ("tag:VIP", .tag("VIP"), "tag:VIP"),
            ("not-seen:3660", .notSeen(days: 3660), "not-seen:3660"),
            // An id with a colon in it is written with `id:`.
            ("id:A:1,B", .ids(["A:1", "B"]), "A:1,B"),
        ]
        for (text, expected, description) in cases {
            let selection = try parse(text).get()
            XCTAssertEqual(selection, expected, text)
            XCTAssertEqual(selection.description, description, text)
        }
    }

    func testErrorMessages() {
        let cases: [(String, String)] = [
            ("", "empty selection; use \(help)"),
            ("   ", "empty selection; use \(help)"),
            ("birthdays", "'birthdays' needs a number of days, e.g. birthdays:30"),
            ("birthdays:soon", "'birthdays:soon' needs a number of days, e.g. birthdays:30"),
            ("birthdays:-1", "'birthdays:-1' needs a number of days, e.g. birthdays:30"),
            ("anniversaries:3661", "'anniversaries:3661' needs a number of days, e.g. anniversaries:30"),
            ("not-seen", "'not-seen' needs a number of days, e.g. not-seen:30"),
            ("not-seen:ninety", "'not-seen:ninety' needs a number of days, e.g. not-seen:30"),
            ("tag", "'tag:' needs a tag name, e.g. tag:vip"),
            ("tag:", "'tag:' needs a tag name, e.g. tag:vip"),
            ("today:1", "unknown selection 'today:1'; use \(help)"),
            ("week:2", "unknown selection 'week:2'; use \(help)"),
            ("all:x", "unknown selection 'all:x'; use \(help)"),
            ("birthday:30", "unknown selection 'birthday:30'; use \(help)"),
            ("C-1:x", "unknown selection 'C-1:x'; use \(help)"),
        ]
        for (text, message) in cases {
            XCTAssertEqual(parseError(text), message, "'\(text)'")
        }
    }

    func testAListWithoutAnyIdIsAnError() {
        XCTAssertEqual(parseError(","), "empty selection; use \(help)")
        XCTAssertEqual(parseError(" , ,"), "empty selection; use \(help)")
        XCTAssertEqual(parseError("id:"), "empty selection; use \(help)")
        XCTAssertEqual(parseError("id: , "), "empty selection; use \(help)")
    }

    // MARK: Selecting

    private let today = CalendarDay(year: 2026, month: 11, day: 22)!

    private func record(
        _ id: String, _ first: String, _ last: String, birthday: String? = nil, anniversary: String? = nil,
        lastVisit: String? = nil, tags: [String] = []
    ) -> CustomerRecord {
        var record = CustomerRecord(id: id, location: SourceLocation(path: "content/customers.csv"))
        record.firstName = first
        record.lastName = last
        record.birthday = birthday.flatMap { Anniversary($0, allowsYearless: true) }
        record.anniversary = anniversary.flatMap { Anniversary($0, allowsYearless: false) }
        record.lastVisit = lastVisit.flatMap { CalendarDay(iso: $0) }
        record.tags = tags
        return record
    }

    private func appointment(_ date: String, _ time: String, _ id: String) -> Appointment {
        let location = SourceLocation(path: "content/schedule.csv")
        return Appointment(
            date: CalendarDay(iso: date)!, time: time, customerID: id, service: "Cut", staff: "Ann", location: location,
            customerLocation: location)
    }

    /// Appointments by customer, sorted by date and time as the schedule loader leaves them.
    private func byCustomer(_ appointments: [Appointment]) -> [String: [Appointment]] {
        Dictionary(grouping: appointments, by: \.customerID).mapValues { $0.sorted { ($0.date, $0.time) < ($1.date, $1.time) } }
    }

    private func select(
        _ text: String, _ records: [CustomerRecord], appointments: [Appointment] = [], on day: CalendarDay? = nil
    ) throws -> [String] {
        let selection = try parse(text).get()
        return try selection.select(DirectoryView.sorted(records), appointments: byCustomer(appointments), today: day ?? today).map(\.id)
    }

    private var people: [CustomerRecord] {
        [
            record("C-1", "Ann", "Young"), record("C-2", "Bea", "Adams"), record("C-3", "Cal", "Moss"),
            record("C-4", "Dot", "Baker"), record("C-5", "Eve", "Zane"),
        ]
    }

    func testTodayIsWhoIsBookedToday() throws {
        let appointments = [
            appointment("2026-11-22", "15:00", "C-1"), appointment("2026-11-22", "09:30", "C-3"),
            appointment("2026-11-21", "10:00", "C-2"), appointment("2026-11-23", "10:00", "C-4"),
        ]
        XCTAssertEqual(try select("today", people, appointments: appointments), ["C-3", "C-1"])
    }

    func testWeekIsTodayThroughSixDaysOnByAppointment() throws {
        let appointments = [
            appointment("2026-11-21", "10:00", "C-5"),  // yesterday
            appointment("2026-11-28", "09:00", "C-1"),  // the 7th day: the last one in
            appointment("2026-11-29", "09:00", "C-2"),  // the 8th day: out
            appointment("2026-11-24", "14:00", "C-3"),
            appointment("2026-11-24", "09:05", "C-4"),
            appointment("2026-11-22", "17:00", "C-5"),  // C-5 again, today
        ]
        XCTAssertEqual(try select("week", people, appointments: appointments), ["C-5", "C-4", "C-3", "C-1"])
    }

    func testACustomerBookedTwiceInTheWeekIsSelectedOnceAtTheFirstBooking() throws {
        let appointments = [
            appointment("2026-11-23", "10:00", "C-1"), appointment("2026-11-27", "10:00", "C-1"),
            appointment("2026-11-25", "10:00", "C-2"),
        ]
        XCTAssertEqual(try select("week", people, appointments: appointments), ["C-1", "C-2"])
    }

    func testSameTimeIsOrderedById() throws {
        let appointments = [appointment("2026-11-23", "10:00", "C-4"), appointment("2026-11-23", "10:00", "C-2")]
        XCTAssertEqual(try select("week", people, appointments: appointments), ["C-2", "C-4"])
    }

    func testBirthdaysWithinDaysByDate() throws {
        let records = [
            record("B-1", "Ann", "Able", birthday: "1980-12-22"),  // in 30 days: the last day in
            record("B-2", "Bo", "Bell", birthday: "--11-22"),  // today, year unknown
            record("B-3", "Cy", "Cole", birthday: "1990-12-23"),  // in 31 days: out
            record("B-4", "Di", "Dunn", birthday: "1975-11-21"),  // yesterday: a year away
            record("B-5", "Ed", "Eck", birthday: "--12-01"),
            record("B-6", "Fay", "Fox"),  // no birthday
        ]
        XCTAssertEqual(try select("birthdays:30", records), ["B-2", "B-5", "B-1"])
        XCTAssertEqual(try select("birthdays:0", records), ["B-2"])
    }

    func testBirthdaysAcrossTheNewYear() throws {
        let records = [
            record("B-1", "Ann", "Able", birthday: "1980-01-02"), record("B-2", "Bo", "Bell", birthday: "--12-30"),
        ]
        XCTAssertEqual(try select("birthdays:7", records, on: CalendarDay(year: 2026, month: 12, day: 28)!), ["B-2", "B-1"])
    }

    func testLeapDayBirthdayFallsOn28FebruaryInOtherYears() throws {
        let records = [
            record("L-1", "Leap", "Year", birthday: "1992-02-29"),
            record("L-2", "Year", "Less", birthday: "--02-29"),
            record("L-3", "March", "First", birthday: "1990-03-01"),
            record("L-4", "Feb", "Late", birthday: "1990-02-28"),
        ]
        // 2027 has no 29 February: both leap-day birthdays are on the 28th, with the 28th's own.
        let inNonLeapYear = CalendarDay(year: 2027, month: 2, day: 28)!
        XCTAssertEqual(try select("birthdays:0", records, on: inNonLeapYear), ["L-1", "L-2", "L-4"])
        XCTAssertEqual(try select("birthdays:1", records, on: inNonLeapYear), ["L-1", "L-2", "L-4", "L-3"])
        // 2028 has one: the 28th is only L-4's.
        let inLeapYear = CalendarDay(year: 2028, month: 2, day: 28)!
        XCTAssertEqual(try select("birthdays:0", records, on: inLeapYear), ["L-4"])
        XCTAssertEqual(try select("birthdays:1", records, on: inLeapYear), ["L-4", "L-1", "L-2"])
    }

    func testAnniversariesWithinDays() throws {
        let records = [
            record("A-1", "Ann", "Able", anniversary: "2001-11-29"),  // in 7 days
            record("A-2", "Bo", "Bell", anniversary: "2010-11-30"),  // in 8 days
            record("A-3", "Cy", "Cole", birthday: "1980-11-23"),  // a birthday is not an anniversary
            record("A-4", "Di", "Dunn", anniversary: "2015-11-23"),
        ]
        XCTAssertEqual(try select("anniversaries:7", records), ["A-4", "A-1"])
    }

    func testTagByName() throws {
        let records = [
            record("T-1", "Zed", "Zane", tags: ["vip", "colour"]), record("T-2", "Amy", "Ash", tags: ["colour"]),
            record("T-3", "Bob", "Bark", tags: ["vip"]), record("T-4", "Cat", "Coe", tags: ["VIP"]),
        ]
        // By name (last name first), as in the directory.
        XCTAssertEqual(try select("tag:vip", records), ["T-3", "T-1"])
        XCTAssertEqual(try select("tag:colour", records), ["T-2", "T-1"])
        XCTAssertEqual(try select("tag:nobody", records), [])
    }

    func testNotSeenExcludesCustomersWithoutALastVisit() throws {
        let records = [
            record("N-1", "Ann", "Zane", lastVisit: "2026-08-23"),  // 91 days ago
            record("N-2", "Bo", "Bell", lastVisit: "2026-08-24"),  // exactly 90 days ago: not yet
            record("N-3", "Cy", "Cole"),  // never recorded
            record("N-4", "Di", "Ames", lastVisit: "2024-01-05"),
        ]
        XCTAssertEqual(try select("not-seen:90", records), ["N-4", "N-1"])
        XCTAssertEqual(try select("not-seen:89", records), ["N-4", "N-2", "N-1"])
    }

    func testAllIsEveryoneByName() throws {
        XCTAssertEqual(try select("all", people), ["C-2", "C-4", "C-3", "C-1", "C-5"])
    }

    func testIdsKeepTheirOrderWithoutDuplicates() throws {
        XCTAssertEqual(try select("C-3,C-1,C-3,C-1,C-2", people), ["C-3", "C-1", "C-2"])
        XCTAssertEqual(try select("id:C-5", people), ["C-5"])
    }

    func testUnknownIdsAreAnError() {
        let selection = Selection.ids(["C-1", "X-9", "c-2", "C-2"])
        XCTAssertThrowsError(try selection.select(people, appointments: [:], today: today)) { error in
            XCTAssertEqual((error as? SelectionError)?.description, "no customer with id 'X-9', 'c-2'")
        }
        XCTAssertThrowsError(try Selection.ids(["Z"]).select(people, appointments: [:], today: today)) { error in
            XCTAssertEqual((error as? SelectionError)?.description, "no customer with id 'Z'")
        }
    }
}
