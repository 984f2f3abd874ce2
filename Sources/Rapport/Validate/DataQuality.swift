import Foundation

/// Problems in the data that are not errors: likely duplicate customers, cards missing a
/// preferred name or birthday, notes that have not mentioned a visit for a long time.
struct DataQuality {
    struct Duplicate {
        var first: CustomerRecord
        var second: CustomerRecord
        /// "same email", "same phone", "near-identical names".
        var reason: String
    }

    struct StaleNote {
        var record: CustomerRecord
        var newestVisit: CalendarDay?
    }

    var duplicates: [Duplicate] = []
    var missingPreferredName: [CustomerRecord] = []
    var missingBirthday: [CustomerRecord] = []
    var staleNotes: [StaleNote] = []

    init(records: [CustomerRecord], notes: [String: CustomerNote], today: CalendarDay, staleNoteDays: Int) {
        duplicates = Self.findDuplicates(records)
        missingPreferredName = records.filter { $0.preferredName.isEmpty }
        missingBirthday = records.filter { $0.birthday == nil }
        for record in records {
            guard let note = notes[record.id] else { continue }
            let newest = note.visits.first?.date
            if newest.map({ $0.days(until: today) > staleNoteDays }) ?? true {
                staleNotes.append(StaleNote(record: record, newestVisit: newest))
            }
        }
    }

    /// The warnings `rapport check` prints for duplicates, at the later row, pointing at the earlier.
    var warnings: [Diagnostic] {
        duplicates.map { duplicate in
            .warning(
                duplicate.second.location,
                "customer '\(duplicate.second.id)' may be a duplicate of '\(duplicate.first.id)' (\(duplicate.reason))",
                notes: [.init(location: duplicate.first.location, message: "'\(duplicate.first.id)' is here")])
        }
    }

    /// Pairs sharing an email, a phone number (digits only) or a folded full name, or whose
    /// names differ by one letter. Names are only compared within the same first letters of
    /// the last name, so the cost stays near linear for large files.
    static func findDuplicates(_ records: [CustomerRecord]) -> [Duplicate] {
        var found: [Duplicate] = []
        var reported: Set<[String]> = []
        func report(_ first: CustomerRecord, _ second: CustomerRecord, _ reason: String) {
            let (a, b) = first.location.line ?? 0 <= second.location.line ?? 0 ? (first, second) : (second, first)
            guard reported.insert([a.id, b.id]).inserted else { return }
            found.append(Duplicate(first: a, second: b, reason: reason))
        }
        var byEmail: [String: CustomerRecord] = [:]
        var byPhone: [String: CustomerRecord] = [:]
        // Distinct folded names, grouped by the first letters of the last name; each with the
        // first customer who has it. A repeated name is reported against that first customer
        // only, so a file of ten thousand Smiths costs no more than one of varied names.
        var namesByBlock: [String: [String: (record: CustomerRecord, letters: [Character])]] = [:]
        for record in records {
            let email = record.email.lowercased().trimmingCharacters(in: .whitespaces)
            if !email.isEmpty {
                if let other = byEmail[email] { report(other, record, "same email") } else { byEmail[email] = record }
            }
            let digits = record.phone.filter(\.isASCII).filter(\.isNumber)
            if digits.count >= 7 {
                // The last nine digits: "+44 20 7946 0321" and "020 7946 0321" are one number.
                let key = String(digits.suffix(9))
                if let other = byPhone[key] { report(other, record, "same phone") } else { byPhone[key] = record }
            }
            let name = fold(record.fullName)
            guard name.count >= 4 else { continue }
            let block = String(fold(record.lastName.isEmpty ? record.fullName : record.lastName).prefix(2))
            if let first = namesByBlock[block]?[name] {
                report(first.record, record, "same name")
                continue
            }
            // Each name's letters are split out once, not once per comparison.
            let letters = Array(name)
            for other in (namesByBlock[block] ?? [:]).values where isNearlyEqual(letters, other.letters) {
                report(other.record, record, "near-identical names")
            }
            namesByBlock[block, default: [:]][name] = (record, letters)
        }
        return found.sorted { ($0.second.location.line ?? 0, $0.first.id) < ($1.second.location.line ?? 0, $1.first.id) }
    }

    /// Lowercase letters and digits only, accents and case removed.
    static func fold(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
            .filter { $0.isLetter || $0.isNumber }
    }

    /// Equal, or one letter added, removed or changed.
    static func isNearlyEqual(_ a: String, _ b: String) -> Bool {
        a == b || isNearlyEqual(Array(a), Array(b))
    }

    static func isNearlyEqual(_ x: [Character], _ y: [Character]) -> Bool {
        guard abs(x.count - y.count) <= 1, min(x.count, y.count) >= 5 else { return false }
        var i = 0
        var j = 0
        var edits = 0
        while i < x.count && j < y.count {
            if x[i] == y[j] {
                i += 1
                j += 1
                continue
            }
            edits += 1
            if edits > 1 { return false }
            if x.count > y.count { i += 1 } else if y.count > x.count { j += 1 } else { i += 1; j += 1 }
        }
        return edits + (x.count - i) + (y.count - j) <= 1
    }
}
