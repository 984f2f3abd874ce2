import XCTest

@testable import Rapport

final class DateStyleTests: XCTestCase {
    private let piDay = CalendarDay(year: 2026, month: 3, day: 14)!
    private let early = CalendarDay(year: 2026, month: 7, day: 4)!

    func testBritishEnglish() {
        let style = DateStyle(localeIdentifier: "en_GB")
        XCTAssertEqual(style.format(piDay), "14 March 2026")
        XCTAssertEqual(style.format(early), "4 July 2026")
        XCTAssertEqual(style.format(month: 3, day: 14), "14 March")
    }

    func testAmericanEnglish() {
        let style = DateStyle(localeIdentifier: "en_US")
        XCTAssertEqual(style.format(piDay), "March 14, 2026")
        XCTAssertEqual(style.format(early), "July 4, 2026")
        XCTAssertEqual(style.format(month: 3, day: 14), "March 14")
    }

    func testGerman() {
        let style = DateStyle(localeIdentifier: "de_DE")
        XCTAssertEqual(style.format(piDay), "14. März 2026")
        XCTAssertEqual(style.format(month: 3, day: 4), "4. März")
    }

    func testFrench() {
        let style = DateStyle(localeIdentifier: "fr_FR")
        XCTAssertEqual(style.format(piDay), "14 mars 2026")
    }

    func testJapaneseUsesNumericMonths() {
        let style = DateStyle(localeIdentifier: "ja_JP")
        XCTAssertEqual(style.format(piDay), "2026年3月14日")
        XCTAssertEqual(style.format(month: 3, day: 4), "3月4日")
    }

    func testRussianUsesTheGenitiveMonthName() {
        XCTAssertEqual(DateStyle(localeIdentifier: "ru_RU").format(month: 3, day: 14), "14 марта")
    }

    func testLeapDayWithoutAYear() {
        XCTAssertEqual(DateStyle(localeIdentifier: "en_GB").format(month: 2, day: 29), "29 February")
    }

    func testWeekdays() {
        let tuesday = CalendarDay(year: 2026, month: 11, day: 24)!
        XCTAssertEqual(DateStyle(localeIdentifier: "en_GB").weekdayName(tuesday), "Tuesday")
        XCTAssertEqual(DateStyle(localeIdentifier: "en_GB").formatWithWeekday(tuesday), "Tuesday 24 November")
        XCTAssertEqual(DateStyle(localeIdentifier: "en_US").formatWithWeekday(tuesday), "Tuesday, November 24")
        XCTAssertEqual(DateStyle(localeIdentifier: "de_DE").formatWithWeekday(tuesday), "Dienstag, 24. November")
    }
}
