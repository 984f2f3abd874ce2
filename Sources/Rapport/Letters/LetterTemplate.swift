import Foundation
import Mustache

/// A letter from `content/letters/NAME.md`: markdown with Mustache merge fields.
struct LetterTemplate: Sendable {
    var name: String
    var path: String
    var title: String
    var greeting: String
    var closing: String
    /// The body rendered by cmark once, then parsed as Mustache: merge values are
    /// inserted into HTML and escaped there, so a name can never become markup.
    var body: MustacheTemplate
}

/// Reads and checks letter templates.
struct LetterLoader {
    var unsafeMarkdown: Bool

    func loadLetter(_ text: String, name: String, path: String, diagnostics: inout Diagnostics) -> LetterTemplate? {
        let text = text.withUnixLineEndings
        let parts: FrontMatter
        do {
            parts = try FrontMatter.split(text)
        } catch {
            diagnostics.error(SourceLocation(path: path, line: 1, column: 1), "front matter opened here is never closed with a '---' line")
            return nil
        }
        var title = name.replacingOccurrences(of: "-", with: " ").capitalized
        var greeting = "Dear"
        var closing = "With warm wishes,"
        if parts.hasFrontMatter {
            guard let document = YAMLDocument(parts.yaml, path: path, lineOffset: parts.yamlLineOffset, diagnostics: &diagnostics)
            else { return nil }
            for (key, keyNode, value) in document.entries {
                guard let text = value.scalarText else {
                    diagnostics.error(document.location(of: value), "'\(key)' must be a single value")
                    continue
                }
                switch key {
                case "title": title = text
                case "greeting": greeting = text
                case "closing": closing = text
                case "kind":
                    if text != "letter" {
                        diagnostics.error(document.location(of: value), "unknown kind '\(text)' (known: letter)")
                    }
                default:
                    diagnostics.warning(document.location(of: keyNode), "unknown front matter key '\(key)' (known: title, kind, greeting, closing)")
                }
            }
        }

        let before = diagnostics.errors.count
        do {
            _ = try MustacheTemplate(string: parts.body)
        } catch let error as MustacheTemplate.ParserError {
            diagnostics.append(TemplateSet.diagnostic(for: error, in: parts.body, path: path, lineOffset: parts.bodyLineOffset))
            return nil
        } catch {
            diagnostics.error(SourceLocation(path: path, line: parts.bodyLineOffset + 1, column: 1), "cannot parse merge fields: \(error)")
            return nil
        }
        checkMergeFields(parts.body, path: path, lineOffset: parts.bodyLineOffset, diagnostics: &diagnostics)
        guard diagnostics.errors.count == before else { return nil }

        let html = CommonMark.html(parts.body, unsafe: unsafeMarkdown)
        do {
            return LetterTemplate(
                name: name, path: path, title: title, greeting: greeting, closing: closing,
                body: try MustacheTemplate(string: html))
        } catch {
            // The source parsed, so only markdown rewriting a tag can get here (a tag split by emphasis).
            diagnostics.error(SourceLocation(path: path, line: parts.bodyLineOffset + 1, column: 1), "merge fields do not survive markdown rendering; keep each {{tag}} in plain text")
            return nil
        }
    }

    /// Every merge field must be one a letter may use. Anything else is an error, so a
    /// typo never prints as a blank and internal data can never be asked for.
    private func checkMergeFields(_ body: String, path: String, lineOffset: Int, diagnostics: inout Diagnostics) {
        var sections: [String] = []
        for tag in MustacheScanner.tags(in: body) {
            let location = SourceLocation(path: path, line: tag.line + lineOffset, column: tag.column)
            switch tag.kind {
            case .variable, .section, .invertedSection:
                let allowedHere = sections.compactMap { LetterRecipient.itemFields[$0] }.reduce(into: Set<String>()) { $0.formUnion($1) }
                if tag.name == "." && !sections.isEmpty { break }
                if LetterRecipient.mergeFields.contains(tag.name) || allowedHere.contains(tag.name) {
                    if tag.kind != .variable { sections.append(tag.name) }
                    break
                }
                let known = (LetterRecipient.mergeFields.union(allowedHere)).sorted().joined(separator: ", ")
                diagnostics.error(location, "unknown merge field '\(tag.name)'; a letter may use: \(known)")
                if tag.kind != .variable { sections.append(tag.name) }
            case .close:
                if !sections.isEmpty { sections.removeLast() }
            case .unescaped:
                diagnostics.error(location, "'\(tag.name)' would be printed without HTML escaping; use {{\(tag.name)}}")
            case .partial, .parent, .block:
                diagnostics.error(location, "a letter cannot include templates; use merge fields only")
            case .delimiters:
                diagnostics.error(location, "changing the {{ }} delimiters is not supported in letters")
            case .comment, .pragma:
                break
            }
        }
    }
}
