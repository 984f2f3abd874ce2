import Foundation
import XCTest

/// The `injection` fixture puts script into every field a customer, a colleague or the
/// owner can type: names, pronunciation, email, tags, family, favourites, address, extra
/// columns, the schedule, notes (raw HTML, `javascript:` links, a dated heading), a letter
/// (front matter, body, merge fields) and the business details. It must build, and no
/// page may contain markup that runs; the text must still be shown, escaped.
final class EndToEndInjectionTests: XCTestCase {
    private static let payloads = ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "\"><svg onload=alert(1)>"]

    private func buildInjection() throws -> (site: URL, output: URL, pages: [String: String]) {
        let site = try TestSupport.copyFixture("injection", self)
        let result = try TestSupport.run(["build", "--today", EndToEnd.today, "-q"], in: site)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stderr, "")
        XCTAssertEqual(result.stdout, "")
        let output = site.appendingPathComponent("_site")
        var pages: [String: String] = [:]
        for (path, data) in try TestSupport.snapshot(of: output) where path.hasSuffix(".html") {
            pages[path] = String(decoding: data, as: UTF8.self)
        }
        return (site, output, pages)
    }

    func testInjectionSiteWritesOnlyItsOwnFiles() throws {
        let (_, output, _) = try buildInjection()
        // The id "../<script>alert(1)</script>" becomes a plain slug inside customers/.
        XCTAssertEqual(
            try TestSupport.snapshot(of: output).keys.sorted(),
            [
                ".rapport-site", "assets/paper.css", "assets/rapport.css", "assets/search.js", "coming-up.html",
                "customers/c-1.html", "customers/c-2.html", "customers/script-alert-1-script.html", "data-quality.html",
                "index.html", "letters/offer/c-1.html", "letters/offer/c-2.html", "letters/offer/script-alert-1-script.html",
            ])
    }

    func testNoPageContainsLiveScript() throws {
        let (_, _, pages) = try buildInjection()
        XCTAssertEqual(pages.count, 9)
        let allowed = LiveMarkup.allowedNames
        for (path, html) in pages.sorted(by: { $0.key < $1.key }) {
            // The payloads never appear as written: every `<` of them is escaped.
            for payload in Self.payloads {
                XCTAssertFalse(html.contains(payload), "\(path) contains \(payload) unescaped")
            }
            for raw in ["<script>", "<svg", "<img src=x", "<iframe", "<div onclick"] {
                XCTAssertFalse(html.lowercased().contains(raw), "\(path) contains \(raw)")
            }
            // Read as a browser would: no element, attribute or URL that runs code.
            for tag in LiveMarkup.startTags(in: html) {
                if let problem = LiveMarkup.problem(with: tag, allowedNames: allowed) {
                    XCTFail("\(path): \(problem): \(tag.source)")
                }
            }
        }
    }

    /// The checker above is only worth something if it catches live markup.
    func testTheLiveMarkupCheckerCatchesEachPayload() {
        let allowed = LiveMarkup.allowedNames
        let live = [
            "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "<p \"><svg onload=alert(1)>",
            #"<a href="javascript:alert(1)">x</a>"#, #"<a href="  JaVa&#115;cript:alert(1)">x</a>"#,
            #"<a href="java&Tab;script:alert(1)">x</a>"#, "<p onclick=alert(1)>", "<iframe src=x></iframe>",
            #"<script src="assets/search.js">alert(1)</script>"#, #"<script src="https://evil.example/x.js"></script>"#,
            #"<meta http-equiv="refresh" content="0;url=javascript:alert(1)">"#,
        ]
        for html in live {
            let problems = LiveMarkup.startTags(in: html).compactMap { LiveMarkup.problem(with: $0, allowedNames: allowed) }
            XCTAssertFalse(problems.isEmpty, "not caught: \(html)")
        }
        let inert = [
            "&lt;script&gt;alert(1)&lt;/script&gt;", #"<a href="mailto:&quot; onmouseover=&quot;alert(1)@x.example">x</a>"#,
            "<p>javascript:alert(1) onerror=alert(1)</p>", "<!-- <script>alert(1)</script> -->",
            #"<script src="../assets/search.js"></script>"#, #"<button data-tag-chip="javascript:alert(1)">x</button>"#,
        ]
        for html in inert {
            let problems = LiveMarkup.startTags(in: html).compactMap { LiveMarkup.problem(with: $0, allowedNames: allowed) }
            XCTAssertEqual(problems, [], html)
        }
    }

    func testEscapedTextIsShownWhereTheNameIs() throws {
        let (_, _, pages) = try buildInjection()
        let script = "&lt;script&gt;alert(1)&lt;/script&gt;"
        let image = "&lt;img src=x onerror=alert(1)&gt;"
        let svg = "&quot;&gt;&lt;svg onload=alert(1)&gt;"
        try assertLines(
            pages["customers/c-1.html"],
            [
                "<title>\(script) · Salon \(script)</title>",
                #"<h1 class="preferred-name">"# + script + "</h1>",
                #"<p class="pronunciation">say “"# + svg + "”</p>",
                #"<p class="full-name">"# + script + " " + image + "</p>",
                #"<ul class="tags"><li class="tag">"# + script + #"</li><li class="tag">javascript:alert(1)</li></ul>"#,
                #"<dl><dt>Usual drink</dt><dd>"# + svg + "</dd><dt>Favourite flower</dt><dd>" + image + "</dd></dl>",
                #"<dt>Email</dt><dd><a href="mailto:&quot; onmouseover=&quot;alert(1)@x.example">&quot; onmouseover=&quot;alert(1)@x.example</a></dd>"#,
                "<dt>Allergies</dt><dd>\(image)</dd><dt>Website</dt><dd>javascript:alert(1)</dd>",
                // Raw HTML and script links in a note are dropped by the markdown renderer.
                #"<ul><li><!-- raw HTML omitted --></li><li><a href="">their site</a></li></ul>"#,
                #"<p>A <a href="">link</a>, a <a href="">shouting link</a>, an <a href="">encoded link</a>, an autolink <a href="">javascript:alert(1)</a> and an <img src="" alt="image" />.</p>"#,
            ])
        try assertLines(
            pages["customers/c-2.html"],
            [#"<h1 class="preferred-name">"# + svg + "</h1>", #"<p class="full-name">Eve O&#39;Hara</p>"#])
        try assertLines(
            pages["index.html"],
            [#"<td><a href="customers/c-1.html">"# + script + " " + image + "</a></td>"])
        try assertLines(
            pages["letters/offer/c-1.html"],
            [
                "<title>\(script) offer — \(script) \(image)</title>",
                #"<p class="greeting">Dear "# + image + " " + script + ",</p>",
                #"<div class="letter-body"><p>Hello "# + script + " " + image + " (" + script + " " + image + "), from Salon " + script + ".</p>",
                #"<p class="closing">"# + svg + "</p>",
            ])
    }

    /// Each of `lines` is a whole line of `html` (leading and trailing spaces aside).
    private func assertLines(_ html: String?, _ lines: [String], file: StaticString = #filePath, line: UInt = #line) throws {
        let html = try XCTUnwrap(html, file: file, line: line)
        let actual = Set(html.components(separatedBy: "\n").map { $0.trimmingCharacters(in: .whitespaces) })
        for expected in lines {
            XCTAssertTrue(actual.contains(expected), "no line: \(expected)", file: file, line: line)
        }
    }
}
