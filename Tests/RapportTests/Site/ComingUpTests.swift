import Foundation
import XCTest

@testable import Rapport

/// The "coming up" sheet of the Fixtures/coming-up site, for fixed days, against golden
/// files: 29 February in a non-leap year, year-less birthdays, anniversaries with their
/// count, talking points past their window, overdue and due follow-ups, open and closed
/// make-it-right items, lapsed regulars (and a one-time visitor who is not one), a
/// booking for an unknown customer, and a window that crosses into the next year.
final class ComingUpTests: XCTestCase {
    func render(today: CalendarDay) throws -> RenderedSite {
        let site = TestSupport.fixtures.appendingPathComponent("coming-up")
        let output = try TestSupport.temporaryDirectory(self).appendingPathComponent("_site")
        return try SiteBuilder(options: BuildOptions(siteDirectory: site, outputDirectory: output, today: today, displayPrefix: "coming-up")).render()
    }

    func goldenPages(_ site: RenderedSite, _ paths: [String]) -> [String: Data] {
        Dictionary(uniqueKeysWithValues: site.files.filter { paths.contains($0.path) }.map { ($0.path, Data($0.contents)) })
    }

    func testSheetAcrossTheEndOfFebruaryInANonLeapYear() throws {
        let site = try render(today: CalendarDay(year: 2027, month: 2, day: 25)!)
        XCTAssertEqual(
            site.warnings.map(\.description),
            ["coming-up/content/schedule.csv:6:18: warning: appointment for unknown customer 'ghost'"])
        try Golden.assertMatches(
            goldenPages(site, ["coming-up.html", "customers/booked.html", "data-quality.html"]),
            golden: TestSupport.golden.appendingPathComponent("coming-up-2027-02-25"))
    }

    func testSheetAcrossTheNewYear() throws {
        let site = try render(today: CalendarDay(year: 2026, month: 12, day: 29)!)
        try Golden.assertMatches(
            goldenPages(site, ["coming-up.html"]), golden: TestSupport.golden.appendingPathComponent("coming-up-2026-12-29"))
    }

    /// The sheet's parts, checked by meaning as well as by the golden bytes.
    func testSheetContents() throws {
        let site = try render(today: CalendarDay(year: 2027, month: 2, day: 25)!)
        let html = String(decoding: site.files.first { $0.path == "coming-up.html" }!.contents, as: UTF8.self)
        func section(_ day: String) -> String {
            let start = html.range(of: "id=\"day-\(day)\"")!
            let end = html[start.upperBound...].range(of: "</section>")!
            return String(html[start.upperBound..<end.lowerBound])
        }
        // Leap-day birthday on 28 February 2027; year-less birthday on 1 March; anniversary on 3 March.
        XCTAssertTrue(section("2027-02-28").contains("Birthday</span> <a href=\"customers/leap.html\">Leo</a> — turns 39"))
        XCTAssertTrue(section("2027-03-01").contains("<a href=\"customers/yearless.html\">Mark</a>"))
        XCTAssertTrue(section("2027-03-03").contains("Anniversary</span> <a href=\"customers/wed.html\">Anna</a> — 7 years"))
        XCTAssertFalse(html.contains("customers/later.html\">Lena</a>"), "10 March is outside a 6-day window")
        // Bookings in time order, with essentials; expired talking point gone, current one kept.
        let today = section("2027-02-25")
        XCTAssertLessThan(today.range(of: "08:30")!.lowerBound, today.range(of: "09:00")!.lowerBound)
        XCTAssertTrue(today.contains("The new puppy course"))
        XCTAssertFalse(html.contains("ski trip"))
        XCTAssertTrue(today.contains("Her scone was cold"))
        XCTAssertFalse(html.contains("Refunded the spilt latte"))
        XCTAssertTrue(today.contains("Rex (dog)"))
        // Follow-ups: one overdue, one due on the 27th, one outside the window.
        XCTAssertTrue(html.contains("Ring about the catering quote"))
        XCTAssertTrue(section("2027-02-27").contains("Ask how the book club liked the room"))
        XCTAssertFalse(html.contains("Outside the window"))
        // Lapsed regular listed; one-time visitor not.
        XCTAssertTrue(html.contains("customers/lapsed.html"))
        XCTAssertFalse(html.contains("customers/onevisit.html"))
    }
}
