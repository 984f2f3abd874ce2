import Foundation
import XCTest

/// Front matter (and the config, read by the same YAML reader) written to confuse or to
/// exhaust the reader.
final class HostileFrontMatterTests: XCTestCase {
    /// Five notes, five mistakes, each at its place: an unclosed flow list (reported where
    /// the front matter ends, as libyaml only finds out there), an unterminated quote (at
    /// the end of its line), a key indented under a value (at its colon), a tab (at the
    /// tab). Pinned: a repeated key is reported, by Yams, at its first occurrence.
    func testMalformedYAML() throws {
        try Hostile.assertRejected("hostile-frontmatter-malformed", self)
    }

    /// Fixed: the "billion laughs", ten anchored lists of ten aliases of the one before,
    /// 10⁹ values from ten lines. Yams composes it lazily, but hashes a mapping key with
    /// every value in it: as a key (`? *a9`), it hung the build (still running after 20
    /// minutes). Rapport now counts what aliases add before Yams reads the text, and stops
    /// at the alias that takes it past 10,000 values, whatever key holds the bomb.
    func testAliasBombAsAKey() throws {
        try Hostile.assertRejected("hostile-frontmatter-alias-bomb-key", self)
    }

    /// The same bomb as `customer` (read as the id: it used to give "'customer' must be a
    /// customer id" at the anchor), as `follow_up` (ten "follow-up ''" errors, one per
    /// nested list) and as an unknown key (a warning only): now one clear error at the same place.
    func testAliasBombAsTheCustomer() throws {
        try Hostile.assertRejected("hostile-frontmatter-alias-bomb-customer", self)
    }

    func testAliasBombAsFollowUps() throws {
        try Hostile.assertRejected("hostile-frontmatter-alias-bomb-follow-up", self)
    }

    func testAliasBombUnderAnUnknownKey() throws {
        try Hostile.assertRejected("hostile-frontmatter-alias-bomb-unknown", self)
    }

    /// The config is read the same way.
    func testAliasBombInTheConfig() throws {
        try Hostile.assertRejected("hostile-config-alias-bomb", self)
    }

    /// A bomb of 10⁹⁰ (ninety levels) is refused as fast, and a few honest aliases are fine.
    func testAliasesAreCountedNotExpanded() throws {
        var lines = ["---", "customer: C-1", #"a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol","lol"]"#]
        for level in 1...90 { lines.append("a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ",") + "]") }
        let bomb = lines.joined(separator: "\n") + "\n---\nBody.\n"
        let people = "id,first_name\nC-1,Ada\n"
        let site = try Hostile.site(text: ["content/customers.csv": people, "content/notes/C-1.md": bomb], self)
        try Hostile.assertRejected(
            site: site,
            expected: """
                content/notes/C-1.md:6:38: error: YAML aliases here expand to more than 10000 values; write the values out instead of using '*' aliases
                rapport: 1 error; nothing was written

                """)

        let honest = "---\ncustomer: &who C-1\nfollow_up: &calls\n  - 2026-11-25 — ring\nsame_calls: *calls\nsame_customer: *who\n---\nBody.\n"
        let fine = try Hostile.site(text: ["content/customers.csv": people, "content/notes/C-1.md": honest], self)
        let built = try Hostile.assertBuilds(
            site: fine,
            expected: """
                content/notes/C-1.md:5:1: warning: unknown front matter key 'same_calls' (known: customer, follow_up)
                content/notes/C-1.md:6:1: warning: unknown front matter key 'same_customer' (known: customer, follow_up)

                """)
        Hostile.assertLines(
            try built.page("customers/c-1.html"),
            [#"<ul><li><time datetime="2026-11-25">25 November 2026</time> — ring</li></ul>"#])
    }

    /// Lists nested past libyaml's limit of 1,000 are refused, at the first bracket.
    func testDeeplyNestedYAML() throws {
        let note = "---\ncustomer: C-1\nx: " + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000) + "\n---\nBody.\n"
        let site = try Hostile.site(text: ["content/customers.csv": "id,first_name\nC-1,Ada\n", "content/notes/C-1.md": note], self)
        try Hostile.assertRejected(
            site: site,
            expected: """
                content/notes/C-1.md:3:5: error: invalid YAML: Maximum nesting level reached, set with yaml_set_max_nest_level()) (while parsing)
                rapport: 1 error; nothing was written

                """)
    }

    /// Pinned: tags are ignored, `!!python/object:os.system` included: Rapport reads the
    /// scalars as written and never constructs objects. The tagged id and follow-up are
    /// used as text; the unknown key is a warning.
    func testUnknownTagsAreReadAsPlainText() throws {
        let built = try Hostile.assertBuilds("hostile-frontmatter-unknown-tags", self)
        Hostile.assertLines(
            try built.page("customers/c-1.html"),
            [
                #"<ul><li><time datetime="2026-11-25">25 November 2026</time> — ring about the colour</li></ul>"#,
                #"<div class="notes"><p>Tags are read as plain text.</p>"#,
            ])
    }

    /// `customer:` naming nobody, or an id in another case, is an error at the value.
    func testCustomerNamingNobody() throws {
        try Hostile.assertRejected("hostile-frontmatter-unknown-customer", self)
    }

    /// An opening `---` never closed (`-- ` and `----` do not close it), in LF and CRLF files.
    func testFrontMatterThatNeverCloses() throws {
        try Hostile.assertRejected("hostile-frontmatter-unclosed", self)
    }
}
