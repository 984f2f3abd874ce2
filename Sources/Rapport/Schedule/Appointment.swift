import Foundation

/// One row of `content/schedule.csv`.
public struct Appointment: Sendable {
    public var date: CalendarDay
    /// `HH:MM`, 24-hour, or empty when not given.
    public var time: String
    public var customerID: String
    public var service: String
    public var staff: String
    public var location: SourceLocation
    /// Where the customer id is written, for diagnostics about it.
    public var customerLocation: SourceLocation
}

/// Reads `content/schedule.csv` (`date,time,customer_id,service,staff`).
public struct ScheduleLoader {
    public var path: String
    public var delimiter: UInt8

    public init(path: String, delimiter: UInt8 = UInt8(ascii: ",")) {
        self.path = path
        self.delimiter = delimiter
    }

    static let columns = ["date", "time", "customer_id", "service", "staff"]

    public func loadAppointments(from bytes: [UInt8], diagnostics: inout Diagnostics) -> [Appointment] {
        var rows = CSVReader(path: path, delimiter: delimiter).readDetectingDelimiter(bytes, diagnostics: &diagnostics)
        guard !rows.isEmpty else { return [] }
        let header = rows.removeFirst()
        var index: [String: Int] = [:]
        for (position, field) in header.fields.enumerated() {
            let name = RecordLoader.normalize(field.value)
            if Self.columns.contains(name) { index[name] = position }
        }
        let missing = ["date", "customer_id"].filter { index[$0] == nil }
        guard missing.isEmpty else {
            diagnostics.error(
                SourceLocation(path: path, line: header.line, column: 1),
                "missing column\(missing.count > 1 ? "s" : "") \(missing.map { "'\($0)'" }.joined(separator: ", ")); the header is \(Self.columns.joined(separator: ","))")
            return []
        }
        var appointments: [Appointment] = []
        for row in rows {
            func field(_ name: String) -> CSVField? {
                guard let position = index[name], position < row.fields.count else { return nil }
                return row.fields[position]
            }
            func location(_ field: CSVField?) -> SourceLocation {
                SourceLocation(path: path, line: field?.line ?? row.line, column: field?.column ?? 1)
            }
            if row.fields.count != header.fields.count {
                let last = row.fields[row.fields.count - 1]
                diagnostics.error(
                    SourceLocation(path: path, line: last.line, column: last.column),
                    "row has \(row.fields.count) field\(row.fields.count == 1 ? "" : "s") but the header has \(header.fields.count)")
                continue
            }
            let dateField = field("date")
            let dateText = dateField?.value.trimmingSpaces ?? ""
            guard let date = CalendarDay(iso: dateText) else {
                diagnostics.error(location(dateField), "invalid date '\(dateText)': expected a real date as YYYY-MM-DD")
                continue
            }
            let timeField = field("time")
            let time = timeField?.value.trimmingSpaces ?? ""
            if !time.isEmpty, !Self.isTime(time) {
                diagnostics.error(location(timeField), "invalid time '\(time)': expected HH:MM (24-hour)")
                continue
            }
            let customerField = field("customer_id")
            let customerID = customerField?.value.trimmingSpaces ?? ""
            guard !customerID.isEmpty else {
                diagnostics.error(location(customerField), "empty customer id")
                continue
            }
            appointments.append(
                Appointment(
                    date: date, time: time, customerID: customerID,
                    service: field("service")?.value.trimmingSpaces ?? "",
                    staff: field("staff")?.value.trimmingSpaces ?? "",
                    location: SourceLocation(path: path, line: row.line, column: 1),
                    customerLocation: location(customerField)))
        }
        return appointments
    }

    /// `09:30`, `9:30`, `17:05`.
    static func isTime(_ text: String) -> Bool {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, (1...2).contains(parts[0].count), parts[1].count == 2,
            // Digits only: Int("+9") would accept a sign.
            parts.allSatisfy({ $0.utf8.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) } }),
            let hour = Int(parts[0]), let minute = Int(parts[1])
        else { return false }
        return (0...23).contains(hour) && (0...59).contains(minute)
    }
}
