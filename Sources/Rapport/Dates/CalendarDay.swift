/// A calendar date with no time or zone: what `YYYY-MM-DD` in the records means.
/// Arithmetic goes through a day number, so it is exact and needs no Calendar.
public struct CalendarDay: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Returns nil when the date does not exist (2026-02-30, month 13...).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
            (1...CalendarDay.daysIn(month: month, year: year)).contains(day)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses exactly `YYYY-MM-DD`.
    public init?(iso text: some StringProtocol) {
        let utf8 = text.utf8
        guard utf8.count == 10 else { return nil }
        // Read in place when the text is contiguous, as it almost always is: a copy of
        // each date's bytes cost an allocation for every date of every note.
        guard let parts = utf8.withContiguousStorageIfAvailable(Self.isoParts) ?? Array(utf8).withUnsafeBufferPointer(Self.isoParts)
        else { return nil }
        self.init(year: parts.year, month: parts.month, day: parts.day)
    }

    /// Parses exactly `YYYY-MM-DD` from bytes.
    init?(iso bytes: UnsafeBufferPointer<UInt8>) {
        guard bytes.count == 10, let parts = Self.isoParts(bytes) else { return nil }
        self.init(year: parts.year, month: parts.month, day: parts.day)
    }

    /// The numbers of the ten bytes `YYYY-MM-DD`.
    private static func isoParts(_ digits: UnsafeBufferPointer<UInt8>) -> (year: Int, month: Int, day: Int)? {
        guard digits[4] == UInt8(ascii: "-"), digits[7] == UInt8(ascii: "-"), let year = number(digits[0..<4]),
            let month = number(digits[5..<7]), let day = number(digits[8..<10])
        else { return nil }
        return (year, month, day)
    }

    public static func < (lhs: CalendarDay, rhs: CalendarDay) -> Bool { lhs.dayNumber < rhs.dayNumber }

    public var description: String {
        // Years are 1...9999, so the text is always ten bytes: written in place, where
        // interpolating and padding each part took three strings. Every page shows dates.
        String(unsafeUninitializedCapacity: 10) { buffer in
            func write(_ value: Int, at offset: Int, width: Int) {
                var value = value
                for index in (offset..<offset + width).reversed() {
                    buffer[index] = UInt8(ascii: "0") + UInt8(value % 10)
                    value /= 10
                }
            }
            write(year, at: 0, width: 4)
            buffer[4] = UInt8(ascii: "-")
            write(month, at: 5, width: 2)
            buffer[7] = UInt8(ascii: "-")
            write(day, at: 8, width: 2)
            return 10
        }
    }

    /// Days since a fixed epoch (the proleptic Gregorian calendar).
    public var dayNumber: Int {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = shiftedYear / 400
        let yearOfEra = shiftedYear - era * 400
        let shiftedMonth = (month + 9) % 12
        let dayOfYear = (153 * shiftedMonth + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra
    }

    /// 0 for Sunday through 6 for Saturday.
    public var weekday: Int {
        // Day number 0 (0000-03-01 proleptic Gregorian) was a Wednesday.
        ((dayNumber + 3) % 7 + 7) % 7
    }

    /// The day `count` days later (or earlier, when negative).
    public func adding(days count: Int) -> CalendarDay {
        // Inverse of `dayNumber` (civil-from-days).
        let number = dayNumber + count
        let era = (number >= 0 ? number : number - 146_096) / 146_097
        let dayOfEra = number - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return CalendarDay(year: year, month: month, day: day) ?? self
    }

    /// Whole days from `self` to `other` (positive when `other` is later).
    public func days(until other: CalendarDay) -> Int { other.dayNumber - dayNumber }

    public static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    static func number(_ bytes: some Collection<UInt8>) -> Int? {
        var value = 0
        for byte in bytes {
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }
}

/// A date that recurs every year and whose year may be unknown: a birthday (`--MM-DD` or
/// `YYYY-MM-DD`) or an anniversary.
public struct Anniversary: Hashable, Sendable {
    public let month: Int
    public let day: Int
    public let year: Int?

    /// Parses `YYYY-MM-DD`, or `--MM-DD` when `allowsYearless` (a birthday with no year).
    public init?(_ text: String, allowsYearless: Bool) {
        if let date = CalendarDay(iso: text) {
            (month, day, year) = (date.month, date.day, date.year)
            return
        }
        let bytes = Array(text.utf8)
        guard allowsYearless, bytes.count == 7, bytes[0] == UInt8(ascii: "-"), bytes[1] == UInt8(ascii: "-"),
            bytes[4] == UInt8(ascii: "-"), let month = CalendarDay.number(bytes[2..<4]),
            let day = CalendarDay.number(bytes[5..<7]),
            // 2000 is a leap year, so --02-29 is accepted.
            CalendarDay(year: 2000, month: month, day: day) != nil
        else { return nil }
        (self.month, self.day, self.year) = (month, day, nil)
    }

    /// The next time this date comes round, on or after `today`. 29 February is
    /// kept on 28 February in years that have no 29th.
    public func nextOccurrence(onOrAfter today: CalendarDay) -> CalendarDay {
        for year in today.year...(today.year + 1) {
            let day = min(self.day, CalendarDay.daysIn(month: month, year: year))
            if let date = CalendarDay(year: year, month: month, day: day), date >= today { return date }
        }
        // Unreachable: every month/day pair occurs within a year of any date.
        return today
    }
}
