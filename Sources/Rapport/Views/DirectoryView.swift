import Foundation

/// The customer directory (`index.html`): everyone, sorted by name, linking to each card.
struct DirectoryView {
    struct Entry {
        var record: CustomerRecord
        var href: String
    }

    var entries: [Entry]

    func context(in site: SiteContext) -> [String: Any] {
        let customers = entries.map { entry in
            let record = entry.record
            var row = ViewContext()
            row["href"] = entry.href
            row["full_name"] = record.fullName.isEmpty ? record.displayName : record.fullName
            row["preferred_name"] = record.preferredName
            row["display_name"] = record.displayName
            row.setList("tags", record.tags.map { ["name": $0] })
            row["last_visit"] = record.lastVisit?.context(site.dateStyle)
            return row.values
        }
        var page = site.page(depth: 0)
        page["customers"] = customers
        page["customer_count"] = customers.count
        return page.values
    }

    /// Last name, then first name, ignoring case and accents; the id breaks ties, so the
    /// order never depends on the order of the file.
    static func sorted(_ records: [CustomerRecord]) -> [CustomerRecord] {
        func key(_ record: CustomerRecord) -> String {
            let name = record.lastName.isEmpty ? record.displayName : "\(record.lastName) \(record.firstName)"
            return name.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
        }
        return records.map { (key($0), $0) }.sorted { lhs, rhs in
            lhs.0 != rhs.0 ? lhs.0 < rhs.0 : lhs.1.id < rhs.1.id
        }.map(\.1)
    }
}
