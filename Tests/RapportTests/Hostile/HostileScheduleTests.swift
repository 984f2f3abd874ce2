import Foundation
import XCTest

/// `content/schedule.csv` with bookings for nobody, twice, or at impossible times.
final class HostileScheduleTests: XCTestCase {
    /// Warnings, and the site is built: a booking for an unknown id (`C-99`, and `c-1`, as
    /// ids are case-sensitive) is left out; a second booking of a customer at the same
    /// day and time (another service or staff member too) is left out.
    func testUnknownCustomersAndDuplicatesAreWarnings() throws {
        let built = try Hostile.assertBuilds("hostile-schedule-warnings", self)
        Hostile.assertLines(
            try built.page("customers/c-1.html"),
            [#"<ul><li><time datetime="2026-11-23">23 November 2026</time> at 10:00 — Cut <span class="muted">with Ana</span></li></ul>"#])
        Hostile.assertLines(
            try built.page("customers/c-2.html"),
            [
                #"<ul><li><time datetime="2026-11-24">24 November 2026</time> — Trim</li>"#
                    + #"<li><time datetime="2026-11-25">25 November 2026</time> at 9:30 — Wash <span class="muted">with Ana</span></li></ul>"#
            ])
        let comingUp = try built.page("coming-up.html")
        XCTAssertFalse(comingUp.contains("C-99"))
        XCTAssertFalse(comingUp.contains("Colour"))
    }

    /// Errors: 30 February, month 13, 24:00 and 9:60. The warnings come after them (the
    /// schedule is checked against the customers once it is read).
    func testImpossibleDatesAndTimes() throws {
        try Hostile.assertRejected("hostile-schedule-invalid", self)
    }
}
