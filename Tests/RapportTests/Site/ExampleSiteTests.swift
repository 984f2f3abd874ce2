import Foundation
import XCTest

@testable import Rapport

/// The worked example in the repository (rapport.yml, content/, Templates/), rendered for a
/// fixed day and compared page by page with Tests/RapportTests/Golden/example/.
final class ExampleSiteTests: XCTestCase {
    static let today = CalendarDay(year: 2026, month: 11, day: 22)!

    func renderExample() throws -> RenderedSite {
        let output = try TestSupport.temporaryDirectory(self).appendingPathComponent("_site")
        let options = BuildOptions(siteDirectory: TestSupport.packageRoot, outputDirectory: output, today: Self.today)
        return try SiteBuilder(options: options).render()
    }

    func testExampleSiteMatchesGoldenFiles() throws {
        let site = try renderExample()
        XCTAssertEqual(site.warnings, [])
        var files = Dictionary(uniqueKeysWithValues: site.files.map { ($0.path, Data($0.contents)) })
        // The stylesheet and the search script are Templates/ copied as they are: compared
        // with their sources rather than kept a third time as golden files.
        for (asset, source) in [("assets/rapport.css", "rapport.css"), ("assets/search.js", "search.js")] {
            let expected = try Data(contentsOf: TestSupport.packageRoot.appendingPathComponent("Templates/\(source)"))
            XCTAssertEqual(files.removeValue(forKey: asset), expected, asset)
        }
        try Golden.assertMatches(files, golden: TestSupport.golden.appendingPathComponent("example"))
    }

    func testEveryCustomerHasACardAndEveryLetter() throws {
        let site = try renderExample()
        let paths = Set(site.files.map(\.path))
        let csv = try String(contentsOf: TestSupport.packageRoot.appendingPathComponent("content/customers.csv"), encoding: .utf8)
        let ids = csv.split(separator: "\n").dropFirst().map { String($0.prefix { $0 != "," }) }
        let letters = try FileManager.default.contentsOfDirectory(atPath: TestSupport.packageRoot.appendingPathComponent("content/letters").path)
            .filter { $0.hasSuffix(".md") }.map { String($0.dropLast(3)) }
        XCTAssertEqual(ids.count, 12)
        XCTAssertEqual(site.customerCount, ids.count)
        XCTAssertGreaterThanOrEqual(letters.count, 1)
        let slugs = Slug.slugs(for: ids)
        for id in ids {
            XCTAssertTrue(paths.contains("customers/\(slugs[id]!).html"), "no card for \(id)")
            for letter in letters {
                XCTAssertTrue(paths.contains("letters/\(letter)/\(slugs[id]!).html"), "no \(letter) letter for \(id)")
            }
        }
    }

    /// Every `href` and `src` in every page is relative and names a file of the site, so the
    /// site works from disk (`file://`) as well as from a server.
    func testEveryLinkIsRelativeAndResolves() throws {
        let site = try renderExample()
        let paths = Set(site.files.map(\.path))
        let attribute = try NSRegularExpression(pattern: #"(?:href|src)="([^"]*)""#)
        var checked = 0
        for file in site.files where file.path.hasSuffix(".html") {
            let html = String(decoding: file.contents, as: UTF8.self)
            for match in attribute.matches(in: html, range: NSRange(html.startIndex..., in: html)) {
                let target = String(html[Range(match.range(at: 1), in: html)!])
                if target.hasPrefix("mailto:") || target.hasPrefix("#") { continue }
                if target.hasPrefix("https://") {
                    // Links written by staff in notes leave the site on purpose; nothing is loaded from them.
                    continue
                }
                XCTAssertFalse(target.hasPrefix("/") || target.contains("://"), "\(file.path): non-relative link \(target)")
                let folder = URL(fileURLWithPath: "/site/" + file.path).deletingLastPathComponent()
                let resolved = folder.appendingPathComponent(target).standardizedFileURL.path
                XCTAssertTrue(resolved.hasPrefix("/site/"), "\(file.path): \(target) leaves the site")
                XCTAssertTrue(paths.contains(String(resolved.dropFirst("/site/".count))), "\(file.path): broken link \(target)")
                checked += 1
            }
        }
        XCTAssertGreaterThan(checked, 100)
    }

    /// The page loads nothing from the network: no external stylesheet, script, image or font.
    func testPagesLoadNothingFromTheNetwork() throws {
        let site = try renderExample()
        let external = try NSRegularExpression(pattern: #"<(?:link|script|img|iframe|source|video|audio)\b[^>]*(?:href|src)="(?:https?:)?//"#)
        for file in site.files {
            let text = String(decoding: file.contents, as: UTF8.self)
            XCTAssertEqual(external.numberOfMatches(in: text, range: NSRange(text.startIndex..., in: text)), 0, file.path)
            XCTAssertFalse(text.contains("@import"), file.path)
            XCTAssertFalse(file.path.hasSuffix(".css") && text.contains("url("), file.path)
        }
    }

    func testSameInputGivesByteIdenticalOutput() throws {
        let first = try renderExample().files.map { [$0.path: $0.contents] }
        let second = try renderExample().files.map { [$0.path: $0.contents] }
        XCTAssertEqual(first, second)
    }

    /// Letters are rendered from customer-facing fields only: no note text reaches them.
    func testNoNoteTextReachesALetter() throws {
        let site = try renderExample()
        let notesFolder = TestSupport.packageRoot.appendingPathComponent("content/notes")
        var sentences: [String] = []
        for name in try FileManager.default.contentsOfDirectory(atPath: notesFolder.path) where name.hasSuffix(".md") {
            let text = try String(contentsOf: notesFolder.appendingPathComponent(name), encoding: .utf8)
            // Distinctive runs of words from each note: long enough not to occur by chance.
            for line in text.split(separator: "\n") where line.count > 40 && !line.hasPrefix("#") && !line.hasPrefix("-") {
                let words = line.split(separator: " ").prefix(6).joined(separator: " ")
                if words.count > 25, !words.contains("'"), !words.contains("\""), !words.contains("*") { sentences.append(words) }
            }
        }
        XCTAssertGreaterThan(sentences.count, 10)
        for file in site.files where file.path.hasPrefix("letters/") {
            let html = String(decoding: file.contents, as: UTF8.self)
            for sentence in sentences {
                XCTAssertFalse(html.contains(sentence), "\(file.path) contains note text: \(sentence)")
            }
        }
    }

    /// The templates compiled into Rapport are the ones in Templates/ (run scripts/embed-templates after editing).
    func testBuiltInTemplatesMatchTemplatesFolder() throws {
        let folder = TestSupport.packageRoot.appendingPathComponent("Templates")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".mustache") }
        XCTAssertEqual(Set(names.map { String($0.dropLast(".mustache".count)) }), Set(BuiltinTemplates.templates.keys))
        for name in names {
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            XCTAssertEqual(BuiltinTemplates.templates[String(name.dropLast(".mustache".count))], text, name)
        }
        let css = try String(contentsOf: folder.appendingPathComponent("rapport.css"), encoding: .utf8)
        XCTAssertEqual(BuiltinTemplates.stylesheet, css)
    }
}
