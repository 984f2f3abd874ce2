import Foundation
import XCTest

/// The command line itself: exit statuses, what a successful run prints, and what a wrong
/// command line prints (exit 64, nothing written).
final class EndToEndCommandLineTests: XCTestCase {
    private let buildUsage = """
        Usage: rapport build [--site <dir>] [--today <date>] [--quiet] [--out <dir>]
          See 'rapport build --help' for more information.

        """

    private func assertUsageError(
        _ arguments: [String], _ expectedStderr: String, file: StaticString = #filePath, line: UInt = #line
    ) throws {
        let site = try TestSupport.copyFixture("minimal", self)
        let before = try EndToEnd.tree(site)
        let result = try TestSupport.run(arguments, in: site)
        XCTAssertEqual(result.status, 64, "exit status", file: file, line: line)
        XCTAssertEqual(result.stderr, expectedStderr, file: file, line: line)
        XCTAssertEqual(result.stdout, "", file: file, line: line)
        XCTAssertEqual(try EndToEnd.tree(site), before, "a wrong command line wrote something", file: file, line: line)
    }

    func testImpossibleTodayIsAUsageError() throws {
        try assertUsageError(
            ["build", "--today", "2026-13-01"],
            "Error: --today must be a real date written YYYY-MM-DD, not '2026-13-01'\n" + buildUsage)
    }

    func testTodayNotInLeapYearIsAUsageErrorForCheckToo() throws {
        try assertUsageError(
            ["check", "--today", "2026-02-29"],
            """
            Error: --today must be a real date written YYYY-MM-DD, not '2026-02-29'
            Usage: rapport check [--site <dir>] [--today <date>] [--quiet]
              See 'rapport check --help' for more information.

            """)
    }

    func testMissingSiteFolderIsAUsageError() throws {
        try assertUsageError(
            ["build", "--today", EndToEnd.today, "--site", "/nonexistent"],
            "Error: --site '/nonexistent' is not a folder\n" + buildUsage)
    }

    func testSiteThatIsAFileIsAUsageError() throws {
        try assertUsageError(
            ["build", "--today", EndToEnd.today, "--site", "rapport.yml"],
            "Error: --site 'rapport.yml' is not a folder\n" + buildUsage)
    }

    func testUnknownFlagIsAUsageError() throws {
        try assertUsageError(
            ["build", "--today", EndToEnd.today, "--frobnicate"],
            "Error: Unknown option '--frobnicate'\n" + buildUsage)
    }

    func testBuildPrintsTheFileCountAndThePageToOpen() throws {
        let site = try TestSupport.copyFixture("minimal", self)
        let result = try TestSupport.run(["build", "--today", EndToEnd.today], in: site)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stderr, "")
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        XCTAssertEqual(lines.count, 3, result.stdout)
        guard lines.count == 3 else { return }
        // Only the time varies.
        let built = try NSRegularExpression(pattern: #"^Built 10 files \(2 customers, 1 letter\) in [0-9]+\.[0-9]{2} s: 10 written, 0 unchanged\.$"#)
        XCTAssertEqual(built.numberOfMatches(in: lines[0], range: NSRange(lines[0].startIndex..., in: lines[0])), 1, lines[0])
        XCTAssertEqual(lines[1], "Open \(EndToEnd.realPath(site))/_site/index.html")
        XCTAssertEqual(lines[2], "")
        // The count is the number of pages and assets written (the marker file aside).
        let written = try TestSupport.snapshot(of: site.appendingPathComponent("_site")).keys.filter { !$0.hasPrefix(".rapport-") }
        XCTAssertEqual(written.count, 10)
    }

    func testBuildNamesTheOutFolderItWroteTo() throws {
        let site = try TestSupport.copyFixture("minimal", self)
        let result = try TestSupport.run(["build", "--today", EndToEnd.today, "--out", "../elsewhere"], in: site)
        XCTAssertEqual(result.status, 0, result.stderr)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.last, "Open \(EndToEnd.realPath(site.deletingLastPathComponent()))/elsewhere/index.html")
        XCTAssertTrue(FileManager.default.fileExists(atPath: site.deletingLastPathComponent().appendingPathComponent("elsewhere/index.html").path))
        XCTAssertEqual(EndToEnd.listing(site), ["content", "rapport.yml"])
    }

    func testQuietBuildPrintsNothing() throws {
        let site = try TestSupport.copyFixture("minimal", self)
        for flag in ["-q", "--quiet"] {
            let result = try TestSupport.run(["build", "--today", EndToEnd.today, flag], in: site)
            XCTAssertEqual(result.status, 0, flag)
            XCTAssertEqual(result.stdout, "", flag)
            XCTAssertEqual(result.stderr, "", flag)
            XCTAssertTrue(FileManager.default.fileExists(atPath: site.appendingPathComponent("_site/index.html").path), flag)
        }
    }

    func testBuildIsTheDefaultCommand() throws {
        let site = try TestSupport.copyFixture("minimal", self)
        let result = try TestSupport.run(["--today", EndToEnd.today, "-q"], in: site)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout, "")
        XCTAssertTrue(FileManager.default.fileExists(atPath: site.appendingPathComponent("_site/index.html").path))
    }

    func testCheckPrintsASummaryAndWritesNothing() throws {
        let site = try TestSupport.copyFixture("minimal", self)
        let before = try EndToEnd.tree(site)
        let result = try TestSupport.run(["check", "--today", EndToEnd.today], in: site)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout, "No errors: 2 customers, 1 letter, 0 warnings.\n")
        XCTAssertEqual(result.stderr, "")
        XCTAssertEqual(try EndToEnd.tree(site), before)

        let quiet = try TestSupport.run(["check", "--today", EndToEnd.today, "-q"], in: site)
        XCTAssertEqual(quiet.status, 0)
        XCTAssertEqual(quiet.stdout, "")
        XCTAssertEqual(quiet.stderr, "")
    }

    /// With `--site`, diagnostics name files the way the user named the site folder.
    func testDiagnosticsArePrefixedWithTheSiteArgument() throws {
        let site = try TestSupport.copyFixture("invalid-bad-date", self)
        let parent = site.deletingLastPathComponent()
        let expected = """
            invalid-bad-date/content/customers.csv:3:18: error: invalid birthday '1990-02-30': expected a real date as YYYY-MM-DD, or --MM-DD when the year is unknown
            rapport: 1 error; nothing was written

            """
        for argument in ["invalid-bad-date", "invalid-bad-date/"] {
            let result = try TestSupport.run(["check", "--today", EndToEnd.today, "--site", argument], in: parent)
            XCTAssertEqual(result.status, 1, argument)
            XCTAssertEqual(result.stderr, expected, argument)
        }
    }
}
