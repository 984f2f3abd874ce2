import Foundation

extension Substring {
    /// Without leading and trailing spaces and tabs: what Foundation's
    /// `trimmingCharacters(in: .whitespaces)` removes, without its bridging cost, which
    /// showed in profiles of large builds (every CSV field and note paragraph is trimmed).
    var trimmingSpaces: String {
        // Most text starts and ends with ASCII that is not a space: nothing to walk then.
        if let first = utf8.first, let last = utf8.last, first < 0x80, last < 0x80,
            !Self.isSpace(Unicode.Scalar(first)), !Self.isSpace(Unicode.Scalar(last))
        {
            return String(self)
        }
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

    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\t" || (scalar.value > 0x7F && scalar.properties.generalCategory == .spaceSeparator)
    }
}

extension String {
    /// See `Substring.trimmingSpaces`. Text with nothing to trim is returned as it is, not
    /// copied: address lines and merge fields are trimmed for every letter.
    var trimmingSpaces: String {
        guard let first = utf8.first, let last = utf8.last else { return self }
        if first < 0x80, last < 0x80, !Substring.isSpace(Unicode.Scalar(first)), !Substring.isSpace(Unicode.Scalar(last)) {
            return self
        }
        return self[...].trimmingSpaces
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
