import Foundation

/// The customer directory (`index.html`): everyone, sorted by name, linking to each card.
struct DirectoryView {
    /// The customers in directory order (`sorted(_:)`).
    var records: [CustomerRecord]
    /// Customer id → card link from the site root.
    var cardLinks: [String: String]

    func context(in site: SiteContext) -> MustacheValue {
        var tagCounts: [String: Int] = [:]
        for record in records {
            for tag in Set(record.tags) { tagCounts[tag, default: 0] += 1 }
        }
        var page = site.page(depth: 0)
        // A row per customer: each is made as the page reaches it.
        let (records, cardLinks) = (records, cardLinks)
        page.set(
            "customers",
            MustacheValue.items(MustacheItems(count: records.count) { index in
                Self.row(records[index], href: cardLinks[records[index].id] ?? "", in: site)
            }))
        page.set("customer_count", records.count)
        page.setList("all_tags", tagCounts.sorted { $0.key < $1.key }.map { ["name": .text($0.key), "count": .text(String($0.value))] as MustacheValue })
        return page.mustacheValue
    }

    /// One customer's row.
    private static func row(_ record: CustomerRecord, href: String, in site: SiteContext) -> MustacheValue {
        var row = ViewContext(capacity: 12)
        row.set("href", href)
        let fullName = record.fullName
        row.set("full_name", fullName.isEmpty ? record.displayName : fullName)
        row.set("preferred_name", record.preferredName)
        row.set("display_name", record.displayName)
        row.setList("tags", record.tags.map(CardView.tag))
        row.set("last_visit", record.lastVisit.map { site.dateContext($0) })
        row.set("search_text", searchText(record))
        row.set("tag_list", record.tags.joined(separator: ";"))
        return row.mustacheValue
    }

    /// What the directory's search box matches: names, pets, children, tags, email, phone
    /// and city. The page's script folds case and accents on both sides.
    static func searchText(_ record: CustomerRecord) -> String {
        // Written as bytes and made a string once, with no list of parts: this runs for
        // every customer, and appending to a string costs more than copying bytes.
        var text: [UInt8] = []
        text.reserveCapacity(160)
        func add(_ part: String) {
            guard !part.isEmpty else { return }
            if !text.isEmpty { text.append(UInt8(ascii: " ")) }
            text.append(contentsOf: part.utf8)
        }
        add(record.firstName)
        add(record.lastName)
        add(record.preferredName)
        for pet in record.pets { add(pet.name) }
        for child in record.children { add(child.name) }
        for tag in record.tags { add(tag) }
        add(record.email)
        add(record.phone)
        add(digits(record.phone))
        add(record.address.city)
        return String(decoding: text, as: UTF8.self)
    }

    /// The digits of a phone number, for searching it typed without spaces or dashes.
    static func digits(_ phone: String) -> String {
        // ASCII as the duplicate search reads it; any other text by character, where more
        // than 0–9 are digits.
        phone.utf8.allSatisfy({ $0 < 0x80 }) ? DataQuality.phoneDigits(phone) : phone.filter(\.isNumber)
    }

    /// Last name, then first name, ignoring case and accents; the id breaks ties, so the
    /// order never depends on the order of the file.
    static func sorted(_ records: [CustomerRecord]) -> [CustomerRecord] {
        @Sendable func key(_ record: CustomerRecord) -> SortKey {
            let name = record.lastName.isEmpty ? record.displayName : "\(record.lastName) \(record.firstName)"
            return SortKey(name.foldedForComparison)
        }
        // Keys folded on every core; positions sorted rather than records, which are large.
        let keys = records.parallelMap(key)
        // Most pairs differ in their first eight bytes: compared as numbers, which reads no
        // key and so counts no reference (the rest compare their keys).
        let prefixes = keys.map(\.prefix)
        return records.indices.sorted { lhs, rhs in
            if let left = prefixes[lhs], let right = prefixes[rhs], left != right { return left < right }
            return keys[lhs] != keys[rhs] ? keys[lhs] < keys[rhs] : records[lhs].id < records[rhs].id
        }.map { records[$0] }
    }

    /// A folded name to sort by, ordered as its text is. ASCII keys, nearly all of them,
    /// are compared as bytes, which is the same order for ASCII and many times quicker
    /// than comparing strings: the directory's sort compares about 14 pairs per customer.
    struct SortKey: Equatable, Comparable, Sendable {
        let text: String
        /// The text's bytes, when it is all ASCII.
        private let ascii: [UInt8]?

        init(_ text: String) {
            self.text = text
            ascii = text.utf8.allSatisfy { $0 < 0x80 } ? Array(text.utf8) : nil
        }

        /// The first eight bytes of an ASCII key as a big-endian number, zeros after a
        /// shorter key: two ASCII keys whose prefixes differ are in the order of their
        /// prefixes (a key holds no NUL, so a key sorts before the longer keys it begins).
        var prefix: UInt64? {
            guard let ascii else { return nil }
            var prefix: UInt64 = 0
            for index in 0..<8 { prefix = prefix << 8 | UInt64(index < ascii.count ? ascii[index] : 0) }
            return prefix
        }

        static func == (left: SortKey, right: SortKey) -> Bool {
            if let a = left.ascii, let b = right.ascii { return a == b }
            return left.text == right.text
        }

        static func < (left: SortKey, right: SortKey) -> Bool {
            guard let a = left.ascii, let b = right.ascii else { return left.text < right.text }
            let order = memcmp(a, b, min(a.count, b.count))
            return order != 0 ? order < 0 : a.count < b.count
        }
    }
}
