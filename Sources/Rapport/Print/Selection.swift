import Foundation

/// Who a batch of letters is for: `today`, `week`, `birthdays:30`, `anniversaries:30`,
/// `tag:vip`, `not-seen:90`, `all`, or customer ids separated by commas.
public enum Selection: Equatable, Sendable, CustomStringConvertible {
    case today
    case week
    case birthdays(days: Int)
    case anniversaries(days: Int)
    case tag(String)
    case notSeen(days: Int)
    case all
    case ids([String])

    public static let help = "today, week, birthdays:DAYS, anniversaries:DAYS, tag:NAME, not-seen:DAYS, all, or ids separated by commas"

    /// Parses a selection; the error message says what is wrong with it.
    public init(parsing text: String) throws(SelectionError) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let parts = trimmed.split(separator: ":", maxSplits: 1).map(String.init)
        func days() throws(SelectionError) -> Int {
            guard parts.count == 2, let days = Int(parts[1]), (0...3660).contains(days) else {
                throw SelectionError("'\(trimmed)' needs a number of days, e.g. \(parts[0]):30")
            }
            return days
        }
        switch parts.first?.lowercased() ?? "" {
        case "today" where parts.count == 1: self = .today
        case "week" where parts.count == 1: self = .week
        case "all" where parts.count == 1: self = .all
        case "birthdays": self = .birthdays(days: try days())
        case "anniversaries": self = .anniversaries(days: try days())
        case "not-seen": self = .notSeen(days: try days())
        case "tag":
            guard parts.count == 2, !parts[1].isEmpty else { throw SelectionError("'tag:' needs a tag name, e.g. tag:vip") }
            self = .tag(parts[1])
        case "":
            throw SelectionError("empty selection; use \(Self.help)")
        default:
            let ids: [String]
            if trimmed.hasPrefix("id:") {
                ids = Self.idList(String(trimmed.dropFirst(3)))
            } else if parts.count == 2 {
                throw SelectionError("unknown selection '\(trimmed)'; use \(Self.help)")
            } else {
                ids = Self.idList(trimmed)
            }
            // "," or "id:" names nobody: that is a mistake, not a batch of no one.
            guard !ids.isEmpty else { throw SelectionError("empty selection; use \(Self.help)") }
            self = .ids(ids)
        }
    }

    static func idList(_ text: String) -> [String] {
        text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    public var description: String {
        switch self {
        case .today: return "today"
        case .week: return "week"
        case .all: return "all"
        case .birthdays(let days): return "birthdays:\(days)"
        case .anniversaries(let days): return "anniversaries:\(days)"
        case .notSeen(let days): return "not-seen:\(days)"
        case .tag(let name): return "tag:\(name)"
        case .ids(let ids): return ids.joined(separator: ",")
        }
    }

    /// The customers selected on `today`, in the order their letters should print:
    /// by appointment for bookings, by date for birthdays and anniversaries, else by name.
    /// `sorted` are the records in the directory's order (`LoadedSite.directoryOrder`), which
    /// a loaded site already has.
    func select(
        _ sorted: [CustomerRecord], appointments: [String: [Appointment]], today: CalendarDay
    ) throws(SelectionError) -> [CustomerRecord] {
        func booked(through last: CalendarDay) -> [CustomerRecord] {
            let first = sorted.compactMap { record -> (Appointment, CustomerRecord)? in
                guard let next = appointments[record.id]?.first(where: { $0.date >= today && $0.date <= last }) else { return nil }
                return (next, record)
            }
            return first.sorted { ($0.0.date, $0.0.time, $0.1.id) < ($1.0.date, $1.0.time, $1.1.id) }.map(\.1)
        }
        func upcoming(_ date: (CustomerRecord) -> Anniversary?, within days: Int) -> [CustomerRecord] {
            let last = today.adding(days: days)
            return sorted.compactMap { record -> (CalendarDay, CustomerRecord)? in
                guard let next = date(record)?.nextOccurrence(onOrAfter: today), next <= last else { return nil }
                return (next, record)
            }.sorted { ($0.0, $0.1.id) < ($1.0, $1.1.id) }.map(\.1)
        }
        switch self {
        case .today: return booked(through: today)
        case .week: return booked(through: today.adding(days: 6))
        case .all: return sorted
        case .birthdays(let days): return upcoming(\.birthday, within: days)
        case .anniversaries(let days): return upcoming(\.anniversary, within: days)
        case .tag(let name): return sorted.filter { $0.tags.contains(name) }
        case .notSeen(let days):
            return sorted.filter { record in record.lastVisit.map { $0.days(until: today) > days } ?? false }
        case .ids(let ids):
            let byID = Dictionary(uniqueKeysWithValues: sorted.map { ($0.id, $0) })
            let unknown = ids.filter { byID[$0] == nil }
            guard unknown.isEmpty else {
                throw SelectionError("no customer with id \(unknown.map { "'\($0)'" }.joined(separator: ", "))")
            }
            var seen: Set<String> = []
            return ids.filter { seen.insert($0).inserted }.map { byID[$0]! }
        }
    }
}

public struct SelectionError: Error, Equatable, CustomStringConvertible {
    public var description: String
    init(_ description: String) { self.description = description }
}
