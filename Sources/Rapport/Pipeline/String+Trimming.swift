import Foundation

extension Substring {
    /// Without leading and trailing spaces and tabs: what Foundation's
    /// `trimmingCharacters(in: .whitespaces)` removes, without its bridging cost, which
    /// showed in profiles of large builds (every CSV field and note paragraph is trimmed).
    var trimmingSpaces: String {
        if Self.endsWithoutSpaces(utf8) { return String(self) }
        let scalars = unicodeScalars
        var start = scalars.startIndex
        var end = scalars.endIndex
        while start < end, Self.isSpace(scalars[start]) { start = scalars.index(after: start) }
        while end > start {
            let before = scalars.index(before: end)
            guard Self.isSpace(scalars[before]) else { break }
            end = before
        }
        return start == scalars.startIndex && end == scalars.endIndex ? String(self) : String(scalars[start..<end])
    }

    /// Starts and ends with ASCII that is not a space, as most text does: nothing to trim,
    /// and nothing to walk to find out.
    static func endsWithoutSpaces(_ utf8: some BidirectionalCollection<UInt8>) -> Bool {
        guard let first = utf8.first, let last = utf8.last else { return false }
        return first < 0x80 && last < 0x80 && !isSpace(Unicode.Scalar(first)) && !isSpace(Unicode.Scalar(last))
    }

    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\t" || (scalar.value > 0x7F && scalar.properties.generalCategory == .spaceSeparator)
    }
}

extension String {
    /// See `Substring.trimmingSpaces`. Text with nothing to trim is returned as it is, not
    /// copied: address lines and merge fields are trimmed for every letter.
    var trimmingSpaces: String {
        isEmpty || Substring.endsWithoutSpaces(utf8) ? self : self[...].trimmingSpaces
    }
}

extension String {
    /// Case, accents and width folded away, as names are compared and sorted.
    var foldedForComparison: String {
        // For ASCII, folding is lowercasing: no need for Foundation's Unicode tables.
        if utf8.allSatisfy({ $0 < 0x80 }) { return lowercased() }
        return folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
    }
}
