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
        /// The customer's position in `records`.
        var customer: Int
        var newestVisit: CalendarDay?
    }

    /// The records checked; the lists below hold positions in it, as a list can name most
    /// customers and a record is large to copy.
    var records: [CustomerRecord]
    var duplicates: [Duplicate] = []
    var missingPreferredName: [Int] = []
    var missingBirthday: [Int] = []
    var staleNotes: [StaleNote] = []

    /// `duplicates`: what `findDuplicates(records)` found, when it has already been run.
    init(
        records: [CustomerRecord], notes: [String: CustomerNote], today: CalendarDay, staleNoteDays: Int,
        duplicates: [Duplicate]? = nil
    ) {
        self.records = records
        self.duplicates = duplicates ?? Self.findDuplicates(records)
        missingPreferredName = records.indices.filter { records[$0].preferredName.isEmpty }
        missingBirthday = records.indices.filter { records[$0].birthday == nil }
        for (index, record) in records.enumerated() {
            guard let note = notes[record.id] else { continue }
            let newest = note.visits.first?.date
            if newest.map({ $0.days(until: today) > staleNoteDays }) ?? true {
                staleNotes.append(StaleNote(customer: index, newestVisit: newest))
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
    /// the last name.
    static func findDuplicates(_ records: [CustomerRecord]) -> [Duplicate] {
        // Customers are held by their index in `records`: a record is large to copy.
        var found: [Duplicate] = []
        var reported: Set<[String]> = []
        func report(_ first: Int, _ second: Int, _ reason: String) {
            let (first, second) = (records[first], records[second])
            let (a, b) = first.location.line ?? 0 <= second.location.line ?? 0 ? (first, second) : (second, first)
            guard reported.insert([a.id, b.id]).inserted else { return }
            found.append(Duplicate(first: a, second: b, reason: reason))
        }
        var byEmail: [String: Int] = [:]
        var byPhone: [String: Int] = [:]
        byEmail.reserveCapacity(records.count)
        byPhone.reserveCapacity(records.count)
        // Distinct folded names, each with the first customer who has it: a repeated name is
        // reported against that first customer only.
        var firstWithName: [String: Int] = [:]
        firstWithName.reserveCapacity(records.count)
        var names = NearNames()
        // The block of each last name, folded once: last names repeat, and folding one
        // that is not ASCII goes through Foundation.
        var blocks: [String: String] = [:]
        for (index, record) in records.enumerated() {
            let email = foldEmail(record.email)
            if !email.isEmpty {
                if let other = byEmail[email] { report(other, index, "same email") } else { byEmail[email] = index }
            }
            let digits = phoneDigits(record.phone)
            if digits.count >= 7 {
                // The last nine digits: "+44 20 7946 0321" and "020 7946 0321" are one number.
                let key = String(digits.suffix(9))
                if let other = byPhone[key] { report(other, index, "same phone") } else { byPhone[key] = index }
            }
            let name = fold(record.fullName)
            guard name.count >= 4 else { continue }
            let surname = record.lastName.isEmpty ? record.fullName : record.lastName
            let block: String
            if let known = blocks[surname] {
                block = known
            } else {
                block = String(fold(surname).prefix(2))
                blocks[surname] = block
            }
            let key = block + "\u{1F}" + name
            if let first = firstWithName[key] {
                report(first, index, "same name")
                continue
            }
            firstWithName[key] = index
            names.add(Array(name), block: block, customer: index)
        }
        // Found for each pair while looking at its later customer, after that customer's
        // email, phone and name, as a pair is reported once, for the first reason found.
        for (earlier, later) in names.pairs() {
            report(earlier, later, "near-identical names")
        }
        return found.sorted { ($0.second.location.line ?? 0, $0.first.id) < ($1.second.location.line ?? 0, $1.first.id) }
    }

    /// Distinct names, and the pairs of them one letter apart. Two such names share a
    /// variant: the same letter removed from both (a letter changed), or one letter
    /// removed from the longer giving the shorter (a letter added). So each name is listed
    /// under a hash of itself and of itself minus each letter, the list is sorted, and only
    /// names listed under the same hash are compared: the cost grows with the number of
    /// names (times the log of it), not with its square.
    struct NearNames {
        private var names: [(letters: [Character], block: String, customer: Int)] = []
        private var variants: [(hash: UInt64, name: Int32)] = []

        /// Adds a name not added before, of the customer who has it first, in `block`.
        mutating func add(_ letters: [Character], block: String, customer: Int) {
            let index = Int32(names.count)
            for hash in Self.variants(letters, block: block) { variants.append((hash, index)) }
            names.append((letters, block, customer))
        }

        /// The customers of each two names in the same block one letter apart, the one
        /// added first first.
        func pairs() -> [(Int, Int)] {
            // Each hash with its name's index in the low bits, as one number: the list sorts
            // as plain integers, several times quicker than as pairs. The hash keeps its
            // high bits, plenty to keep the names listed together few.
            let nameBits = max(1, UInt64.bitWidth - UInt64(names.count).leadingZeroBitCount)
            let nameMask: UInt64 = (1 << nameBits) - 1
            var sorted = variants.map { $0.hash & ~nameMask | UInt64($0.name) }
            sorted.sort()
            var pairs: Set<[Int32]> = []
            var start = 0
            while start < sorted.count {
                var end = start + 1
                while end < sorted.count, sorted[end] & ~nameMask == sorted[start] & ~nameMask { end += 1 }
                for first in start..<end {
                    for second in (first + 1)..<end {
                        let (a, b) = (Int(sorted[first] & nameMask), Int(sorted[second] & nameMask))
                        // A name can list a hash twice ("anna" without either "n").
                        // Hash collisions only add comparisons, never matches.
                        if a != b, names[a].block == names[b].block, isNearlyEqual(names[a].letters, names[b].letters) {
                            pairs.insert([Int32(a), Int32(b)])
                        }
                    }
                }
                start = end
            }
            return pairs.sorted { ($0[1], $0[0]) < ($1[1], $1[0]) }.map { (names[Int($0[0])].customer, names[Int($0[1])].customer) }
        }

        /// The hashes of the name and of the name without each of its letters, in `block`.
        /// Hash collisions only add comparisons, never matches.
        static func variants(_ letters: [Character], block: String) -> [UInt64] {
            var seed = Slug.fnv1a(block)
            seed ^= seed >> 29
            let codes = letters.map { character in
                var code: UInt64 = 0xcbf2_9ce4_8422_2325
                for scalar in character.unicodeScalars {
                    code ^= UInt64(scalar.value)
                    code &*= 0x100_0000_01b3
                }
                return code
            }
            // Polynomial hashes of every prefix and suffix, so that the hash of the name with
            // letter i removed is put together from the two in constant time.
            let base: UInt64 = 0x9E37_79B9_7F4A_7C15
            var prefix = [seed]
            for code in codes { prefix.append(prefix.last! &* base &+ code) }
            var suffix = [UInt64](repeating: 0, count: codes.count + 1)
            var power = [UInt64](repeating: 1, count: codes.count + 1)
            for index in stride(from: codes.count - 1, through: 0, by: -1) {
                suffix[index] = codes[index] &* power[codes.count - 1 - index] &+ suffix[index + 1]
                power[codes.count - index] = power[codes.count - 1 - index] &* base
            }
            var variants = [prefix[codes.count]]
            for index in codes.indices {
                variants.append(prefix[index] &* power[codes.count - 1 - index] &+ suffix[index + 1])
            }
            return variants
        }
    }

    /// The ASCII digits of a phone number ("+44 (0)20" → "44020").
    static func phoneDigits(_ phone: String) -> String {
        if phone.utf8.allSatisfy({ $0 < 0x80 }) {
            return String(decoding: phone.utf8.filter { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }, as: UTF8.self)
        }
        // A digit with a combining mark is one character, and not an ASCII one.
        return String(phone.filter { $0.isASCII && $0.isNumber })
    }

    /// An email as compared: lowercased, spaces and tabs trimmed.
    static func foldEmail(_ email: String) -> String {
        if email.utf8.allSatisfy({ $0 < 0x80 && $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\t") }) {
            return email.lowercased()
        }
        return email.lowercased().trimmingCharacters(in: .whitespaces)
    }

    /// Lowercase letters and digits only, accents and case removed.
    static func fold(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            // ASCII, as most names are: folding is lowercasing, and the letters and digits
            // are a-z and 0-9. Asking each Character whether it is a letter cost more.
            var folded: [UInt8] = []
            folded.reserveCapacity(text.utf8.count)
            for byte in text.utf8 {
                switch byte {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): folded.append(byte)
                case UInt8(ascii: "A")...UInt8(ascii: "Z"): folded.append(byte + 0x20)
                default: break
                }
            }
            return String(decoding: folded, as: UTF8.self)
        }
        return text.foldedForComparison.filter { $0.isLetter || $0.isNumber }
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
