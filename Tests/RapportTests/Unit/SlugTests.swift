import XCTest

@testable import Rapport

final class SlugTests: XCTestCase {
    private func isSafe(_ slug: String) -> Bool {
        !slug.isEmpty && slug.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
            && !slug.hasPrefix("-") && !slug.hasSuffix("-")
    }

    /// The slug is `stem` followed by a dash and eight hexadecimal digits.
    private func assertHashed(_ slug: String?, stem: String, file: StaticString = #filePath, line: UInt = #line) {
        guard let slug else { return XCTFail("no slug", file: file, line: line) }
        let suffix = slug.dropFirst(stem.count + 1)
        XCTAssertTrue(slug.hasPrefix(stem + "-"), slug, file: file, line: line)
        XCTAssertEqual(suffix.count, 8, slug, file: file, line: line)
        XCTAssertTrue(suffix.allSatisfy(\.isHexDigit) && suffix == suffix.lowercased(), slug, file: file, line: line)
    }

    func testPlainIDsKeepTheirReadableForm() {
        XCTAssertEqual(Slug.slugs(for: ["C-0042", "c_0043", "Zoë Müller", "007"]), [
            "C-0042": "c-0042", "c_0043": "c-0043", "Zoë Müller": "zo-m-ller", "007": "007",
        ])
    }

    func testIDsThatCollideAfterLoweringGetDistinctHashedSlugs() {
        let slugs = Slug.slugs(for: ["C-0042", "c-0042", "C_0042", "C-0043"])
        XCTAssertEqual(slugs["C-0043"], "c-0043")
        for id in ["C-0042", "c-0042", "C_0042"] { assertHashed(slugs[id], stem: "c-0042") }
        XCTAssertEqual(Set(slugs.values).count, 4)
    }

    func testIDsThatCollideAfterDroppingAccentsGetDistinctSlugs() {
        let slugs = Slug.slugs(for: ["Zoë", "Zoe", "Zoé"])
        XCTAssertEqual(slugs["Zoe"], "zoe")
        assertHashed(slugs["Zoë"], stem: "zo")
        assertHashed(slugs["Zoé"], stem: "zo")
        XCTAssertNotEqual(slugs["Zoë"], slugs["Zoé"])
    }

    func testPathsCannotEscape() {
        let slugs = Slug.slugs(for: ["../../x", "/etc/passwd", "a\\b", "..", "C:\\Windows\\win.ini"])
        XCTAssertEqual(slugs["../../x"], "x")
        XCTAssertEqual(slugs["/etc/passwd"], "etc-passwd")
        XCTAssertEqual(slugs["a\\b"], "a-b")
        XCTAssertEqual(slugs["C:\\Windows\\win.ini"], "c-windows-win-ini")
        assertHashed(slugs[".."], stem: "c")
    }

    func testReservedNamesAreNotUsedAsTheyAre() {
        let slugs = Slug.slugs(for: ["CON", "index", "assets", "lpt1", "Nul"])
        assertHashed(slugs["CON"], stem: "con")
        assertHashed(slugs["index"], stem: "index")
        assertHashed(slugs["assets"], stem: "assets")
        assertHashed(slugs["lpt1"], stem: "lpt1")
        assertHashed(slugs["Nul"], stem: "nul")
    }

    func testIDsWithNothingReadableGetAHashedSlug() {
        let slugs = Slug.slugs(for: ["", "!!!", "山田", "🙂"])
        for id in ["", "!!!", "山田", "🙂"] { assertHashed(slugs[id], stem: "c") }
        XCTAssertEqual(Set(slugs.values).count, 4)
    }

    func testVeryLongIDsGiveShortDistinctSlugs() {
        let long = String(repeating: "a", count: 100_000)
        let slugs = Slug.slugs(for: [long, long + "b", String(repeating: "ab-", count: 40_000)])
        assertHashed(slugs[long], stem: String(repeating: "a", count: 48))
        assertHashed(slugs[long + "b"], stem: String(repeating: "a", count: 48))
        XCTAssertNotEqual(slugs[long], slugs[long + "b"])
        for slug in slugs.values { XCTAssertLessThanOrEqual(slug.count, 57, slug) }
    }

    func testReadableFormIsAtMostTheMaximumLength() {
        for text in [String(repeating: "ab-", count: 100), String(repeating: "a", count: 47) + " " + String(repeating: "b", count: 10)] {
            let form = Slug.readable(text)
            XCTAssertLessThanOrEqual(form.count, Slug.maximumReadableLength, form)
            XCTAssertFalse(form.hasSuffix("-"), form)
        }
    }

    func testEverySlugIsSafe() {
        let ids = [
            "C-0042", "c-0042", "", " ", "-", "--a--", "a..b", "../../x", "/etc/passwd", "a\\b", "CON", "index",
            "Zoë", "山田花子", "👩‍👩‍👧", "tab\tid", "new\nline", "semi;colon", "<script>", "%2e%2e", String(repeating: "x", count: 500),
        ]
        let slugs = Slug.slugs(for: ids)
        XCTAssertEqual(Set(slugs.keys), Set(ids))
        for (id, slug) in slugs { XCTAssertTrue(isSafe(slug), "\(id.debugDescription) → \(slug)") }
        XCTAssertEqual(Set(slugs.values).count, ids.count)
    }

    func testResultDoesNotDependOnInputOrder() {
        let ids = ["C-0042", "c-0042", "C_0042", "CON", "", "!!", "Zoë", "Zoe", "x", "X", "index"]
        let expected = Slug.slugs(for: ids)
        XCTAssertEqual(Slug.slugs(for: ids.reversed()), expected)
        XCTAssertEqual(Slug.slugs(for: ids.sorted()), expected)
        XCTAssertEqual(Slug.slugs(for: [ids[5], ids[2], ids[9], ids[0], ids[7], ids[10], ids[1], ids[4], ids[8], ids[3], ids[6]]), expected)
    }

    func testSlugsAreStableAcrossRuns() {
        // FNV-1a, not Swift's seeded Hasher: the same id gives the same file every build.
        XCTAssertEqual(Slug.fnv1a(""), 0xcbf2_9ce4_8422_2325)
        XCTAssertEqual(Slug.fnv1a("a"), 0xaf63_dc4c_8601_ec8c)
        XCTAssertEqual(Slug.slugs(for: ["CON"]), Slug.slugs(for: ["CON"]))
    }

    func testAPlainSlugThatLooksLikeAHashedOneDoesNotCollide() throws {
        let hashed = try XCTUnwrap(Slug.slugs(for: ["C-1", "c-1"])["C-1"])
        let slugs = Slug.slugs(for: ["C-1", "c-1", hashed])
        XCTAssertEqual(slugs[hashed], hashed)
        XCTAssertEqual(Set(slugs.values).count, 3)
    }
}
