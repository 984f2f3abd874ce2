import Foundation
import XCTest

/// What `rapport build` may and may not do to the output folder: replace only a site it
/// wrote itself, never the site folder or a folder above it, and never leave a half-written
/// or broken site behind.
final class EndToEndOutputFolderTests: XCTestCase {
    private func failure(_ path: String, _ message: String) -> String {
        "\(path): error: \(message)\nrapport: 1 error; nothing was written\n"
    }

    func testFailedBuildLeavesThePreviousSiteByteForByteIntact() throws {
        let site = try TestSupport.copyFixture("minimal", self)
        let first = try TestSupport.run(["build", "--today", EndToEnd.today, "-q"], in: site)
        XCTAssertEqual(first.status, 0, first.stderr)
        let output = site.appendingPathComponent("_site")
        let before = try EndToEnd.tree(output)
        XCTAssertTrue(before.keys.contains("index.html"))

        // C-1's last visit becomes 31 November.
        let csv = site.appendingPathComponent("content/customers.csv")
        let text = try EndToEnd.text(csv)
        let broken = text.replacingOccurrences(of: ",2026-11-01,12,", with: ",2026-11-31,12,")
        XCTAssertNotEqual(broken, text)
        try Data(broken.utf8).write(to: csv)

        let second = try TestSupport.run(["build", "--today", EndToEnd.today], in: site)
        XCTAssertEqual(second.status, 1)
        // Only the bad date: C-1's note and appointment are not reported again as for an unknown customer.
        XCTAssertEqual(
            second.stderr,
            failure("content/customers.csv:2:49", "invalid last visit '2026-11-31': expected a real date as YYYY-MM-DD"))
        XCTAssertEqual(second.stdout, "")
        XCTAssertEqual(try EndToEnd.tree(output), before)
        // No staging or retired copy is left beside it either.
        XCTAssertEqual(EndToEnd.listing(site), ["_site", "content", "rapport.yml"])
    }

    func testRebuildReplacesTheWholeFolder() throws {
        let site = try TestSupport.copyFixture("minimal", self)
        XCTAssertEqual(try TestSupport.run(["build", "--today", EndToEnd.today, "-q"], in: site).status, 0)
        let output = site.appendingPathComponent("_site")
        let expected = try EndToEnd.tree(output)
        // Something dropped into the generated site does not survive the next build.
        try Data("stray\n".utf8).write(to: output.appendingPathComponent("customers/stray.html"))
        let again = try TestSupport.run(["build", "--today", EndToEnd.today, "-q"], in: site)
        XCTAssertEqual(again.status, 0, again.stderr)
        XCTAssertEqual(again.stderr, "")
        XCTAssertEqual(try EndToEnd.tree(output), expected)
        XCTAssertEqual(EndToEnd.listing(site), ["_site", "content", "rapport.yml"])
    }

    func testRefusesToReplaceAFolderItDidNotCreate() throws {
        let site = try TestSupport.copyFixture("minimal", self)
        let output = site.appendingPathComponent("_site")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: false)
        try Data("my own work\n".utf8).write(to: output.appendingPathComponent("thesis.txt"))
        let before = try EndToEnd.tree(site)
        let path = EndToEnd.realPath(site) + "/_site"
        let expected = failure(
            path,
            "refusing to replace '\(path)': it exists and was not created by Rapport (no .rapport-site file in it); choose another output folder or remove it")

        for command in ["build", "check"] {
            let result = try TestSupport.run([command, "--today", EndToEnd.today], in: site)
            XCTAssertEqual(result.status, 1, command)
            XCTAssertEqual(result.stderr, expected, command)
            XCTAssertEqual(result.stdout, "", command)
            XCTAssertEqual(try EndToEnd.tree(site), before, command)
        }
    }

    func testRefusesToReplaceAFileNamedLikeTheOutputFolder() throws {
        let site = try TestSupport.copyFixture("minimal", self)
        try Data("not a folder\n".utf8).write(to: site.appendingPathComponent("_site"))
        let before = try EndToEnd.tree(site)
        let path = EndToEnd.realPath(site) + "/_site"
        let result = try TestSupport.run(["build", "--today", EndToEnd.today], in: site)
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(
            result.stderr,
            failure(path, "refusing to replace '\(path)': it exists and was not created by Rapport (no .rapport-site file in it); choose another output folder or remove it"))
        XCTAssertEqual(try EndToEnd.tree(site), before)
    }

    func testUsesAnEmptyExistingFolder() throws {
        let site = try TestSupport.copyFixture("minimal", self)
        let output = site.appendingPathComponent("_site")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: false)
        let result = try TestSupport.run(["build", "--today", EndToEnd.today, "-q"], in: site)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(FileManager.default.fileExists(atPath: output.appendingPathComponent(".rapport-site").path))
        XCTAssertTrue(FileManager.default.fileExists(atPath: output.appendingPathComponent("index.html").path))
    }

    func testRefusesTheSiteFolderAsOutput() throws {
        let site = try TestSupport.copyFixture("minimal", self)
        let before = try EndToEnd.tree(site)
        let path = EndToEnd.realPath(site)
        for out in [".", "./", path] {
            let result = try TestSupport.run(["build", "--today", EndToEnd.today, "--out", out], in: site)
            XCTAssertEqual(result.status, 1, out)
            XCTAssertEqual(result.stderr, failure(path, "refusing to use '\(path)' as the output folder: it is the site folder itself"), out)
            XCTAssertEqual(result.stdout, "", out)
            XCTAssertEqual(try EndToEnd.tree(site), before, out)
        }
    }

    func testRefusesALinkToTheSiteFolderAsOutput() throws {
        let site = try TestSupport.copyFixture("minimal", self)
        let link = site.deletingLastPathComponent().appendingPathComponent("link-to-site")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: site)
        let before = try EndToEnd.tree(site)
        let path = EndToEnd.realPath(site.deletingLastPathComponent()) + "/link-to-site"
        let result = try TestSupport.run(["build", "--today", EndToEnd.today, "--out", "../link-to-site"], in: site)
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.stderr, failure(path, "refusing to use '\(path)' as the output folder: it is the site folder itself"))
        XCTAssertEqual(try EndToEnd.tree(site), before)
    }

    func testRefusesTheParentOfTheSiteFolderAsOutput() throws {
        let site = try TestSupport.copyFixture("minimal", self)
        let parent = site.deletingLastPathComponent()
        let before = try EndToEnd.tree(parent)
        let path = EndToEnd.realPath(parent)
        for out in ["..", "../", path] {
            let result = try TestSupport.run(["build", "--today", EndToEnd.today, "--out", out], in: site)
            XCTAssertEqual(result.status, 1, out)
            XCTAssertEqual(result.stderr, failure(path, "refusing to use '\(path)' as the output folder: it contains the site folder"), out)
            XCTAssertEqual(result.stdout, "", out)
            XCTAssertEqual(try EndToEnd.tree(parent), before, out)
        }
    }

    func testRefusesAFolderFurtherUpThatContainsTheSiteFolder() throws {
        let site = try TestSupport.copyFixture("minimal", self)
        let grandparent = site.deletingLastPathComponent().deletingLastPathComponent()
        let path = EndToEnd.realPath(grandparent)
        let result = try TestSupport.run(["build", "--today", EndToEnd.today, "--out", "../.."], in: site)
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.stderr, failure(path, "refusing to use '\(path)' as the output folder: it contains the site folder"))
        XCTAssertEqual(EndToEnd.listing(site), ["content", "rapport.yml"])
    }
}
