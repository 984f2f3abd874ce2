import Foundation
import XCTest

/// Every valid fixture site, and the example site, built into a temporary folder: no page
/// may hold a script Rapport did not write (it writes one, `<script src="assets/search.js">`
/// on index.html), an `on…` attribute, or a `javascript:`, `vbscript:` or `data:` URL; no
/// file may leave the output or fold onto another's name.
final class HostileSiteSweepTests: XCTestCase {
    /// The fixture sites: folders of Fixtures/ with a `content/` folder (others, such as a
    /// fuzzing corpus, are not sites). Invalid ones expect a failed run.
    static func fixtureSites() throws -> (valid: [String], invalid: [String]) {
        var valid: [String] = []
        var invalid: [String] = []
        for name in try FileManager.default.contentsOfDirectory(atPath: TestSupport.fixtures.path).sorted() {
            let folder = TestSupport.fixtures.appendingPathComponent(name)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: folder.appendingPathComponent("content").path, isDirectory: &isDirectory),
                isDirectory.boolValue
            else { continue }
            if try Hostile.isInvalid(fixture: folder) { invalid.append(name) } else { valid.append(name) }
        }
        return (valid, invalid)
    }

    func testEveryPageOfEveryValidFixtureIsInert() throws {
        let valid = try Self.fixtureSites().valid
        XCTAssertTrue(Set(["minimal", "injection", "privacy", "coming-up", "print-presets", "template-override", "hostile-ids", "hostile-markdown"]).isSubset(of: valid))
        var pageCount = 0
        for fixture in valid {
            let site = try TestSupport.copyFixture(fixture, self)
            let pages = try buildPages(site, label: fixture)
            pageCount += pages.count
            XCTAssertNotNil(pages["index.html"], fixture)
        }
        XCTAssertGreaterThan(pageCount, 100)
    }

    /// The example site (the repository's own rapport.yml, content/ and Templates/), copied out first.
    func testEveryPageOfTheExampleSiteIsInert() throws {
        let site = try TestSupport.temporaryDirectory(self).appendingPathComponent("example")
        try FileManager.default.createDirectory(at: site, withIntermediateDirectories: true)
        for item in ["rapport.yml", "content", "Templates"] {
            try FileManager.default.copyItem(at: TestSupport.packageRoot.appendingPathComponent(item), to: site.appendingPathComponent(item))
        }
        let pages = try buildPages(site, label: "example")
        XCTAssertEqual(pages.keys.filter { $0.hasPrefix("customers/") }.count, 12)
        XCTAssertEqual(pages.keys.filter { $0.hasPrefix("letters/") }.count, 36)
    }

    /// Builds `site` into a folder beside it and returns its pages, after checking them.
    private func buildPages(_ site: URL, label: String, file: StaticString = #filePath, line: UInt = #line) throws -> [String: String] {
        let output = site.deletingLastPathComponent().appendingPathComponent("\(site.lastPathComponent)-out")
        let run = try Hostile.rapport(["build", "-q", "--out", output.path], in: site)
        XCTAssertEqual(run.result.status, 0, "\(label): \(run.result.stderr)", file: file, line: line)
        XCTAssertFalse(run.result.stderr.contains(": error: "), label, file: file, line: line)
        var pages: [String: String] = [:]
        for (path, data) in try TestSupport.snapshot(of: output) where path.hasSuffix(".html") {
            pages[path] = String(decoding: data, as: UTF8.self)
        }
        XCTAssertEqual(Hostile.liveMarkup(in: pages), [], label, file: file, line: line)
        try Hostile.assertSafeNames(in: output, file: file, line: line)
        return pages
    }

    /// The sweep's checker fails on each kind of live markup, where Rapport's own script is fine.
    func testTheSweepCatchesLiveMarkup() {
        let safe = [
            "index.html": #"<p>x</p><script src="assets/search.js"></script>"#,
            "customers/c-1.html": #"<p>&lt;script&gt;alert(1)&lt;/script&gt;</p><a href="../index.html">x</a><img src="" alt="x" />"#,
        ]
        XCTAssertEqual(Hostile.liveMarkup(in: safe), [])
        let live = [
            #"<script src="assets/search.js"></script>"#, #"<script src="../assets/search.js"></script>"#,
            "<script>alert(1)</script>", #"<p onclick="alert(1)">x</p>"#, #"<a href="javascript:alert(1)">x</a>"#,
            #"<a href="data:image/png;base64,AAAA">x</a>"#, #"<img src="data:text/html,x">"#, #"<a href=" VBScript:x">x</a>"#,
            #"<a href="jav&#x61;script:alert(1)">x</a>"#,
        ]
        for html in live {
            XCTAssertEqual(Hostile.liveMarkup(in: ["customers/c-1.html": html]).count, 1, html)
        }
        XCTAssertEqual(Hostile.liveMarkup(in: ["index.html": #"<script src="assets/search.js">alert(1)</script>"#]).count, 1)
        XCTAssertEqual(Hostile.liveMarkup(in: ["index.html": #"<script src="assets/search.js" onload="alert(1)"></script>"#]).count, 1)
    }

    /// Every hostile fixture on disk has a test, so none is forgotten; invalid ones are
    /// exactly those with a failed run's expected stderr.
    func testEveryHostileFixtureIsCovered() throws {
        let (valid, invalid) = try Self.fixtureSites()
        let expectedValid: Set = [
            "hostile-csv-bom", "hostile-csv-cr", "hostile-csv-crlf", "hostile-csv-header-case-spaces", "hostile-csv-header-only",
            "hostile-csv-lf", "hostile-csv-mixed-line-endings", "hostile-csv-semicolons", "hostile-csv-utf16be",
            "hostile-csv-utf16be-bom", "hostile-csv-utf16le", "hostile-csv-utf16le-bom", "hostile-frontmatter-unknown-tags",
            "hostile-ids", "hostile-markdown", "hostile-schedule-warnings",
        ]
        let expectedInvalid: Set = [
            "hostile-config-alias-bomb", "hostile-csv-duplicate-header", "hostile-csv-duplicate-id-column", "hostile-csv-empty",
            "hostile-csv-mixed-line-endings-errors", "hostile-csv-nul", "hostile-csv-ragged-too-few", "hostile-csv-ragged-too-many",
            "hostile-csv-stray-quote", "hostile-csv-unterminated-quote", "hostile-csv-utf16-nul", "hostile-csv-windows-1252",
            "hostile-frontmatter-alias-bomb-customer", "hostile-frontmatter-alias-bomb-follow-up", "hostile-frontmatter-alias-bomb-key",
            "hostile-frontmatter-alias-bomb-unknown", "hostile-frontmatter-malformed", "hostile-frontmatter-unclosed",
            "hostile-frontmatter-unknown-customer", "hostile-ids-empty", "hostile-ids-nfc-nfd", "hostile-markdown-invalid-utf8",
            "hostile-schedule-invalid",
        ]
        XCTAssertEqual(Set(valid.filter { $0.hasPrefix("hostile-") }), expectedValid)
        XCTAssertEqual(Set(invalid.filter { $0.hasPrefix("hostile-") }), expectedInvalid)
        // Each is named in a Hostile test file.
        let folder = TestSupport.packageRoot.appendingPathComponent("Tests/RapportTests/Hostile")
        var sources = ""
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where name != "HostileSiteSweepTests.swift" {
            sources += try EndToEnd.text(folder.appendingPathComponent(name))
        }
        for fixture in expectedValid.union(expectedInvalid).sorted() {
            XCTAssertTrue(sources.contains("\"\(fixture)\""), "no test uses \(fixture)")
        }
    }
}
