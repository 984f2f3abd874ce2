import Foundation
import XCTest

@testable import Rapport

/// What the end-to-end tests share: the fixed day, running the real binary on a copy of a
/// fixture, and reading what it left behind.
enum EndToEnd {
    /// Every run is for this day, so output and diagnostics never depend on the clock.
    static let today = "2026-11-22"

    /// The real path of `url` (the binary reports paths as its working folder resolves them).
    static func realPath(_ url: URL) -> String {
        url.resolvingSymlinksInPath().path
    }

    /// The names in `folder`, sorted (hidden ones too), or nil when it does not exist.
    static func listing(_ folder: URL) -> [String]? {
        (try? FileManager.default.contentsOfDirectory(atPath: folder.path))?.sorted()
    }

    /// Every file and folder under `root` with its bytes (folders as an empty marker), so a
    /// comparison also notices a new empty folder.
    static func tree(_ root: URL) throws -> [String: Data] {
        var result: [String: Data] = [:]
        let base = root.standardizedFileURL.path
        let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isDirectoryKey])
        while let url = enumerator?.nextObject() as? URL {
            let relative = String(url.standardizedFileURL.path.dropFirst(base.count + 1))
            if try url.resourceValues(forKeys: [.isDirectoryKey]).isDirectory == true {
                result[relative + "/"] = Data()
            } else {
                result[relative] = try Data(contentsOf: url)
            }
        }
        return result
    }

    /// Rewrites every file under `root` but `except` with CRLF line breaks, as an editor on
    /// Windows would save them.
    static func convertToCRLF(_ root: URL, except: Set<String> = []) throws {
        for (path, data) in try TestSupport.snapshot(of: root) where !except.contains(path) {
            let text = String(decoding: data, as: UTF8.self)
            XCTAssertFalse(text.contains("\r"), "\(path) already has CR characters")
            try Data(text.replacingOccurrences(of: "\n", with: "\r\n").utf8).write(to: root.appendingPathComponent(path))
        }
    }

    static func text(_ url: URL) throws -> String {
        try String(contentsOf: url, encoding: .utf8)
    }

    /// The `<main>…</main>` element of a page (the part a page template's `$body` block fills).
    static func mainElement(_ html: String) -> String? {
        guard let start = html.range(of: "<main>"), let end = html.range(of: "</main>", range: start.upperBound..<html.endIndex)
        else { return nil }
        return String(html[start.lowerBound..<end.upperBound])
    }
}

/// A small HTML tokenizer, reading start tags and their attributes the way a browser
/// does, to find markup that would run: what is escaped text is never a tag here.
enum LiveMarkup {
    struct Tag: Equatable {
        var name: String
        var attributes: [Attribute]
        /// The raw text of the tag, for messages.
        var source: String
        /// For `<script>`: the text up to `</script>`.
        var scriptBody: String?
    }

    struct Attribute: Equatable {
        var name: String
        /// With character references decoded, as the browser sees it.
        var value: String
    }

    /// The start tags of `html` (comments, end tags and the doctype are skipped).
    static func startTags(in html: String) -> [Tag] {
        let s = Array(html.unicodeScalars)
        var tags: [Tag] = []
        var i = 0
        func isSpace(_ c: Unicode.Scalar) -> Bool { c == " " || c == "\n" || c == "\t" || c == "\r" || c == "\u{0C}" }
        func isLetter(_ c: Unicode.Scalar) -> Bool { ("a"..."z").contains(c) || ("A"..."Z").contains(c) }
        func skip(past terminator: String) {
            let t = Array(terminator.unicodeScalars)
            while i < s.count {
                if i + t.count <= s.count, Array(s[i..<(i + t.count)]) == t {
                    i += t.count
                    return
                }
                i += 1
            }
        }
        while i < s.count {
            guard s[i] == "<", i + 1 < s.count else {
                i += 1
                continue
            }
            let next = s[i + 1]
            if next == "!" {
                if i + 3 < s.count, s[i + 2] == "-", s[i + 3] == "-" {
                    i += 4
                    skip(past: "-->")
                } else {
                    skip(past: ">")
                }
                continue
            }
            if next == "/" || next == "?" {
                skip(past: ">")
                continue
            }
            guard isLetter(next) else {
                i += 1
                continue
            }
            let start = i
            i += 1
            var name = ""
            while i < s.count, !isSpace(s[i]), s[i] != "/", s[i] != ">" {
                name.unicodeScalars.append(s[i])
                i += 1
            }
            var attributes: [Attribute] = []
            while i < s.count, s[i] != ">" {
                if isSpace(s[i]) || s[i] == "/" {
                    i += 1
                    continue
                }
                var attributeName = ""
                repeat {
                    attributeName.unicodeScalars.append(s[i])
                    i += 1
                } while i < s.count && !isSpace(s[i]) && s[i] != "/" && s[i] != ">" && s[i] != "="
                while i < s.count, isSpace(s[i]) { i += 1 }
                var value = ""
                if i < s.count, s[i] == "=" {
                    i += 1
                    while i < s.count, isSpace(s[i]) { i += 1 }
                    if i < s.count, s[i] == "\"" || s[i] == "'" {
                        let quote = s[i]
                        i += 1
                        while i < s.count, s[i] != quote {
                            value.unicodeScalars.append(s[i])
                            i += 1
                        }
                        i += 1
                    } else {
                        while i < s.count, !isSpace(s[i]), s[i] != ">" {
                            value.unicodeScalars.append(s[i])
                            i += 1
                        }
                    }
                }
                attributes.append(Attribute(name: attributeName.lowercased(), value: decode(value)))
            }
            i += 1
            var tag = Tag(
                name: name.lowercased(), attributes: attributes,
                source: String(String.UnicodeScalarView(s[start..<min(i, s.count)])))
            if tag.name == "script" {
                let bodyStart = i
                skip(past: "</script")
                tag.scriptBody = String(String.UnicodeScalarView(s[min(bodyStart, s.count)..<max(bodyStart, i - "</script".count)]))
            }
            tags.append(tag)
        }
        return tags
    }

    /// Decodes the character references a browser would (numeric, and the named ones an
    /// attacker would use to hide a scheme).
    static func decode(_ text: String) -> String {
        guard text.contains("&") else { return text }
        let named = ["amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "colon": ":", "tab": "\t", "newline": "\n", "sol": "/"]
        var result = ""
        var rest = Substring(text)
        while let ampersand = rest.firstIndex(of: "&") {
            result += rest[..<ampersand]
            let after = rest[rest.index(after: ampersand)...]
            guard let semicolon = after.firstIndex(of: ";"), after.distance(from: after.startIndex, to: semicolon) <= 10 else {
                result += "&"
                rest = after
                continue
            }
            let entity = after[..<semicolon]
            var scalar: Unicode.Scalar?
            if entity.hasPrefix("#x") || entity.hasPrefix("#X") {
                scalar = UInt32(entity.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init)
            } else if entity.hasPrefix("#") {
                scalar = UInt32(entity.dropFirst(), radix: 10).flatMap(Unicode.Scalar.init)
            } else if let replacement = named[entity.lowercased()] {
                result += replacement
                rest = after[after.index(after: semicolon)...]
                continue
            }
            if let scalar {
                result.unicodeScalars.append(scalar)
                rest = after[after.index(after: semicolon)...]
            } else {
                result += "&"
                rest = after
            }
        }
        return result + rest
    }

    /// A URL a browser would run or load as a document: the scheme is read the lenient way
    /// browsers do (case, and whitespace or control characters inside it, ignored).
    static func isDangerousURL(_ value: String) -> Bool {
        let squeezed = String(String.UnicodeScalarView(value.unicodeScalars.filter { $0.value > 0x20 })).lowercased()
        return ["javascript:", "vbscript:", "data:"].contains { squeezed.hasPrefix($0) }
    }

    /// Attributes whose value the browser follows or loads as a URL.
    static let urlAttributes: Set = [
        "href", "src", "action", "formaction", "xlink:href", "poster", "data", "background", "cite", "srcset",
        "ping", "manifest", "codebase", "lowsrc", "dynsrc", "longdesc", "usemap", "icon", "profile",
    ]

    /// Why `tag` would run something, or nil when it is inert. `allowedNames` are the
    /// elements Rapport's own templates and safe markdown produce.
    static func problem(with tag: Tag, allowedNames: Set<String>) -> String? {
        if !allowedNames.contains(tag.name) { return "element <\(tag.name)> that Rapport never writes" }
        for attribute in tag.attributes {
            if attribute.name.hasPrefix("on") { return "event handler attribute '\(attribute.name)'" }
            if urlAttributes.contains(attribute.name), isDangerousURL(attribute.value) { return "script URL in '\(attribute.name)'" }
            if attribute.name == "srcdoc" || attribute.name == "style" && attribute.value.lowercased().contains("url(") {
                return "attribute '\(attribute.name)' that can load content"
            }
        }
        if tag.name == "meta", tag.attributes.contains(where: { $0.name == "http-equiv" && $0.value.lowercased() == "refresh" }) {
            return "refresh that can navigate to a script URL"
        }
        if tag.name == "meta", tag.attributes.contains(where: { $0.name == "http-equiv" && $0.value.lowercased() == "refresh" }) {
            return "refresh that can navigate to a script URL"
        }
        if tag.name == "script" {
            // Only a script file of the site itself, with nothing inline.
            let source = tag.attributes.first { $0.name == "src" }?.value ?? ""
            if source.isEmpty || source.contains(":") || !source.hasSuffix(".js") { return "script not loaded from the site's assets" }
            if tag.scriptBody?.isEmpty != true { return "inline script" }
        }
        return nil
    }

    /// The elements a page may contain: those of the built-in templates, and those cmark
    /// writes for markdown without raw HTML.
    static var allowedNames: Set<String> {
        var names: Set<String> = [
            "p", "em", "strong", "a", "code", "pre", "ul", "ol", "li", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6",
            "hr", "br", "img",
        ]
        for template in BuiltinTemplates.templates.values {
            for tag in startTags(in: template) { names.insert(tag.name) }
        }
        return names
    }
}
