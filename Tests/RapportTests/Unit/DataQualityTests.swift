import XCTest

@testable import Rapport

/// Likely duplicates: the indexed search must find exactly the pairs that comparing every
/// two customers of a block would find.
final class DataQualityTests: XCTestCase {
    private func record(_ row: Int, first: String, last: String, email: String = "", phone: String = "") -> CustomerRecord {
        var record = CustomerRecord(id: "C-\(row)", location: SourceLocation(path: "content/customers.csv", line: row + 1, column: 1))
        record.firstName = first
        record.lastName = last
        record.email = email
        record.phone = phone
        return record
    }

    private func pairs(_ duplicates: [DataQuality.Duplicate]) -> [String] {
        duplicates.map { "\($0.first.id)~\($0.second.id) \($0.reason)" }
    }

    func testReasons() {
        let records = [
            record(1, first: "Ana", last: "Lopes", email: "ana@example.org", phone: "+44 20 7946 0321"),
            record(2, first: "Bea", last: "Marsh", email: " ANA@example.org"),
            record(3, first: "Cy", last: "Nunes", phone: "020 7946 0321"),
            record(4, first: "Dora", last: "Okafor"),
            record(5, first: "Dora", last: "Okafor"),
            record(6, first: "Dora", last: "Okafore"),
            record(7, first: "Dara", last: "Okafor"),
            record(8, first: "Dora", last: "Okafro"),
            record(9, first: "Zoë", last: "Ólafsdóttir"),
            record(10, first: "Zoe", last: "Olafsdottir"),
            record(11, first: "Zoe", last: "Olafsdotir"),
        ]
        XCTAssertEqual(
            pairs(DataQuality.findDuplicates(records)),
            [
                "C-1~C-2 same email", "C-1~C-3 same phone", "C-4~C-5 same name", "C-4~C-6 near-identical names",
                "C-4~C-7 near-identical names", "C-9~C-10 same name",
                "C-9~C-11 near-identical names",
            ].sorted { pairsOrder($0, $1) })
    }

    private func pairsOrder(_ a: String, _ b: String) -> Bool {
        func key(_ text: String) -> (Int, String) {
            let ids = text.split(separator: " ")[0].split(separator: "~")
            return (Int(ids[1].dropFirst(2))!, String(ids[0]))
        }
        return key(a) < key(b)
    }

    func testFoldKeepsLettersAndDigitsWithoutCaseOrAccents() {
        XCTAssertEqual(DataQuality.fold("O'Brien-Smith 3rd"), "obriensmith3rd")
        XCTAssertEqual(DataQuality.fold("Zoë Müller"), "zoemuller")
        XCTAssertEqual(DataQuality.fold("ANNA\r\nB\t_9"), "annab9")
        XCTAssertEqual(DataQuality.fold(""), "")
        // Every ASCII character, alone and between letters, folds as Characters do.
        for byte in UInt8(0)..<0x80 {
            let text = "a\(Character(Unicode.Scalar(byte)))Z"
            XCTAssertEqual(DataQuality.fold(text), text.lowercased().filter { $0.isLetter || $0.isNumber }, "byte \(byte)")
        }
    }

    func testFindsWhatComparingEveryPairFinds() {
        // Short names over a small alphabet, so that many are one letter apart.
        var generator = SeededGenerator(seed: 7)
        let alphabet = Array("abcdeé")
        var records: [CustomerRecord] = []
        for row in 1...600 {
            let first = String((0..<Int.random(in: 2...3, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! })
            let last = "Ab" + String((0..<Int.random(in: 2...4, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! })
            records.append(record(row, first: first, last: last))
        }
        let found = Set(pairs(DataQuality.findDuplicates(records)).filter { $0.hasSuffix("near-identical names") })

        // Every later customer against the first customer of each distinct earlier name.
        var expected: Set<String> = []
        var firsts: [String: CustomerRecord] = [:]
        for record in records {
            let name = DataQuality.fold(record.fullName)
            guard name.count >= 4, firsts[name] == nil else { continue }
            for (otherName, other) in firsts where DataQuality.isNearlyEqual(name, otherName) {
                expected.insert("\(other.id)~\(record.id) near-identical names")
            }
            firsts[name] = record
        }
        XCTAssertGreaterThan(expected.count, 50)
        XCTAssertEqual(found, expected)
    }
}

/// A small deterministic generator (SplitMix64), so a failure can be reproduced.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
