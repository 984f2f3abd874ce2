import Foundation
import XCTest

/// The Big List of Naughty Strings (Tests/RapportTests/Data/blns, MIT, see blns.LICENSE).
enum HostileNaughtyStrings {
    static func load() throws -> [String] {
        let data = try Data(contentsOf: Hostile.data.appendingPathComponent("blns/blns.json"))
        return try JSONDecoder().decode([String].self, from: data)
    }
}

/// Every naughty string in every text field of the records, in the schedule, in a
/// letter's merge fields and in the notes: the site builds, each value shows escaped where
/// its field is shown, and no page holds markup that runs.
final class HostileNaughtyStringsTests: XCTestCase {
    /// Every text column Rapport knows, and one it does not (shown on the card as it is).
    static let columns = [
        "first_name", "last_name", "preferred_name", "pronunciation", "email", "phone", "favorite_drink", "favorite_flower",
        "tags", "address_line1", "address_line2", "city", "region", "postal_code", "country", "children", "pets", "allergies",
    ]

    func testEveryTextFieldHoldsEveryNaughtyString() throws {
        let all = try HostileNaughtyStrings.load()
        XCTAssertGreaterThan(all.count, 500)
        // Left out: strings with a NUL, an error in any CSV by design ("the file contains a
        // NUL byte"). This version of the list has none, so nothing is left out.
        let strings = all.filter { !$0.unicodeScalars.contains("\0") }
        XCTAssertEqual(strings.count, all.count)

        // Customer k holds string (k + j) mod n in column j: each column gets every string once.
        let n = strings.count
        func value(_ customer: Int, _ column: Int) -> String { strings[(customer + column) % n] }
        func id(_ customer: Int) -> String { "N-\(customer)" }
        var rows = [["id"] + Self.columns]
        var schedule = [["date", "time", "customer_id", "service", "staff"]]
        var files: [String: String] = [
            "content/letters/thank-you.md": """
                ---
                title: Thank you
                ---
                Thank you, {{preferred_name}} ({{full_name}}): {{favorite_drink}} and {{favorite_flower}}.
                {{#pets}}Love to {{name}} the {{species}}. {{/pets}}{{#children}}And to {{name}}, {{age}}. {{/children}}
                {{#next_appointment}}See you at {{time}} for {{service}}.{{/next_appointment}}

                """
        ]
        for customer in 0..<n {
            rows.append([id(customer)] + Self.columns.indices.map { value(customer, $0) })
            schedule.append(["2026-11-\(23 + customer % 7)", "", id(customer), strings[customer], strings[(customer + 1) % n]])
            files["content/notes/\(id(customer)).md"] = """
                ---
                customer: \(id(customer))
                ---
                \(strings[customer])

                Ask about:
                - \(strings[(customer + 1) % n])
                - \(strings[(customer + 2) % n])

                """
        }
        files["content/customers.csv"] = Hostile.csv(rows)
        files["content/schedule.csv"] = Hostile.csv(schedule)
        let site = try Hostile.site(text: files, self)

        // The only diagnostics are likely duplicates, which naughty names, emails and phone
        // numbers do make (`Test` and `test` are one email), and one note whose first "Ask
        // about" item, `- --`, is a thematic break, not a list item (N-437: `-`, `--`, `--version`).
        let warning = #/content/customers\.csv:\d+:1: warning: customer 'N-\d+' may be a duplicate of 'N-\d+' \((same email|same phone|same name|near-identical names)\)/#
        let note = #/content/customers\.csv:\d+:1: note: 'N-\d+' is here/#
        let built = try Hostile.assertBuilds(site: site) { stderr in
            let others = stderr.split(separator: "\n").filter { (try? warning.wholeMatch(in: $0)) == nil && (try? note.wholeMatch(in: $0)) == nil }
            XCTAssertEqual(
                others,
                ["content/notes/N-437.md:6:1: warning: 'Ask about:' is not followed by a list; write each item as a '- ' line below it"])
            XCTAssertTrue(stderr.hasSuffix("\n"))
        }
        XCTAssertEqual(built.files.keys.filter { $0.hasPrefix("customers/") }.count, n)
        XCTAssertEqual(built.files.keys.filter { $0.hasPrefix("letters/thank-you/") }.count, n)

        // Shown exactly, escaped: trimmed standard fields, and the extra column as written.
        func column(_ name: String) -> Int { Self.columns.firstIndex(of: name)! }
        let pages = built.pages
        var checked = 0
        for customer in 0..<n {
            let card = try XCTUnwrap(pages["customers/n-\(customer).html"], id(customer))
            func field(_ name: String) -> String { value(customer, column(name)).trimmingCharacters(in: .whitespaces) }
            var expected: [String] = []
            if !field("preferred_name").isEmpty {
                let shown = Hostile.escaped(field("preferred_name"))
                expected += ["<title>\(shown) · Test Salon</title>", #"<h1 class="preferred-name">"# + shown + "</h1>"]
            }
            if !field("pronunciation").isEmpty {
                expected.append(#"<p class="pronunciation">say “"# + Hostile.escaped(field("pronunciation")) + "”</p>")
            }
            if !field("favorite_drink").isEmpty {
                expected.append("<dt>Usual drink</dt><dd>" + Hostile.escaped(field("favorite_drink")) + "</dd>")
            }
            if !field("email").isEmpty {
                let email = Hostile.escaped(field("email"))
                expected.append(#"<dt>Email</dt><dd><a href="mailto:"# + email + #"">"# + email + "</a></dd>")
            }
            if !field("phone").isEmpty {
                expected.append("<dt>Phone</dt><dd>" + Hostile.escaped(field("phone")) + "</dd>")
            }
            let allergies = value(customer, column("allergies"))
            if !allergies.isEmpty {
                expected.append("<dt>Allergies</dt><dd>" + Hostile.escaped(allergies) + "</dd>")
            }
            // The booking, from the schedule's service and staff.
            let day = 23 + customer % 7
            let service = strings[customer].trimmingCharacters(in: .whitespaces)
            let staff = strings[(customer + 1) % n].trimmingCharacters(in: .whitespaces)
            expected.append(
                "<li><time datetime=\"2026-11-\(day)\">\(day) November 2026</time>"
                    + (service.isEmpty ? "" : " — " + Hostile.escaped(service))
                    + (staff.isEmpty ? "" : " <span class=\"muted\">with " + Hostile.escaped(staff) + "</span>") + "</li>")
            for element in expected {
                XCTAssertTrue(Hostile.has(card, element), "\(id(customer)): no \(element.debugDescription)")
                checked += 1
            }
        }
        XCTAssertGreaterThan(checked, 6 * n - 60)
    }
}
