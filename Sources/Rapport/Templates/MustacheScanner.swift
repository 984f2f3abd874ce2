import Foundation

/// A tag of a Mustache template, with its place, for the checks Rapport makes itself:
/// swift-mustache renders a missing partial or key as nothing, by design.
struct MustacheTag: Equatable {
    enum Kind: Equatable {
        case variable, unescaped, section, invertedSection, close, partial, parent, block, comment, delimiters, pragma
    }

    var kind: Kind
    var name: String
    var line: Int
    var column: Int
}

enum MustacheScanner {
    /// Lists the tags of `text` written with the default `{{ }}` delimiters. Scanning
    /// stops at a set-delimiters tag: what follows is not checked.
    static func tags(in text: String) -> [MustacheTag] {
        var tags: [MustacheTag] = []
        let scalars = Array(text.unicodeScalars)
        var index = 0
        var line = 1
        var lineStart = 0
        while index + 1 < scalars.count {
            if scalars[index] == "\n" {
                line += 1
                lineStart = index + 1
                index += 1
                continue
            }
            guard scalars[index] == "{", scalars[index + 1] == "{" else {
                index += 1
                continue
            }
            let column = index - lineStart + 1
            var start = index + 2
            var closer: [Unicode.Scalar] = ["}", "}"]
            var kind = MustacheTag.Kind.variable
            if start < scalars.count {
                switch scalars[start] {
                case "{": kind = .unescaped; closer = ["}", "}", "}"]; start += 1
                case "&": kind = .unescaped; start += 1
                case "#": kind = .section; start += 1
                case "^": kind = .invertedSection; start += 1
                case "/": kind = .close; start += 1
                case ">": kind = .partial; start += 1
                case "<": kind = .parent; start += 1
                case "$": kind = .block; start += 1
                case "!": kind = .comment; start += 1
                case "=": kind = .delimiters; start += 1
                case "%": kind = .pragma; start += 1
                default: break
                }
            }
            var end = start
            while end + closer.count <= scalars.count, Array(scalars[end..<(end + closer.count)]) != closer {
                if scalars[end] == "\n" { break }
                end += 1
            }
            guard end + closer.count <= scalars.count, Array(scalars[end..<(end + closer.count)]) == closer else {
                // Unclosed tags are the parser's to report.
                index += 2
                continue
            }
            var name = String(String.UnicodeScalarView(scalars[start..<end])).trimmingCharacters(in: .whitespaces)
            if kind == .variable || kind == .unescaped || kind == .section || kind == .invertedSection || kind == .close {
                // Transforms are written `{{ uppercase(name) }}`: check the name inside.
                if let open = name.lastIndex(of: "("), let close = name.firstIndex(of: ")"), open < close {
                    name = String(name[name.index(after: open)..<close])
                }
            }
            tags.append(MustacheTag(kind: kind, name: name, line: line, column: column))
            if kind == .delimiters { break }
            index = end + closer.count
        }
        return tags
    }

    /// The innermost section, layout or block still open at the end of `text`: where an
    /// "expected section end" error really is (swift-mustache places it at the end of the text).
    static func unclosedSection(in text: String) -> MustacheTag? {
        var open: [MustacheTag] = []
        for tag in tags(in: text) {
            switch tag.kind {
            case .section, .invertedSection, .parent, .block: open.append(tag)
            case .close: if !open.isEmpty { open.removeLast() }
            default: break
            }
        }
        return open.last
    }
}
