import Yams

/// One `key: value` entry of a note's front matter, with the places diagnostics point at.
struct FrontMatterEntry: Equatable {
    struct Item: Equatable {
        var text: String
        var location: SourceLocation
    }

    var key: String
    var keyLocation: SourceLocation
    /// The value's text as written, when it is a single value.
    var text: String?
    var location: SourceLocation
    /// A list's items ("" for an item that is not a single value).
    var items: [Item]
}

extension FrontMatterEntry {
    /// The entries of front matter read by the YAML reader, in the order written.
    static func entries(of document: YAMLDocument) -> [FrontMatterEntry] {
        document.entries.map { key, keyNode, value in
            FrontMatterEntry(
                key: key, keyLocation: document.location(of: keyNode), text: value.scalarText,
                location: document.location(of: value),
                items: value.array().map { Item(text: $0.scalarText ?? "", location: document.location(of: $0)) })
        }
    }

    /// The entries of front matter whose every line is `key: value`, with each key one of
    /// `keys` and written once, and each value a plain YAML scalar that reads as written;
    /// nil for anything else. Nearly every note's front matter is a line or two like this,
    /// and the YAML reader took a sixth of the time spent on a note over it.
    static func plainEntries(_ yaml: String, keys: Set<String>, path: String, lineOffset: Int) -> [FrontMatterEntry]? {
        var text = yaml  // `withUTF8` needs a variable; a native string is not copied
        return text.withUTF8 { bytes -> [FrontMatterEntry]? in
            var entries: [FrontMatterEntry] = []
            var lineStart = 0
            var line = lineOffset
            while lineStart <= bytes.count {
                let lineEnd = bytes.firstIndex(ofByte: UInt8(ascii: "\n"), from: lineStart) ?? bytes.count
                line += 1
                guard let (keyEnd, valueRange) = plainLine(bytes, lineStart..<lineEnd) else { return nil }
                let key = String(decoding: UnsafeBufferPointer(rebasing: bytes[lineStart..<keyEnd]), as: UTF8.self)
                let value = String(decoding: UnsafeBufferPointer(rebasing: bytes[valueRange]), as: UTF8.self)
                guard keys.contains(key), !entries.contains(where: { $0.key == key }), isPlainScalar(value) else { return nil }
                // libyaml counts columns in Unicode scalars; what comes before the value is ASCII.
                entries.append(
                    FrontMatterEntry(
                        key: key, keyLocation: SourceLocation(path: path, line: line, column: 1), text: value,
                        location: SourceLocation(path: path, line: line, column: valueRange.lowerBound - lineStart + 1), items: []))
                lineStart = lineEnd + 1
            }
            return entries
        }
    }

    /// For a `key: value` line (the key in lowercase letters and underscores, then a colon,
    /// spaces and a value): where the key ends, and the value without its trailing spaces.
    private static func plainLine(_ bytes: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) -> (keyEnd: Int, value: Range<Int>)? {
        var index = line.lowerBound
        while index < line.upperBound, bytes[index] == UInt8(ascii: "_") || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(bytes[index]) {
            index += 1
        }
        let keyEnd = index
        guard keyEnd > line.lowerBound, index + 1 < line.upperBound, bytes[index] == UInt8(ascii: ":"), bytes[index + 1] == UInt8(ascii: " ")
        else { return nil }
        index += 1
        while index < line.upperBound, bytes[index] == UInt8(ascii: " ") { index += 1 }
        var end = line.upperBound
        while end > index, bytes[end - 1] == UInt8(ascii: " ") { end -= 1 }
        return end > index ? (keyEnd, index..<end) : nil
    }

    /// Whether YAML reads `value` as a plain scalar of exactly this text: it starts with a
    /// letter or digit and holds only letters, digits, spaces, some punctuation that means
    /// nothing inside a scalar, and characters outside ASCII that libyaml neither rejects nor
    /// takes for a line break or a byte order mark. No `:`, `#`, quote, bracket or tab.
    static func isPlainScalar(_ value: String) -> Bool {
        guard let first = value.unicodeScalars.first, first.isASCII ? isASCIIAlphanumeric(first) : first.properties.isAlphabetic
        else { return false }
        return value.unicodeScalars.allSatisfy { scalar in
            switch scalar.value {
            case 0x00..<0x80: isASCIIAlphanumeric(scalar) || " -_.,/()+'!?&".unicodeScalars.contains(scalar)
            case 0x2028, 0x2029, 0xFEFF: false
            case 0xA0...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: true
            default: false
            }
        }
    }

    private static func isASCIIAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
    }
}
