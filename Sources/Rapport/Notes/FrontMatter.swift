/// A markdown file split into its YAML front matter and its body.
struct FrontMatter {
    /// The YAML between the fences (empty when there is none).
    var yaml: String
    /// Lines before the YAML (the opening fence), to map YAML marks to file lines.
    var yamlLineOffset: Int
    /// The text after the front matter: a slice of the text split, not a copy.
    var bodyText: Substring
    var body: String { String(bodyText) }
    /// Lines before the body, to map markdown lines to file lines.
    var bodyLineOffset: Int
    var hasFrontMatter: Bool

    enum SplitError: Error, Equatable {
        /// The opening `---` has no closing `---` (or `...`).
        case unclosed
    }

    /// Splits `text`, which may start with a BOM. A file that does not open with a `---`
    /// line has no front matter; one that opens it without closing it is an error.
    ///
    /// Lines end at LF or CRLF, and a line's last CR is not part of it. The split works
    /// on the bytes: every note is split, and going through it Character by Character took
    /// a sixth of the time spent on a note.
    static func split(_ text: String) throws(SplitError) -> FrontMatter {
        var bytes = text  // `withUTF8` needs a variable; a native string is not copied
        guard let parts = bytes.withUTF8({ split($0, text: text) }) else { throw .unclosed }
        return parts
    }

    /// Splits the UTF-8 of `text`; nil when the front matter is never closed.
    private static func split(_ bytes: UnsafeBufferPointer<UInt8>, text: String) -> FrontMatter? {
        func slice(from offset: Int) -> Substring { text[text.utf8.index(text.utf8.startIndex, offsetBy: offset)...] }
        let start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var lines = Lines(bytes: bytes, position: start)
        guard let opening = lines.next(), bytes[opening.text].elementsEqual("---".utf8) else {
            return FrontMatter(yaml: "", yamlLineOffset: 0, bodyText: slice(from: start), bodyLineOffset: 0, hasFrontMatter: false)
        }
        var yaml: [UInt8] = []
        var lineCount = 1
        while let line = lines.next() {
            lineCount += 1
            let content = bytes[line.text]
            if content.elementsEqual("---".utf8) || content.elementsEqual("...".utf8) {
                return FrontMatter(
                    yaml: String(decoding: yaml, as: UTF8.self), yamlLineOffset: 1, bodyText: line.rest.map(slice(from:)) ?? "",
                    bodyLineOffset: lineCount, hasFrontMatter: true)
            }
            if lineCount > 2 { yaml.append(UInt8(ascii: "\n")) }
            yaml.append(contentsOf: content)
        }
        return nil
    }

    /// The lines of UTF-8 text, up to and including the first one that no line break ends.
    private struct Lines: IteratorProtocol {
        let bytes: UnsafeBufferPointer<UInt8>
        /// Where the next line starts; nil after the last.
        var position: Int?

        /// `text`: the line without its LF or CRLF, and without one more CR before that;
        /// `rest`: where the text after its line break starts (nil for the last line).
        mutating func next() -> (text: Range<Int>, rest: Int?)? {
            guard let start = position else { return nil }
            let lineFeed = bytes.firstIndex(ofByte: UInt8(ascii: "\n"), from: start)
            var end = lineFeed ?? bytes.count
            if lineFeed != nil, end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
            if end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
            position = lineFeed.map { $0 + 1 }
            return (start..<end, position)
        }
    }
}
