import Foundation

/// Formats calendar days in the site's locale ("14 March 2026", "March 14, 2026",
/// "14. März 2026"). The pattern and month names are read once from Foundation, then
/// applied by hand: the result is a plain value that is safe to share across threads.
public struct DateStyle: Sendable {
    public let localeIdentifier: String
    private let fullPattern: [Piece]
    private let yearlessPattern: [Piece]
    private let weekdayPattern: [Piece]
    private let monthNames: [String]
    /// Sunday first, as Foundation gives them.
    private let weekdayNames: [String]

    private enum Piece: Sendable {
        case literal(String)
        case day(width: Int)
        case month(width: Int)
        case year
        case weekday
    }

    public init(localeIdentifier: String) {
        self.localeIdentifier = localeIdentifier
        let locale = Locale(identifier: localeIdentifier)
        let formatter = DateFormatter()
        formatter.locale = locale
        // Format-context names: "14 März", and the genitive forms of e.g. Polish or Russian.
        monthNames = formatter.monthSymbols
        weekdayNames = formatter.weekdaySymbols
        let full = DateFormatter.dateFormat(fromTemplate: "dMMMMy", options: 0, locale: locale) ?? "d MMMM y"
        let yearless = DateFormatter.dateFormat(fromTemplate: "dMMMM", options: 0, locale: locale) ?? "d MMMM"
        let weekday = DateFormatter.dateFormat(fromTemplate: "EEEEdMMMM", options: 0, locale: locale) ?? "EEEE d MMMM"
        fullPattern = Self.parse(full)
        yearlessPattern = Self.parse(yearless)
        weekdayPattern = Self.parse(weekday)
    }

    /// The date with its year, e.g. "14 March 2026".
    public func format(_ date: CalendarDay) -> String {
        render(fullPattern, day: date.day, month: date.month, year: date.year)
    }

    /// Day and month only, e.g. "14 March" (birthdays whose year is unknown).
    public func format(month: Int, day: Int) -> String {
        render(yearlessPattern, day: day, month: month, year: nil)
    }

    /// Weekday, day and month, e.g. "Tuesday 24 November" (headings of the coming-up sheet).
    public func formatWithWeekday(_ date: CalendarDay) -> String {
        render(weekdayPattern, day: date.day, month: date.month, year: date.year, weekday: date.weekday)
    }

    /// The weekday's name, e.g. "Tuesday".
    public func weekdayName(_ date: CalendarDay) -> String {
        weekdayNames.count == 7 ? weekdayNames[date.weekday] : ""
    }

    private func render(_ pieces: [Piece], day: Int, month: Int, year: Int?, weekday: Int = 0) -> String {
        var text = ""
        for piece in pieces {
            switch piece {
            case .literal(let literal): text += literal
            case .day(let width): text += width == 2 && day < 10 ? "0\(day)" : String(day)
            case .month(let width):
                if width >= 3, monthNames.count == 12 {
                    text += monthNames[month - 1]
                } else {
                    text += width == 2 && month < 10 ? "0\(month)" : String(month)
                }
            case .year: text += year.map(String.init) ?? ""
            case .weekday: text += weekdayNames.count == 7 ? weekdayNames[weekday] : ""
            }
        }
        return text
    }

    /// Splits an ICU date pattern into fields and literals ('quoted' text is literal).
    private static func parse(_ pattern: String) -> [Piece] {
        var pieces: [Piece] = []
        var literal = ""
        var characters = Array(pattern)[...]
        func flush() {
            if !literal.isEmpty { pieces.append(.literal(literal)) }
            literal = ""
        }
        while let character = characters.first {
            if character == "'" {
                characters = characters.dropFirst()
                if characters.first == "'" {
                    literal.append("'")
                    characters = characters.dropFirst()
                    continue
                }
                while let next = characters.first, next != "'" {
                    literal.append(next)
                    characters = characters.dropFirst()
                }
                characters = characters.dropFirst()
                continue
            }
            let run = characters.prefix { $0 == character }.count
            switch character {
            case "d":
                flush()
                pieces.append(.day(width: run))
            case "M", "L":
                flush()
                pieces.append(.month(width: run))
            case "y":
                flush()
                pieces.append(.year)
            case "E", "c":
                flush()
                pieces.append(.weekday)
            default:
                literal += String(repeating: character, count: run)
            }
            characters = characters.dropFirst(run)
        }
        flush()
        return pieces
    }
}
