import Foundation
import XCTest

/// A file system that fills up or turns read-only under the output folder: the build fails
/// with the path and the system's reason, and the previous site stays exactly as it was.
final class FaultsFileSystemTests: XCTestCase {
    private let build = ["build", "--today", EndToEnd.today, "-q"]

    func testFullDiskKeepsThePreviousSiteAndCleansUp() throws {
        // 1 MiB: the site of 50 customers (about 450 KB) fits, and so would the one of 90 (about
        // 800 KB) on its own, but not both: the new site is written beside the previous one.
        let disk = try FaultsSupport.mountTmpfs(size: "1m", self)
        let root = try TestSupport.temporaryDirectory(self)
        let site = root.appendingPathComponent("site")
        try TestSupport.writeSite(FaultsSupport.largeSite(count: 50, names: "Ada"), at: site)
        let output = disk.appendingPathComponent("_site")

        let first = try FaultsSupport.run(build + ["--out", output.path], in: site)
        XCTAssertEqual(first.status, 0, first.stderr)
        let before = try EndToEnd.tree(output)
        XCTAssertEqual(before.count, 50 * 2 + 8 + 4)  // the pages, the marker, the manifest, and 4 folders

        try FileManager.default.removeItem(at: site)
        try TestSupport.writeSite(FaultsSupport.largeSite(count: 90, names: "Grace"), at: site)
        let second = try FaultsSupport.run(build + ["--out", output.path], in: site)
        XCTAssertEqual(second.status, 1)
        XCTAssertEqual(
            second.stderr,
            FaultsSupport.failure(output.path, "cannot write '\(output.path).rapport-new': No space left on device"))
        XCTAssertEqual(second.stdout, "")
        XCTAssertTrue(try EndToEnd.tree(output) == before, "the previous site changed")
        // The half-written staging folder is removed: the disk holds the previous site only.
        XCTAssertEqual(EndToEnd.listing(disk), ["_site"])

        // With the previous site removed by hand, the new one fits.
        try FileManager.default.removeItem(at: output)
        let third = try FaultsSupport.run(build + ["--out", output.path], in: site)
        XCTAssertEqual(third.status, 0, third.stderr)
        XCTAssertEqual(try TestSupport.snapshot(of: output).count, 90 * 2 + 7)
        XCTAssertEqual(EndToEnd.listing(disk), ["_site"])
    }

    func testReadOnlyFileSystemKeepsThePreviousSite() throws {
        let disk = try FaultsSupport.mountTmpfs(size: "4m", self)
        let site = try TestSupport.copyFixture("minimal", self)
        let output = disk.appendingPathComponent("_site")
        let first = try FaultsSupport.run(build + ["--out", output.path], in: site)
        XCTAssertEqual(first.status, 0, first.stderr)
        let before = try EndToEnd.tree(output)
        XCTAssertTrue(before.keys.contains(".rapport-site"))

        try FaultsSupport.remount(disk, readOnly: true)
        let csv = site.appendingPathComponent("content/customers.csv")
        try Data(try EndToEnd.text(csv).replacingOccurrences(of: "Ada,Lovelace", with: "Augusta,King").utf8).write(to: csv)
        let siteBefore = try EndToEnd.tree(site)

        let second = try FaultsSupport.run(build + ["--out", output.path], in: site)
        XCTAssertEqual(second.status, 1)
        XCTAssertEqual(
            second.stderr,
            FaultsSupport.failure(output.path, "cannot write '\(output.path).rapport-new': Read-only file system"))
        XCTAssertEqual(second.stdout, "")
        XCTAssertTrue(try EndToEnd.tree(output) == before, "the previous site changed")
        XCTAssertEqual(EndToEnd.listing(disk), ["_site"])
        XCTAssertTrue(try EndToEnd.tree(site) == siteBefore, "the site folder changed")

        // Writable again: the same build goes through.
        try FaultsSupport.remount(disk, readOnly: false)
        let third = try FaultsSupport.run(build + ["--out", output.path], in: site)
        XCTAssertEqual(third.status, 0, third.stderr)
        XCTAssertEqual(EndToEnd.listing(disk), ["_site"])
        XCTAssertTrue(try EndToEnd.text(output.appendingPathComponent("index.html")).contains("Augusta"))
    }

    func testOutputUnderAMissingFolderOfAReadOnlyFileSystem() throws {
        let disk = try FaultsSupport.mountTmpfs(size: "1m", self)
        try FaultsSupport.remount(disk, readOnly: true)
        let site = try TestSupport.copyFixture("minimal", self)
        let siteBefore = try EndToEnd.tree(site)
        let output = disk.appendingPathComponent("missing/deeper/_site")
        let result = try FaultsSupport.run(build + ["--out", output.path], in: site)
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(
            result.stderr,
            FaultsSupport.failure(output.path, "cannot write '\(output.path).rapport-new': Read-only file system"))
        XCTAssertEqual(result.stdout, "")
        XCTAssertEqual(EndToEnd.listing(disk), [])
        XCTAssertTrue(try EndToEnd.tree(site) == siteBefore, "the site folder changed")
    }

    func testOutputUnderARegularFile() throws {
        let site = try TestSupport.copyFixture("minimal", self)
        let parent = site.deletingLastPathComponent()
        try Data("a file\n".utf8).write(to: parent.appendingPathComponent("notes.txt"))
        let before = try EndToEnd.tree(parent)
        let path = EndToEnd.realPath(parent) + "/notes.txt/_site"
        let result = try FaultsSupport.run(build + ["--out", "../notes.txt/_site"], in: site)
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.stderr, FaultsSupport.failure(path, "cannot write '\(path).rapport-new': Not a directory"))
        XCTAssertTrue(try EndToEnd.tree(parent) == before, "something was written")
    }
}
