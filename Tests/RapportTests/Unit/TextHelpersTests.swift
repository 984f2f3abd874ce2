import Foundation
import XCTest

@testable import Rapport

final class TextHelpersTests: XCTestCase {
    func testTrimmingSpaces() {
        XCTAssertEqual("Ada".trimmingSpaces, "Ada")
        XCTAssertEqual("".trimmingSpaces, "")
        XCTAssertEqual(" \tAda Lovelace\t ".trimmingSpaces, "Ada Lovelace")
        XCTAssertEqual("Ada ".trimmingSpaces, "Ada")
        XCTAssertEqual(" Ada".trimmingSpaces, "Ada")
        XCTAssertEqual("   ".trimmingSpaces, "")
        // Spaces beyond ASCII are trimmed; a line break is not a space.
        XCTAssertEqual("\u{00A0}Zoë\u{3000}".trimmingSpaces, "Zoë")
        XCTAssertEqual("Zoë\n".trimmingSpaces, "Zoë\n")
        // A space with a combining mark on it is another character, and stays.
        XCTAssertEqual("Ada \u{301}".trimmingSpaces, "Ada \u{301}")
        XCTAssertEqual("\u{00A0}".trimmingSpaces, "")
        XCTAssertEqual(Substring(" x ").trimmingSpaces, "x")
    }

    /// Directory sort keys order as their text does, compared as bytes or not: every pair
    /// of a list with prefixes, equal keys, ASCII beside accents, and text that is equal
    /// to another only once normalized.
    func testSortKeysOrderAsTheirText() {
        let texts = [
            "", "a", "ab", "abc", "abd", "b", "a b", "a-b", "Zed", "zed", "~", "é", "e\u{301}", "ea", "ø", "z", "日本", "aé",
            "abernathy", "abernathy smith", "abernathy smyth", "abernath", "abernathz",
        ]
        for left in texts {
            for right in texts {
                let (a, b) = (DirectoryView.SortKey(left), DirectoryView.SortKey(right))
                XCTAssertEqual(a < b, left < right, "\(left) < \(right)")
                XCTAssertEqual(a == b, left == right, "\(left) == \(right)")
                // Prefixes, where both have one and they differ, order as the texts.
                if let p = a.prefix, let q = b.prefix, p != q { XCTAssertEqual(p < q, left < right, "prefix \(left) < \(right)") }
            }
        }
        XCTAssertNil(DirectoryView.SortKey("é").prefix)
    }

    func testPhoneDigits() {
        XCTAssertEqual(DirectoryView.digits("+1 (555) 010-2030"), "15550102030")
        XCTAssertEqual(DirectoryView.digits(""), "")
        XCTAssertEqual(DirectoryView.digits("ext."), "")
        // Digits of other scripts are digits too; the ASCII ones among them are kept.
        XCTAssertEqual(DirectoryView.digits("٠١٢ 3-4"), "٠١٢34")
        XCTAssertEqual(DirectoryView.digits("０９０ 1"), "０９０1")
    }

    func testSearchTextListsEveryFilledFieldOnce() {
        var record = CustomerRecord(id: "c1", location: SourceLocation(path: "customers.csv", line: 2, column: 1))
        record.firstName = "Zoë"
        record.lastName = "Müller"
        record.pets = [.init(name: "Biscuit", species: "dog")]
        record.children = [.init(name: "Mia", age: "7")]
        record.tags = ["vip", "colour"]
        record.phone = "+49 30 1234"
        record.address.city = "Berlin"
        XCTAssertEqual(DirectoryView.searchText(record), "Zoë Müller Biscuit Mia vip colour +49 30 1234 49301234 Berlin")
        let empty = CustomerRecord(id: "c2", location: SourceLocation(path: "customers.csv", line: 3, column: 1))
        XCTAssertEqual(DirectoryView.searchText(empty), "")
    }
}
