import XCTest

@testable import Rapport

final class ScheduleLoaderTests: XCTestCase {
    private let path = "content/schedule.csv"

    private func load(_ text: String, delimiter: Character = ",") -> (appointments: [Appointment], diagnostics: [String]) {
        var diagnostics = Diagnostics()
        let appointments = ScheduleLoader(path: path, delimiter: delimiter.asciiValue!)
            .loadAppointments(from: Array(text.utf8), diagnostics: &diagnostics)
        return (appointments, diagnostics.all.map(\.description))
    }

    func testReadsAppointments() throws {
        let result = load("date,time,customer_id,service,staff\n2026-03-14, 9:30 , C-1 , Cut and gloss ,Sam\n2026-03-15,,C-2,,\n")
        XCTAssertEqual(result.diagnostics, [])
        XCTAssertEqual(result.appointments.count, 2)
        let first = try XCTUnwrap(result.appointments.first)
        XCTAssertEqual(first.date, CalendarDay(year: 2026, month: 3, day: 14))
        XCTAssertEqual(first.time, "9:30")
        XCTAssertEqual(first.customerID, "C-1")
        XCTAssertEqual(first.service, "Cut and gloss")
        XCTAssertEqual(first.staff, "Sam")
        XCTAssertEqual(first.location, SourceLocation(path: path, line: 2, column: 1))
        XCTAssertEqual(first.customerLocation, SourceLocation(path: path, line: 2, column: 19))
        let second = result.appointments[1]
        XCTAssertEqual([second.time, second.service, second.staff], ["", "", ""])
    }

    func testHeaderIsNormalizedAndOptionalColumnsMayBeMissing() throws {
        let result = load("Customer ID;Date\nC-1;2026-03-14\n", delimiter: ";")
        XCTAssertEqual(result.diagnostics, [])
        let appointment = try XCTUnwrap(result.appointments.first)
        XCTAssertEqual(appointment.customerID, "C-1")
        XCTAssertEqual(appointment.time, "")
    }

    func testMissingColumns() {
        XCTAssertEqual(load("date,time\n2026-03-14,9:30\n").diagnostics, [
            "content/schedule.csv:1:1: error: missing column 'customer_id'; the header is date,time,customer_id,service,staff"
        ])
        XCTAssertEqual(load("when,who\n").diagnostics, [
            "content/schedule.csv:1:1: error: missing columns 'date', 'customer_id'; the header is date,time,customer_id,service,staff"
        ])
    }

    func testEmptyFileHasNoAppointments() {
        let result = load("")
        XCTAssertEqual(result.appointments.count, 0)
        XCTAssertEqual(result.diagnostics, [])
    }

    func testRaggedRow() {
        let result = load("date,time,customer_id\n2026-03-14,9:30\n2026-03-15,10:00,C-2\n")
        XCTAssertEqual(result.diagnostics, ["content/schedule.csv:2:12: error: row has 2 fields but the header has 3"])
        XCTAssertEqual(result.appointments.map(\.customerID), ["C-2"])
    }

    func testInvalidDate() {
        let result = load("customer_id,date\nC-1,2026-02-29\nC-2,\n")
        XCTAssertEqual(result.diagnostics, [
            "content/schedule.csv:2:5: error: invalid date '2026-02-29': expected a real date as YYYY-MM-DD",
            "content/schedule.csv:3:5: error: invalid date '': expected a real date as YYYY-MM-DD",
        ])
        XCTAssertEqual(result.appointments.count, 0)
    }

    func testInvalidTimes() {
        let result = load("date,time,customer_id\n2026-03-14,25:00,C-1\n2026-03-14,9:5,C-2\n2026-03-14,noon,C-3\n2026-03-14,+9:30,C-4\n2026-03-14,09:+5,C-5\n")
        XCTAssertEqual(result.diagnostics, [
            "content/schedule.csv:2:12: error: invalid time '25:00': expected HH:MM (24-hour)",
            "content/schedule.csv:3:12: error: invalid time '9:5': expected HH:MM (24-hour)",
            "content/schedule.csv:4:12: error: invalid time 'noon': expected HH:MM (24-hour)",
            "content/schedule.csv:5:12: error: invalid time '+9:30': expected HH:MM (24-hour)",
            "content/schedule.csv:6:12: error: invalid time '09:+5': expected HH:MM (24-hour)",
        ])
        XCTAssertEqual(result.appointments.count, 0)
    }

    func testIsTime() {
        for text in ["00:00", "9:30", "09:30", "23:59"] { XCTAssertTrue(ScheduleLoader.isTime(text), text) }
        for text in ["24:00", "12:60", "930", "9:30:00", ":30", "123:00", "-1:30", "+9:30", "9:+5", " 9:30", "٩:٣٠"] {
            XCTAssertFalse(ScheduleLoader.isTime(text), text)
        }
    }

    func testEmptyCustomerID() {
        let result = load("date,customer_id\n2026-03-14,  \n")
        XCTAssertEqual(result.diagnostics, ["content/schedule.csv:2:12: error: empty customer id"])
    }
}
