import Foundation
import XCTest

/// Rebuilds do only the work needed: with nothing changed no file is touched, and after
/// one note changes only the pages whose bytes changed are written; the rest are the very
/// same files (hard-linked into the new site), and the site is still swapped in whole.
final class EndToEndIncrementalBuildTests: XCTestCase {
    private let build = ["build", "--today", EndToEnd.today]

    /// Path → (inode, modification time): a file written again gets a new inode.
    private func identities(_ output: URL) throws -> [String: String] {
        var result: [String: String] = [:]
        let base = output.standardizedFileURL.path
        let enumerator = FileManager.default.enumerator(at: output, includingPropertiesForKeys: nil)
        while let url = enumerator?.nextObject() as? URL {
            var status = stat()
            guard lstat(url.path, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { continue }
            let relative = String(url.standardizedFileURL.path.dropFirst(base.count + 1))
            result[relative] = "\(status.st_ino) \(status.st_mtim.tv_sec).\(status.st_mtim.tv_nsec)"
        }
        return result
    }

    private func changedPaths(_ before: [String: String], _ after: [String: String]) -> [String] {
        Set(before.keys).union(after.keys).filter { before[$0] != after[$0] }.sorted()
    }

    private func buildTwice(_ fixture: String) throws -> (site: URL, output: URL, first: TestSupport.ProcessResult) {
        let site = try TestSupport.copyFixture(fixture, self)
        let first = try TestSupport.run(build, in: site)
        XCTAssertEqual(first.status, 0, first.stderr)
        return (site, site.appendingPathComponent("_site"), first)
    }

    func testRebuildWithNothingChangedTouchesNoFile() throws {
        let (site, output, _) = try buildTwice("minimal")
        let before = try identities(output)
        let again = try TestSupport.run(build, in: site)
        XCTAssertEqual(again.status, 0, again.stderr)
        XCTAssertEqual(again.stderr, "")
        XCTAssertTrue(
            again.stdout.hasPrefix("Up to date: nothing changed since the last build; 10 files kept ("), again.stdout)
        XCTAssertEqual(changedPaths(before, try identities(output)), [])
        XCTAssertEqual(EndToEnd.listing(site), ["_site", "content", "rapport.yml"])
    }

    func testOneChangedNoteRewritesOnlyThePagesThatShowIt() throws {
        let (site, output, _) = try buildTwice("minimal")
        let before = try identities(output)
        let snapshot = try TestSupport.snapshot(of: output)
        let note = site.appendingPathComponent("content/notes/C-1.md")
        try Data((try EndToEnd.text(note) + "\nLoves the new shade of copper.\n").utf8).write(to: note)

        let again = try TestSupport.run(build, in: site)
        XCTAssertEqual(again.status, 0, again.stderr)
        XCTAssertTrue(again.stdout.hasPrefix("Built 10 files (2 customers, 1 letter) in "), again.stdout)
        XCTAssertTrue(
            again.stdout.contains(" s: 1 written, 9 unchanged (1 customer not rendered again: nothing of theirs changed).\n"),
            again.stdout)
        // The card is the only page that shows the note; the marker and the manifest start
        // every new site.
        XCTAssertEqual(changedPaths(before, try identities(output)), [".rapport-manifest", ".rapport-site", "customers/c-1.html"])
        let after = try TestSupport.snapshot(of: output)
        XCTAssertTrue(String(decoding: after["customers/c-1.html"]!, as: UTF8.self).contains("Loves the new shade of copper."))
        XCTAssertEqual(after.filter { $0.key != "customers/c-1.html" }, snapshot.filter { $0.key != "customers/c-1.html" })
    }

    func testAChangedTemplateRewritesEveryPageThatUsesIt() throws {
        let (site, output, _) = try buildTwice("minimal")
        let before = try identities(output)
        let templates = site.appendingPathComponent("Templates")
        try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: true)
        try Data("{{#customer}}<p>{{display_name}}</p>{{/customer}}\n".utf8).write(to: templates.appendingPathComponent("card.mustache"))

        let again = try TestSupport.run(build, in: site)
        XCTAssertEqual(again.status, 0, again.stderr)
        XCTAssertEqual(changedPaths(before, try identities(output)), [".rapport-manifest", ".rapport-site", "customers/c-1.html", "customers/c-2.html"])
        XCTAssertEqual(try EndToEnd.text(output.appendingPathComponent("customers/c-2.html")), "<p>Grace</p>\n")
    }

    func testAnotherDayRebuildsWhatDependsOnTheDate() throws {
        let (site, output, _) = try buildTwice("minimal")
        let again = try TestSupport.run(["build", "--today", "2026-11-23"], in: site)
        XCTAssertEqual(again.status, 0, again.stderr)
        XCTAssertFalse(again.stdout.hasPrefix("Up to date"), again.stdout)
        XCTAssertTrue(try EndToEnd.text(output.appendingPathComponent("index.html")).contains("23 November 2026"))
    }

    func testAFileEditedInTheOutputIsWrittenAgain() throws {
        let (site, output, _) = try buildTwice("minimal")
        let card = output.appendingPathComponent("customers/c-2.html")
        let original = try Data(contentsOf: card)
        try Data("edited by hand".utf8).write(to: card)

        let again = try TestSupport.run(build, in: site)
        XCTAssertEqual(again.status, 0, again.stderr)
        // C-2's inputs did not change, but their card did: it is rendered and written again.
        XCTAssertTrue(
            again.stdout.contains(" s: 1 written, 9 unchanged (1 customer not rendered again: nothing of theirs changed).\n"),
            again.stdout)
        XCTAssertEqual(try Data(contentsOf: card), original)
    }

    func testAFileAddedToTheOutputIsRemoved() throws {
        let (site, output, _) = try buildTwice("minimal")
        let stray = output.appendingPathComponent("customers/stray.html")
        try Data("stray".utf8).write(to: stray)

        let again = try TestSupport.run(build, in: site)
        XCTAssertEqual(again.status, 0, again.stderr)
        XCTAssertTrue(
            again.stdout.contains(" s: 0 written, 10 unchanged (2 customers not rendered again: nothing of theirs changed).\n"),
            again.stdout)
        XCTAssertFalse(FileManager.default.fileExists(atPath: stray.path))
    }

    func testADamagedManifestMeansEveryFileIsWrittenAgain() throws {
        let (site, output, _) = try buildTwice("minimal")
        let snapshot = try TestSupport.snapshot(of: output)
        for damage in ["", "rapport-manifest\t1\nfile\tindex.html\tnot-hex\t1\t2\t3\n", "something else entirely\n"] {
            try Data(damage.utf8).write(to: output.appendingPathComponent(".rapport-manifest"))
            let again = try TestSupport.run(build, in: site)
            XCTAssertEqual(again.status, 0, again.stderr)
            XCTAssertTrue(again.stdout.contains(" s: 10 written, 0 unchanged.\n"), "\(damage): \(again.stdout)")
            XCTAssertEqual(try TestSupport.snapshot(of: output), snapshot, damage)
        }
    }

    func testUpToDateRebuildRepeatsTheWarnings() throws {
        let site = try TestSupport.copyFixture("minimal", self)
        let note = site.appendingPathComponent("content/notes/C-1.md")
        try FileManager.default.moveItem(at: note, to: site.appendingPathComponent("content/notes/ada.md"))
        let first = try TestSupport.run(build, in: site)
        XCTAssertEqual(first.status, 0, first.stderr)
        XCTAssertEqual(
            first.stderr,
            "content/notes/ada.md:2:11: warning: the file is named 'ada.md' but is for customer 'C-1'; name it 'C-1.md'\n")
        let again = try TestSupport.run(build, in: site)
        XCTAssertTrue(again.stdout.hasPrefix("Up to date"), again.stdout)
        XCTAssertEqual(again.stderr, first.stderr)
    }

    func testTheManifestListsEveryFileWithItsHashAndSize() throws {
        let (_, output, _) = try buildTwice("minimal")
        let lines = try EndToEnd.text(output.appendingPathComponent(".rapport-manifest")).split(separator: "\n")
        XCTAssertEqual(lines.first, "rapport-manifest\t1")
        XCTAssertTrue(lines[1].hasPrefix("inputs\t"), String(lines[1]))
        let files = lines.filter { $0.hasPrefix("file\t") }.map { $0.split(separator: "\t", omittingEmptySubsequences: false) }
        // Every file once, in the order the build made them: the site pages, then each
        // customer's card and letters in directory order.
        XCTAssertEqual(files.map { String($0[1]) }.sorted(), try TestSupport.snapshot(of: output).keys.filter { $0 != ".rapport-site" }.sorted())
        XCTAssertEqual(
            files.map { String($0[1]) }.suffix(4), ["customers/c-2.html", "letters/thank-you/c-2.html", "customers/c-1.html", "letters/thank-you/c-1.html"])
        for fields in files {
            // A customer's pages also carry the key of what they were made from.
            let isCustomerPage = fields[1].hasPrefix("customers/") || fields[1].hasPrefix("letters/")
            XCTAssertEqual(fields.count, isCustomerPage ? 7 : 6, String(fields[1]))
            let size = try FileManager.default.attributesOfItem(atPath: output.appendingPathComponent(String(fields[1])).path)[.size] as? Int
            XCTAssertEqual(Int(fields[3]), size, String(fields[1]))
        }
    }

    /// After each kind of change, a rebuild that keeps the pages of customers whose inputs
    /// did not change gives the very same site as a build from scratch, and keeps exactly
    /// the customers it should.
    func testRebuildsKeepOnlyCustomersWhoseInputsAreUnchanged() throws {
        let (site, output, _) = try buildTwice("minimal")
        func edit(_ path: String, _ change: (String) -> String) throws {
            let url = site.appendingPathComponent(path)
            try Data(change(try EndToEnd.text(url)).utf8).write(to: url)
        }
        let steps: [(String, kept: Int, () throws -> Void)] = [
            ("a note", 1, { try edit("content/notes/C-1.md") { $0 + "\nAsk about the garden.\n" } }),
            ("a record's row", 1, { try edit("content/customers.csv") { $0.replacingOccurrences(of: "Coffee", with: "Flat white") } }),
            ("an appointment", 1, {
                try edit("content/schedule.csv") { $0 + "2026-12-01,09:30,C-2,Colour,Camille\n" }
            }),
            ("the header alone", 0, {
                // Two column names swapped: no row's text changes, but every record does.
                try edit("content/customers.csv") { $0.replacingOccurrences(of: "favorite_drink,tags,city", with: "city,tags,favorite_drink") }
            }),
            ("a letter", 0, { try edit("content/letters/thank-you.md") { $0 + "\nSee you soon.\n" } }),
            ("the config", 0, { try edit("rapport.yml") { $0.replacingOccurrences(of: "Test Salon", with: "Test Studio") } }),
            ("a note removed", 1, { try FileManager.default.removeItem(at: site.appendingPathComponent("content/notes/C-1.md")) }),
            ("a customer added", 2, { try edit("content/customers.csv") { $0 + "C-3,Alan,Turing,,alan@example.com,,,,,,,,\n" } }),
        ]
        for (index, (change, kept, apply)) in steps.enumerated() {
            try apply()
            let again = try TestSupport.run(build, in: site)
            XCTAssertEqual(again.status, 0, "\(change): \(again.stderr)")
            let count = kept == 1 ? "1 customer" : "\(kept) customers"
            XCTAssertEqual(
                again.stdout.contains("(\(count) not rendered again: nothing of theirs changed)."), kept > 0, "\(change): \(again.stdout)")
            let fresh = try TestSupport.temporaryDirectory(self).appendingPathComponent("fresh-\(index)")
            let clean = try TestSupport.run(build + ["--out", fresh.path], in: site)
            XCTAssertEqual(clean.status, 0, "\(change): \(clean.stderr)")
            let rebuilt = try TestSupport.snapshot(of: output)
            let expected = try TestSupport.snapshot(of: fresh)
            XCTAssertEqual(rebuilt.keys.sorted(), expected.keys.sorted(), change)
            for (path, bytes) in expected where rebuilt[path] != bytes {
                XCTFail("\(change): \(path) differs from a build from scratch")
            }
        }
    }
}
