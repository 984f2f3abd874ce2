import Foundation
import XCTest

@testable import Rapport

final class CalendarDayTests: XCTestCase {
    private func day(_ text: String) -> CalendarDay { CalendarDay(iso: text)! }

    // MARK: Validity

    func testLeapDays() {
        XCTAssertNil(CalendarDay(year: 2026, month: 2, day: 29))
        XCTAssertNotNil(CalendarDay(year: 2024, month: 2, day: 29))
        XCTAssertNil(CalendarDay(year: 1900, month: 2, day: 29))
        XCTAssertNotNil(CalendarDay(year: 2000, month: 2, day: 29))
    }

    func testOutOfRangeParts() {
        XCTAssertNil(CalendarDay(year: 2026, month: 4, day: 31))
        XCTAssertNotNil(CalendarDay(year: 2026, month: 12, day: 31))
        XCTAssertNil(CalendarDay(year: 2026, month: 13, day: 1))
        XCTAssertNil(CalendarDay(year: 2026, month: 0, day: 1))
        XCTAssertNil(CalendarDay(year: 2026, month: 1, day: 0))
        XCTAssertNil(CalendarDay(year: 0, month: 1, day: 1))
    }

    func testParsesExactlyYearMonthDay() {
        XCTAssertEqual(CalendarDay(iso: "2026-03-14"), CalendarDay(year: 2026, month: 3, day: 14))
        for text in ["2026-3-14", "2026/03/14", "2026-03-14 ", " 2026-03-14", "+026-03-14", "2026-03-1x", "２０２６-03-14", "2026-02-29", ""] {
            XCTAssertNil(CalendarDay(iso: text), text)
        }
    }

    func testParsesSubstringsAndTextThatIsNotContiguous() {
        let line = "visit 2026-03-14 cut"
        XCTAssertEqual(CalendarDay(iso: line.dropFirst(6).prefix(10)), CalendarDay(year: 2026, month: 3, day: 14))
        // A bridged string need not keep its UTF-8 in one piece: it is read by copying.
        let bridged = NSString(string: "2026-03-14") as String
        XCTAssertEqual(CalendarDay(iso: bridged), CalendarDay(year: 2026, month: 3, day: 14))
        XCTAssertNil(CalendarDay(iso: NSString(string: "2026-03-1x") as String))
    }

    func testDateContextsAreTheSameInsideAndOutsideTheDaysMadeOnce() {
        // The site context formats five years back and one ahead once; other days as asked.
        let today = day("2026-03-14")
        let site = SiteContext(config: SiteConfig(), today: today)
        for offset in [-40_000, -1_831, -1_830, -1_829, -365, -1, 0, 1, 365, 366, 1_000, 40_000] {
            let other = today.adding(days: offset)
            XCTAssertEqual(site.dateContext(other), other.context(site.dateStyle), "\(other)")
        }
        // A build near the first or last representable day still gets every day right.
        for edge in [day("0001-01-03"), day("9999-12-30")] {
            let site = SiteContext(config: SiteConfig(), today: edge)
            for offset in [-2, -1, 0, 1, 2] {
                let other = edge.adding(days: offset)
                XCTAssertEqual(site.dateContext(other), other.context(site.dateStyle), "\(other)")
            }
        }
    }

    func testDescriptionIsISO() {
        XCTAssertEqual(day("2026-03-14").description, "2026-03-14")
        XCTAssertEqual(CalendarDay(year: 5, month: 1, day: 2)?.description, "0005-01-02")
        XCTAssertEqual(CalendarDay(year: 9999, month: 12, day: 31)?.description, "9999-12-31")
    }

    // MARK: Arithmetic

    func testDaysUntilAcrossYears() {
        XCTAssertEqual(day("2025-12-31").days(until: day("2026-01-01")), 1)
        XCTAssertEqual(day("2026-01-01").days(until: day("2025-12-31")), -1)
        XCTAssertEqual(day("2023-01-01").days(until: day("2024-01-01")), 365)
        XCTAssertEqual(day("2024-01-01").days(until: day("2025-01-01")), 366)
        XCTAssertEqual(day("2024-02-28").days(until: day("2024-03-01")), 2)
        XCTAssertEqual(day("1900-02-28").days(until: day("1900-03-01")), 1)
        XCTAssertEqual(day("2000-02-28").days(until: day("2000-03-01")), 2)
        XCTAssertEqual(day("1970-01-01").days(until: day("2026-03-14")), 20_526)
    }

    func testDayNumbersAreConsecutive() {
        var previous = day("1999-01-01")
        while previous < day("2001-12-31") {
            let next = previous.adding(days: 1)
            XCTAssertEqual(next.dayNumber, previous.dayNumber + 1, "\(previous)")
            XCTAssertTrue(previous < next)
            previous = next
        }
        XCTAssertEqual(previous, day("2001-12-31"))
    }

    func testDaysAgreeWithFoundation() throws {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = try XCTUnwrap(TimeZone(identifier: "UTC"))
        let start = day("1970-01-01")
        for text in ["1900-03-01", "1969-12-31", "2000-02-29", "2024-12-31", "2038-01-19", "2100-03-01", "9999-12-31"] {
            let date = day(text)
            let components = DateComponents(year: date.year, month: date.month, day: date.day)
            let foundation = calendar.dateComponents(
                [.day], from: Date(timeIntervalSince1970: 0), to: try XCTUnwrap(calendar.date(from: components)))
            XCTAssertEqual(start.days(until: date), foundation.day, text)
        }
    }

    func testAddingDays() {
        XCTAssertEqual(day("2026-12-31").adding(days: 1), day("2027-01-01"))
        XCTAssertEqual(day("2024-02-28").adding(days: 1), day("2024-02-29"))
        XCTAssertEqual(day("2026-03-01").adding(days: -1), day("2026-02-28"))
        XCTAssertEqual(day("2026-03-14").adding(days: 0), day("2026-03-14"))
        XCTAssertEqual(day("2026-03-14").adding(days: 365), day("2027-03-14"))
        XCTAssertEqual(day("2000-01-01").adding(days: 10_000), day("2027-05-19"))
    }

    func testWeekday() {
        XCTAssertEqual(day("2026-03-14").weekday, 6)  // Saturday
        XCTAssertEqual(day("2000-01-01").weekday, 6)  // Saturday
        XCTAssertEqual(day("1970-01-01").weekday, 4)  // Thursday
        XCTAssertEqual(day("2026-11-24").weekday, 2)  // Tuesday
        XCTAssertEqual(day("2026-11-22").weekday, 0)  // Sunday
    }

    func testOrdering() {
        XCTAssertLessThan(day("2025-12-31"), day("2026-01-01"))
        XCTAssertLessThan(day("2026-01-31"), day("2026-02-01"))
        XCTAssertEqual([day("2026-03-14"), day("2024-02-29"), day("2026-01-02")].sorted().map(\.description),
                       ["2024-02-29", "2026-01-02", "2026-03-14"])
    }

    // MARK: Anniversary

    func testAnniversaryParsing() {
        let birthday = Anniversary("--02-29", allowsYearless: true)
        XCTAssertEqual(birthday?.month, 2)
        XCTAssertEqual(birthday?.day, 29)
        XCTAssertEqual(birthday?.year, .some(nil))
        XCTAssertNil(Anniversary("--02-29", allowsYearless: false))
        XCTAssertNil(Anniversary("--02-30", allowsYearless: true))
        XCTAssertNil(Anniversary("--13-01", allowsYearless: true))
        XCTAssertNil(Anniversary("--2-29", allowsYearless: true))
        XCTAssertNil(Anniversary("-–02-29", allowsYearless: true))
        XCTAssertNil(Anniversary("2026-02-29", allowsYearless: true))
        XCTAssertEqual(Anniversary("1990-07-04", allowsYearless: false)?.year, 1990)
    }

    func testNextOccurrenceLaterThisYear() {
        let birthday = Anniversary("1990-07-04", allowsYearless: true)!
        XCTAssertEqual(birthday.nextOccurrence(onOrAfter: day("2026-03-14")), day("2026-07-04"))
    }

    func testNextOccurrenceToday() {
        let birthday = Anniversary("--03-14", allowsYearless: true)!
        XCTAssertEqual(birthday.nextOccurrence(onOrAfter: day("2026-03-14")), day("2026-03-14"))
    }

    func testNextOccurrenceWrapsIntoNextYear() {
        let birthday = Anniversary("--03-13", allowsYearless: true)!
        XCTAssertEqual(birthday.nextOccurrence(onOrAfter: day("2026-03-14")), day("2027-03-13"))
        let newYear = Anniversary("2001-01-01", allowsYearless: false)!
        XCTAssertEqual(newYear.nextOccurrence(onOrAfter: day("2026-12-31")), day("2027-01-01"))
    }

    func testTwentyNinthOfFebruaryInANonLeapYearIsTheTwentyEighth() {
        let birthday = Anniversary("--02-29", allowsYearless: true)!
        XCTAssertEqual(birthday.nextOccurrence(onOrAfter: day("2026-01-10")), day("2026-02-28"))
        XCTAssertEqual(birthday.nextOccurrence(onOrAfter: day("2026-02-28")), day("2026-02-28"))
        XCTAssertEqual(birthday.nextOccurrence(onOrAfter: day("2026-03-01")), day("2027-02-28"))
        XCTAssertEqual(birthday.nextOccurrence(onOrAfter: day("2027-03-01")), day("2028-02-29"))
        XCTAssertEqual(birthday.nextOccurrence(onOrAfter: day("2028-02-29")), day("2028-02-29"))
    }
}
