import Foundation

/// A letter from `content/letters/NAME.md`: markdown with Mustache merge fields, and
/// front matter saying what it prints as (letter, folded card, postcard), on which paper,
/// with which envelope, and for whom by default.
struct LetterTemplate: Sendable {
    var name: String
    var path: String
    var title: String
    var greeting: String
    var closing: String
    var kind: LetterKind
    var paper: PaperPreset
    var envelope: EnvelopePreset
    /// Who `rapport print NAME` is for when no `--for` is given.
    var defaultSelection: Selection?
    /// The body rendered by cmark once, then parsed as Mustache: merge values are
    /// inserted into HTML and escaped there, so a name can never become markup.
    var body: MustacheTemplate
}

/// Reads and checks letter templates.
struct LetterLoader {
    var unsafeMarkdown: Bool
    /// The site's paper, from which a kind's default preset follows.
    var sitePaper: Paper = .a4

    static let frontMatterKeys = ["title", "kind", "paper", "envelope", "for", "greeting", "closing"]

    /// The preset a kind prints on when the letter names no paper.
    func defaultPaper(for kind: LetterKind) -> PaperPreset {
        let onA4 = sitePaper == .a4
        switch kind {
        case .letter: return PaperPreset.named(onA4 ? "A4" : "Letter")!
        case .card: return PaperPreset.named(onA4 ? "A5-folded" : "Letter-folded")!
        case .postcard: return PaperPreset.named(onA4 ? "A6" : "4x6")!
        }
    }

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
        var kind: (LetterKind, SourceLocation)?
        var paper: (PaperPreset, SourceLocation)?
        var envelope: EnvelopePreset?
        var selection: Selection?
        let before = diagnostics.errorCount
        if parts.hasFrontMatter {
            guard let document = YAMLDocument(parts.yaml, path: path, lineOffset: parts.yamlLineOffset, diagnostics: &diagnostics)
            else { return nil }
            for (key, keyNode, value) in document.entries {
                guard let text = value.scalarText else {
                    diagnostics.error(document.location(of: value), "'\(key)' must be a single value")
                    continue
                }
                let location = document.location(of: value)
                switch key {
                case "title": title = text
                case "greeting": greeting = text
                case "closing": closing = text
                case "kind":
                    if let known = LetterKind(rawValue: text.lowercased()) {
                        kind = (known, location)
                    } else {
                        diagnostics.error(location, "unknown kind '\(text)' (known: \(LetterKind.allCases.map(\.rawValue).joined(separator: ", ")))")
                    }
                case "paper":
                    if let preset = PaperPreset.named(text) {
                        paper = (preset, location)
                    } else {
                        diagnostics.error(location, "unknown paper '\(text)' (known: \(PaperPreset.all.map(\.name).joined(separator: ", ")))")
                    }
                case "envelope":
                    if let preset = EnvelopePreset.named(text) {
                        envelope = preset
                    } else {
                        diagnostics.error(location, "unknown envelope '\(text)' (known: \(EnvelopePreset.all.map(\.name).joined(separator: ", ")))")
                    }
                case "for":
                    do {
                        selection = try Selection(parsing: text)
                    } catch {
                        diagnostics.error(location, error.description)
                    }
                default:
                    diagnostics.warning(document.location(of: keyNode), "unknown front matter key '\(key)' (known: \(Self.frontMatterKeys.joined(separator: ", ")))")
                }
            }
        }
        if let (kind, _) = kind, let (paper, location) = paper, paper.kind != kind {
            diagnostics.error(location, "paper '\(paper.name)' is for a \(paper.kind.rawValue), but this letter's kind is '\(kind.rawValue)'")
        }
        let finalKind = kind?.0 ?? paper?.0.kind ?? .letter
        let finalPaper = paper?.0 ?? defaultPaper(for: finalKind)
        let finalEnvelope = envelope ?? EnvelopePreset.named(finalPaper.envelope)!

        guard let body = compileBody(parts.body, path: path, lineOffset: parts.bodyLineOffset, diagnostics: &diagnostics),
            diagnostics.errorCount == before
        else { return nil }
        return LetterTemplate(
            name: name, path: path, title: title, greeting: greeting, closing: closing, kind: finalKind,
            paper: finalPaper, envelope: finalEnvelope, defaultSelection: selection, body: body)
    }

    /// Checks a letter body's merge fields (reported at their line in the file, which has
    /// `lineOffset` lines before the body), renders its markdown and compiles the result.
    func compileBody(_ source: String, path: String, lineOffset: Int, diagnostics: inout Diagnostics) -> MustacheTemplate? {
        let before = diagnostics.errorCount
        do {
            _ = try MustacheTemplate(string: source)
        } catch {
            diagnostics.append(TemplateSet.diagnostic(for: error, path: path, lineOffset: lineOffset))
            return nil
        }
        checkMergeFields(source, path: path, lineOffset: lineOffset, diagnostics: &diagnostics)
        guard diagnostics.errorCount == before else { return nil }

        let html = CommonMark.html(source, unsafe: unsafeMarkdown)
        do {
            return try MustacheTemplate(string: html)
        } catch {
            // The source parsed, so only markdown rewriting a tag can get here (a tag split by emphasis).
            diagnostics.error(SourceLocation(path: path, line: lineOffset + 1, column: 1), "merge fields do not survive markdown rendering; keep each {{tag}} in plain text")
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
                if LetterRecipient.internalFields.contains(tag.name) {
                    diagnostics.error(location, "'\(tag.name)' is internal to the recall card and can never be printed in a letter; a letter may use: \(known)")
                } else {
                    diagnostics.error(location, "unknown merge field '\(tag.name)'; a letter may use: \(known)")
                }
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
