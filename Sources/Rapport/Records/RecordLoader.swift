import Foundation

/// Reads `content/customers.csv` into records, reporting every problem with its place.
public struct RecordLoader: Sendable {
    public var path: String
    public var config: SiteConfig

    public init(path: String, config: SiteConfig) {
        self.path = path
        self.config = config
    }

    /// Parses the file's bytes. Rows with errors are reported and left out of the result.
    public func loadRecords(from bytes: [UInt8], diagnostics: inout Diagnostics) -> [CustomerRecord] {
        var rejectedIDs: Set<String> = []
        return loadRecords(from: bytes, diagnostics: &diagnostics, rejectedIDs: &rejectedIDs)
    }

    /// As above, and adds to `rejectedIDs` the ids of the rows left out for their errors, so
    /// that a note or appointment for one is not reported again as for an unknown customer.
    public func loadRecords(from bytes: [UInt8], diagnostics: inout Diagnostics, rejectedIDs: inout Set<String>) -> [CustomerRecord] {
        let errorsBefore = diagnostics.errorCount
        var rows = CSVReader(path: path, delimiter: config.csvDelimiter).readDetectingDelimiter(bytes, diagnostics: &diagnostics)
        guard !rows.isEmpty else {
            // Empty, unless the reader already said why it found nothing (errors of other files do not count).
            if diagnostics.errorCount == errorsBefore {
                diagnostics.error(SourceLocation(path: path, line: 1, column: 1), "the file is empty; the first line must be a header such as 'id,first_name,last_name,...'")
            }
            return []
        }
        let header = rows.removeFirst()
        guard let columns = mapColumns(header, diagnostics: &diagnostics) else { return [] }

        // Each row is made into a record on its own, on every core (its row released once
        // made); then ids are checked in file order.
        let loader = self
        let headerHash = Self.hashing(header)
        let made = (consume rows).parallelMapReleasing { row -> (CustomerRecord?, idLocation: SourceLocation, Diagnostics) in
            var rowDiagnostics = Diagnostics()
            if row.fields.count != header.fields.count {
                let last = row.fields[row.fields.count - 1]
                rowDiagnostics.error(
                    SourceLocation(path: loader.path, line: last.line, column: last.column),
                    "row has \(row.fields.count) field\(row.fields.count == 1 ? "" : "s") but the header has \(header.fields.count)")
            }
            var record = loader.makeRecord(row, columns: columns, diagnostics: &rowDiagnostics)
            record?.sourceHash = Self.hashing(row, from: headerHash).value
            return (record, loader.fieldLocation(row, columns.at.id!), rowDiagnostics)
        }
        var records: [CustomerRecord] = []
        records.reserveCapacity(made.count)
        // Where each id was first written, for the note on a duplicate.
        var firstOfID: [String: SourceLocation] = [:]
        firstOfID.reserveCapacity(made.count)
        for (record, idLocation, found) in made {
            var rowDiagnostics = found
            guard let record else {
                diagnostics.append(contentsOf: rowDiagnostics)
                continue
            }
            if let first = firstOfID[record.id] {
                rowDiagnostics.error(
                    idLocation, "duplicate customer id '\(record.id)'", notes: [.init(location: first, message: "first defined here")])
            } else {
                firstOfID[record.id] = idLocation
            }
            diagnostics.append(contentsOf: rowDiagnostics)
            if !rowDiagnostics.hasErrors { records.append(record) } else { rejectedIDs.insert(record.id) }
        }
        return records
    }

    /// The fields of `row` hashed on from `start`. A record's source hash is the header's
    /// fields and then the row's (what it is made from, besides the config): the header's
    /// part is hashed once and carried on for each row.
    private static func hashing(_ row: CSVRow, from start: StableHash = StableHash()) -> StableHash {
        var hash = start
        hash.combine(row.fields.count)
        for field in row.fields { hash.combine(field.value) }
        return hash
    }

    struct ColumnMap {
        /// Standard column name → field index.
        var standard: [String: Int] = [:] {
            didSet { at = Indices(standard) }
        }
        /// Extra columns: normalized name and field index, in file order.
        var extra: [(name: String, index: Int)] = []
        /// The standard columns' field indices, looked up once for the file rather than by
        /// name for every field of every row.
        private(set) var at = Indices([:])

        struct Indices {
            let id, firstName, lastName, preferredName, pronunciation, email, phone, birthday, anniversary: Int?
            let customerSince, lastVisit, visits, favoriteDrink, favoriteFlower, tags, children, pets: Int?
            let addressLine1, addressLine2, city, region, postalCode, country: Int?

            init(_ standard: [String: Int]) {
                (id, firstName, lastName) = (standard["id"], standard["first_name"], standard["last_name"])
                (preferredName, pronunciation) = (standard["preferred_name"], standard["pronunciation"])
                (email, phone, birthday, anniversary) = (standard["email"], standard["phone"], standard["birthday"], standard["anniversary"])
                (customerSince, lastVisit, visits) = (standard["customer_since"], standard["last_visit"], standard["visits"])
                (favoriteDrink, favoriteFlower) = (standard["favorite_drink"], standard["favorite_flower"])
                (tags, children, pets) = (standard["tags"], standard["children"], standard["pets"])
                (addressLine1, addressLine2, city) = (standard["address_line1"], standard["address_line2"], standard["city"])
                (region, postalCode, country) = (standard["region"], standard["postal_code"], standard["country"])
            }
        }
    }

    /// `First Name`, `first-name` and `FIRST_NAME` all mean `first_name`.
    static func normalize(_ header: String) -> String {
        var result = ""
        for character in header.trimmingSpaces.lowercased() {
            result.append(character == " " || character == "-" ? "_" : character)
        }
        return result
    }

    private func mapColumns(_ header: CSVRow, diagnostics: inout Diagnostics) -> ColumnMap? {
        // Columns renamed in rapport.yml: their export header → our name.
        var renamed: [String: String] = [:]
        for (ours, theirs) in config.columns { renamed[Self.normalize(theirs)] = ours }
        var map = ColumnMap()
        var seen: [String: CSVField] = [:]
        var ok = true
        for (index, field) in header.fields.enumerated() {
            let normalized = Self.normalize(field.value)
            let name = renamed[normalized] ?? normalized
            let location = SourceLocation(path: path, line: field.line, column: field.column)
            if normalized.isEmpty {
                diagnostics.error(location, "column \(index + 1) has an empty header")
                ok = false
                continue
            }
            if let first = seen[name] {
                diagnostics.error(
                    location, "duplicate column '\(name)'",
                    notes: [.init(location: SourceLocation(path: path, line: first.line, column: first.column), message: "first defined here")])
                ok = false
                continue
            }
            seen[name] = field
            if CustomerRecord.standardColumns.contains(name) {
                map.standard[name] = index
            } else {
                map.extra.append((name, index))
            }
        }
        guard map.standard["id"] != nil else {
            var message = "no 'id' column in the header"
            if header.fields.count == 1, config.csvDelimiter == UInt8(ascii: ","), header.fields[0].value.contains(";") {
                message += "; the file looks semicolon-separated: set `csv_delimiter: \";\"` in rapport.yml"
            } else {
                message += " (found: \(header.fields.map(\.value).joined(separator: ", ")))"
            }
            diagnostics.error(SourceLocation(path: path, line: header.line, column: 1), message)
            return nil
        }
        return ok ? map : nil
    }

    private func fieldLocation(_ row: CSVRow, _ index: Int) -> SourceLocation {
        guard index < row.fields.count else {
            return SourceLocation(path: path, line: row.line, column: 1)
        }
        return SourceLocation(path: path, line: row.fields[index].line, column: row.fields[index].column)
    }

    private func makeRecord(_ row: CSVRow, columns: ColumnMap, diagnostics: inout Diagnostics) -> CustomerRecord? {
        let at = columns.at
        func value(_ index: Int?) -> String {
            guard let index, index < row.fields.count else { return "" }
            return row.fields[index].value.trimmingSpaces
        }
        func location(_ index: Int?) -> SourceLocation { fieldLocation(row, index ?? 0) }

        let id = value(at.id)
        guard !id.isEmpty else {
            diagnostics.error(location(at.id), "empty customer id")
            return nil
        }
        var record = CustomerRecord(id: id, location: SourceLocation(path: path, line: row.line, column: 1))
        record.firstName = value(at.firstName)
        record.lastName = value(at.lastName)
        record.preferredName = value(at.preferredName)
        record.pronunciation = value(at.pronunciation)
        record.email = value(at.email)
        record.phone = value(at.phone)
        record.favoriteDrink = value(at.favoriteDrink)
        record.favoriteFlower = value(at.favoriteFlower)
        record.address = .init(
            line1: value(at.addressLine1), line2: value(at.addressLine2), city: value(at.city),
            region: value(at.region), postalCode: value(at.postalCode), country: value(at.country))

        func anniversary(_ name: String, at index: Int?) -> Anniversary? {
            let text = value(index)
            guard !text.isEmpty else { return nil }
            if let date = Anniversary(text, allowsYearless: name == "birthday") { return date }
            let expected = name == "birthday" ? "YYYY-MM-DD, or --MM-DD when the year is unknown" : "YYYY-MM-DD"
            diagnostics.error(location(index), "invalid \(name) '\(text)': expected a real date as \(expected)")
            return nil
        }
        record.birthday = anniversary("birthday", at: at.birthday)
        record.anniversary = anniversary("anniversary", at: at.anniversary)
        func day(_ name: String, at index: Int?) -> CalendarDay? {
            let text = value(index)
            guard !text.isEmpty else { return nil }
            if let date = CalendarDay(iso: text) { return date }
            diagnostics.error(location(index), "invalid \(name) '\(text)': expected a real date as YYYY-MM-DD")
            return nil
        }
        record.customerSince = day("customer since", at: at.customerSince)
        record.lastVisit = day("last visit", at: at.lastVisit)
        let visits = value(at.visits)
        if !visits.isEmpty {
            if let count = Int(visits), count >= 0 {
                record.visits = count
            } else {
                diagnostics.error(location(at.visits), "invalid visits '\(visits)': expected a whole number")
            }
        }
        record.tags = Self.list(value(at.tags))
        record.children = Self.list(value(at.children)).map { item in
            let (name, detail) = Self.nameWithDetail(item)
            return .init(name: name, age: detail)
        }
        record.pets = Self.list(value(at.pets)).map { item in
            let (name, detail) = Self.nameWithDetail(item)
            return .init(name: name, species: detail)
        }
        record.extra = columns.extra.map { column in
            (column.name, column.index < row.fields.count ? row.fields[column.index].value : "")
        }
        return record
    }

    /// `a; b;;c` → ["a", "b", "c"].
    static func list(_ text: String) -> [String] {
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            // ASCII: each byte is a character, so splitting the bytes splits the characters,
            // without finding where each character ends.
            return text.utf8.split(separator: UInt8(ascii: ";")).compactMap { part in
                let item = Substring(part).trimmingSpaces
                return item.isEmpty ? nil : item
            }
        }
        return text.split(separator: ";").map { $0.trimmingSpaces }.filter { !$0.isEmpty }
    }

    /// `Maya (7)` → ("Maya", "7"); `Biscuit` → ("Biscuit", "").
    static func nameWithDetail(_ item: String) -> (String, String) {
        guard item.hasSuffix(")"), let open = item.lastIndex(of: "(") else { return (item, "") }
        let name = item[..<open].trimmingSpaces
        let detail = item[item.index(after: open)..<item.index(before: item.endIndex)].trimmingSpaces
        return name.isEmpty ? (item, "") : (name, detail)
    }
}
