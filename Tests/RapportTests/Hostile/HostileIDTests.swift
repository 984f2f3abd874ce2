import Foundation
import XCTest

/// Customer ids that try to leave the output folder, name a device or one of the site's
/// own files, hide a control character, or look like another id. Every customer gets
/// exactly one card and one letter page, inside the output, under a `[a-z0-9-]` name no
/// other file shares on a case-insensitive or normalizing file system, and the names do
/// not depend on the order of the rows.
final class HostileIDTests: XCTestCase {
    /// The `hostile-ids` customers by first name (each card shows only its own), with their
    /// id and the file name each gets. Ids sharing a readable form, reserved names and ids
    /// with nothing readable get a hash of the whole id.
    static let expectedSlugs: [(name: String, id: String, slug: String)] = [
        ("Amara", "../../x", "x"),
        ("Bjorn", "/etc/passwd", "etc-passwd"),
        ("Chidi", "a/b", "a-b-e620c319"),
        ("Dolores", "a\\b", "a-b-e6b9b119"),
        ("Emeka", "..\\..\\win", "win"),
        ("Farida", "ctl\u{1}char", "ctl-char"),
        ("Gustavo", "CON", "con-0ba0f119"),
        ("Hiroshi", "nul.txt", "nul-txt"),
        ("Ingrid", "com1", "com1-0bcd4f91"),
        ("Jamal", "index", "index-83cf8e8f"),
        ("Kerstin", "assets", "assets-f88a72bd"),
        // Cards live in customers/, so these cannot replace the sheet or the data-quality page.
        ("Liam", "coming-up", "coming-up"),
        ("Mirela", "data-quality", "data-quality"),
        ("Nadia", "C-1", "c-1-0cee6a19"),
        ("Oskar", "c-1", "c-1-f6e54a19"),
        ("Priya", "José", "jos"),
        ("Quentin", "Jose", "jose"),
        ("Rosa", "Ｃ-1", "1-1cdb346f"),
        ("Svetlana", "С-1", "1-a99d9f48"),
        ("Tariq", "..", "c-07da1a07"),
        ("Ursula", "c-1-1", "c-1-1"),
    ]

    /// A 100,000-character id, added to a copy of the fixture (the file stays small).
    static let longID = String(repeating: "Ab1-", count: 25_000)

    private func hostileIDsSite(rows transform: ([String]) -> [String] = { $0 }) throws -> URL {
        let site = try TestSupport.copyFixture("hostile-ids", self)
        let csv = site.appendingPathComponent("content/customers.csv")
        var lines = try EndToEnd.text(csv).components(separatedBy: "\n").filter { !$0.isEmpty }
        let header = lines.removeFirst()
        lines.append("\(Self.longID),Vera,Long")
        try Data(([header] + transform(lines)).joined(separator: "\n").appending("\n").utf8).write(to: csv)
        return site
    }

    func testEveryCustomerGetsOneSafeCardAndLetter() throws {
        let built = try Hostile.assertBuilds(site: try hostileIDsSite())
        XCTAssertEqual(Self.longID.count, 100_000)
        let markers = Self.expectedSlugs.map { "<h1 class=\"preferred-name\">\($0.name)</h1>" } + [#"<h1 class="preferred-name">Vera</h1>"#]
        let slugs = Hostile.cardSlugs(built, markers: markers)
        for (name, id, slug) in Self.expectedSlugs {
            XCTAssertEqual(slugs["<h1 class=\"preferred-name\">\(name)</h1>"], slug, "\(name), id \(id.debugDescription)")
        }
        // The long id: its first 48 readable characters and a hash.
        let long = try XCTUnwrap(slugs[#"<h1 class="preferred-name">Vera</h1>"#])
        let stem = String(repeating: "ab1-", count: 12).dropLast()
        XCTAssertTrue(long.hasPrefix(stem + "-"), long)
        XCTAssertEqual(long.count, stem.count + 1 + 8, long)
        XCTAssertTrue(long.suffix(8).allSatisfy(\.isHexDigit), long)

        // Exactly one card and one letter page per customer, and nothing else.
        let all = Self.expectedSlugs.map(\.slug) + [long]
        XCTAssertEqual(Set(all).count, all.count)
        let cards = built.files.keys.filter { $0.hasPrefix("customers/") }.sorted()
        let letters = built.files.keys.filter { $0.hasPrefix("letters/") }.sorted()
        XCTAssertEqual(cards, all.map { "customers/\($0).html" }.sorted())
        XCTAssertEqual(letters, all.map { "letters/thank-you/\($0).html" }.sorted())
        XCTAssertEqual(
            built.files.keys.filter { !$0.hasPrefix("customers/") && !$0.hasPrefix("letters/") }.sorted(),
            [".rapport-site", "assets/paper.css", "assets/rapport.css", "assets/search.js", "coming-up.html", "data-quality.html", "index.html"])

        // Look-alikes are different customers: each note and booking reaches its own card.
        try Hostile.assertLines(built.page("customers/1-a99d9f48.html"), [#"<div class="notes"><p>The Cyrillic one.</p>"#])
        try Hostile.assertLines(built.page("customers/c-1-0cee6a19.html"), [#"<div class="notes"><p>The Latin one.</p>"#])
        try Hostile.assertLines(
            built.page("customers/1-1cdb346f.html"),
            [#"<ul><li><time datetime="2026-11-23">23 November 2026</time> at 10:00 — Cut <span class="muted">with Ana</span></li></ul>"#])
        try Hostile.assertLines(
            built.page("customers/c-1-f6e54a19.html"),
            [#"<ul><li><time datetime="2026-11-24">24 November 2026</time> at 11:00 — Colour <span class="muted">with Ben</span></li></ul>"#])
        for (path, html) in built.pages where path.hasPrefix("customers/") {
            let notes = ["The Cyrillic one.", "The Latin one."].filter { html.contains($0) }
            XCTAssertLessThanOrEqual(notes.count, 1, path)
        }
        // Every link to a card names one of them.
        let index = try built.page("index.html")
        for slug in all { XCTAssertTrue(index.contains("<a href=\"customers/\(slug).html\">"), slug) }
    }

    /// Reversed or rotated rows give the same files, byte for byte. Pinned: the
    /// data-quality page lists cards without a preferred name or birthday, and stale notes,
    /// in the file's order (a to-do list for the file); the same entries, in another order.
    func testRowOrderDoesNotChangeTheSite() throws {
        let first = try Hostile.assertBuilds(site: try hostileIDsSite())
        for (label, transform) in [("reversed", { (rows: [String]) in Array(rows.reversed()) }), ("rotated", { (rows: [String]) in Array(rows[7...] + rows[..<7]) })] {
            let other = try Hostile.assertBuilds(site: try hostileIDsSite(rows: transform))
            XCTAssertEqual(other.files.keys.sorted(), first.files.keys.sorted(), label)
            for (path, data) in first.files.sorted(by: { $0.key < $1.key }) where path != "data-quality.html" {
                XCTAssertEqual(other.files[path], data, "\(label): \(path) differs")
            }
            let entries = { (html: String) in html.components(separatedBy: "<li>").dropFirst().map { $0.components(separatedBy: "</li>")[0] }.sorted() }
            XCTAssertEqual(entries(try other.page("data-quality.html")), entries(try first.page("data-quality.html")), label)
        }
    }

    /// An empty id, quoted or not, or spaces only, is an error on its row.
    func testEmptyIDs() throws {
        try Hostile.assertRejected("hostile-ids-empty", self)
    }

    /// Pinned: `José` written precomposed (NFC) and decomposed (NFD) is one id, as Swift
    /// compares strings (canonical equivalence) and as macOS names files: a duplicate.
    func testNFCAndNFDAreTheSameID() throws {
        try Hostile.assertRejected("hostile-ids-nfc-nfd", self)
    }

    /// Every string of the Big List of Naughty Strings as an id. Left out, as their errors
    /// are by design: those empty once trimmed (`empty customer id`) and those equal to an
    /// earlier one once trimmed (`duplicate customer id`). None holds a NUL.
    func testNaughtyStringsAsIDs() throws {
        let strings = try HostileNaughtyStrings.load()
        var seen: Set<String> = []
        var ids: [String] = []
        for string in strings {
            XCTAssertFalse(string.unicodeScalars.contains("\0"))
            let trimmed = string.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty, seen.insert(trimmed).inserted else { continue }
            ids.append(string)
        }
        XCTAssertGreaterThan(ids.count, 450)
        // Names no check takes for a likely duplicate: names are only compared when their
        // last names start with the same two letters, and here no two do.
        func name(_ index: Int) -> String {
            let letters = Array("abcdefghijklmnopqrstuvwxyz")
            return String(letters[index / 26 % 26]).uppercased() + String(letters[index % 26]) + "son"
        }
        let rows = [["id", "first_name", "last_name"]] + ids.enumerated().map { [$1, "Naughty", name($0)] }
        let built = try Hostile.assertBuilds(site: try Hostile.site(text: ["content/customers.csv": Hostile.csv(rows)], self))
        let markers = ids.indices.map { "<p class=\"full-name\">Naughty \(name($0))</p>" }
        let slugs = Hostile.cardSlugs(built, markers: markers)
        XCTAssertEqual(slugs.count, ids.count)
        XCTAssertEqual(Set(slugs.values).count, ids.count)
        XCTAssertEqual(built.files.keys.filter { $0.hasPrefix("customers/") }.count, ids.count)

        // Reversed, every customer keeps its file.
        let reversed = [rows[0]] + rows.dropFirst().reversed()
        let other = try Hostile.assertBuilds(site: try Hostile.site(text: ["content/customers.csv": Hostile.csv(reversed)], self))
        XCTAssertEqual(Hostile.cardSlugs(other, markers: markers), slugs)
    }
}
