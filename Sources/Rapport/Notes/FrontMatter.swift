/// A markdown file split into its YAML front matter and its body.
struct FrontMatter {
    /// The YAML between the fences (empty when there is none).
    var yaml: String
    /// Lines before the YAML (the opening fence), to map YAML marks to file lines.
    var yamlLineOffset: Int
    var body: String
    /// Lines before the body, to map markdown lines to file lines.
    var bodyLineOffset: Int
    var hasFrontMatter: Bool

    enum SplitError: Error, Equatable {
        /// The opening `---` has no closing `---` (or `...`).
        case unclosed
    }

    /// Splits `text`, which may start with a BOM. A file that does not open with a `---`
    /// line has no front matter; one that opens it without closing it is an error.
    static func split(_ text: String) throws(SplitError) -> FrontMatter {
        var content = Substring(text)
        if content.first == "\u{FEFF}" { content = content.dropFirst() }
        var lines = content.split(maxSplits: 1, omittingEmptySubsequences: false, whereSeparator: Self.isLineBreak)
        guard let first = lines.first, first.trimmingTrailingCR() == "---" else {
            return FrontMatter(yaml: "", yamlLineOffset: 0, body: String(content), bodyLineOffset: 0, hasFrontMatter: false)
        }
        var rest = lines.count > 1 ? lines[1] : ""
        var yamlLines: [Substring] = []
        var lineCount = 1
        while !rest.isEmpty || lines.count > 1 {
            lines = rest.split(maxSplits: 1, omittingEmptySubsequences: false, whereSeparator: Self.isLineBreak)
            let line = lines.first ?? ""
            lineCount += 1
            let trimmed = line.trimmingTrailingCR()
            if trimmed == "---" || trimmed == "..." {
                let body = lines.count > 1 ? String(lines[1]) : ""
                return FrontMatter(
                    yaml: yamlLines.joined(separator: "\n"), yamlLineOffset: 1, body: body,
                    bodyLineOffset: lineCount, hasFrontMatter: true)
            }
            yamlLines.append(trimmed)
            if lines.count < 2 { break }
            rest = lines[1]
        }
        throw .unclosed
    }
}

extension FrontMatter {
    /// In Swift, "\r\n" is one Character, not equal to "\n": a CRLF file has no "\n" to split on.
    static func isLineBreak(_ character: Character) -> Bool { character == "\n" || character == "\r\n" }
}

extension Substring {
    func trimmingTrailingCR() -> Substring { last == "\r" ? dropLast() : self }
}
