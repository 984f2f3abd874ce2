import Foundation
import Mustache

/// The page templates of a site: the built-in ones, each replaced by the site's own
/// `Templates/NAME.mustache` when it has one. Loading checks what swift-mustache leaves
/// silent: a partial or layout that does not exist, and unescaped output of anything
/// but rendered HTML.
public struct TemplateSet: Sendable {
    /// Template name (file name without `.mustache`) → where it came from.
    public private(set) var sources: [String: String] = [:]
    private var library = MustacheLibrary()
    /// The stylesheet written to `assets/rapport.css`.
    public private(set) var stylesheet: String
    /// The directory's search, written to `assets/search.js`.
    public private(set) var searchScript: String

    /// Pages Rapport renders; each must exist (the built-in set has them all).
    static let pageTemplates = ["layout", "index", "card", "letter", "coming-up", "data-quality", "print", "envelopes"]

    /// Loads the built-in templates, then the `*.mustache` files in `directory` (if it
    /// exists) over them. `displayDirectory` is how the folder is named in diagnostics.
    public init(overridesIn directory: URL?, displayDirectory: String = "Templates", diagnostics: inout Diagnostics) {
        var texts: [String: (text: String, path: String)] = [:]
        stylesheet = BuiltinTemplates.stylesheet
        searchScript = BuiltinTemplates.searchScript
        for (name, text) in BuiltinTemplates.templates {
            texts[name] = (text, "(built-in)/\(name).mustache")
        }
        if let directory, let entries = try? FileManager.default.contentsOfDirectory(atPath: directory.path) {
            for entry in entries.sorted() {
                let path = "\(displayDirectory)/\(entry)"
                let url = directory.appendingPathComponent(entry)
                if entry == "rapport.css" {
                    if let text = TextFile.read(url, path: path, diagnostics: &diagnostics) { stylesheet = text }
                    continue
                }
                if entry == "search.js" {
                    if let text = TextFile.read(url, path: path, diagnostics: &diagnostics) { searchScript = text }
                    continue
                }
                guard entry.hasSuffix(".mustache") else { continue }
                guard let text = TextFile.read(url, path: path, diagnostics: &diagnostics) else { continue }
                texts[String(entry.dropLast(".mustache".count))] = (text, path)
            }
        }
        for (name, source) in texts.sorted(by: { $0.key < $1.key }) {
            sources[name] = source.path
            do {
                library.register(try MustacheTemplate(string: source.text), named: name)
            } catch let error as MustacheTemplate.ParserError {
                diagnostics.append(Self.diagnostic(for: error, in: source.text, path: source.path))
            } catch {
                diagnostics.error(SourceLocation(path: source.path, line: 1, column: 1), "cannot parse template: \(error)")
            }
        }
        for source in texts.values.sorted(by: { $0.path < $1.path }) {
            checkReferences(in: source.text, path: source.path, known: Set(texts.keys), diagnostics: &diagnostics)
        }
    }

    /// Renders template `name` (which must exist: the pipeline only names page templates).
    public func render(_ context: [String: Any], with name: String) -> String {
        library.render(context, withTemplate: name) ?? ""
    }

    private func checkReferences(in text: String, path: String, known: Set<String>, diagnostics: inout Diagnostics) {
        for tag in MustacheScanner.tags(in: text) {
            let location = SourceLocation(path: path, line: tag.line, column: tag.column)
            switch tag.kind {
            case .partial, .parent:
                if !known.contains(tag.name) {
                    let what = tag.kind == .partial ? "partial" : "layout"
                    diagnostics.error(location, "unknown \(what) '\(tag.name)': no Templates/\(tag.name).mustache and no built-in template of that name")
                }
            case .unescaped:
                if !tag.name.hasSuffix("_html") {
                    diagnostics.error(location, "'\(tag.name)' would be written without HTML escaping; only values whose name ends in '_html' (already rendered by Rapport) may be")
                }
            default:
                break
            }
        }
    }

    /// A parse error of `text` as a diagnostic, at its place in the file (the text starts
    /// after `lineOffset` lines). A section never closed is reported where it was opened.
    static func diagnostic(for error: MustacheTemplate.ParserError, in text: String, path: String, lineOffset: Int = 0) -> Diagnostic {
        if case .expectedSectionEnd? = error.error as? MustacheTemplate.Error, let tag = MustacheScanner.unclosedSection(in: text) {
            let sigil = [.section: "#", .invertedSection: "^", .parent: "<", .block: "$"][tag.kind] ?? "#"
            return .error(
                SourceLocation(path: path, line: tag.line + lineOffset, column: tag.column),
                "'{{\(sigil)\(tag.name)}}' is never closed (expected '{{/\(tag.name)}}')")
        }
        return .error(
            SourceLocation(path: path, line: error.context.lineNumber + lineOffset, column: error.context.columnNumber),
            describe(error.error))
    }

    static func describe(_ error: Error) -> String {
        guard let error = error as? MustacheTemplate.Error else { return "cannot parse template: \(error)" }
        switch error {
        case .sectionCloseNameIncorrect: return "section closed with a different name than it was opened with"
        case .unfinishedName: return "tag is not closed with '}}'"
        case .expectedSectionEnd: return "section is never closed (expected '{{/name}}')"
        case .invalidSetDelimiter: return "invalid set-delimiters tag"
        case .transformAppliedToInheritanceSection: return "a transform cannot be applied to a layout block"
        case .illegalTokenInsideInheritSection: return "only '{{$block}}' definitions may appear inside a layout tag"
        case .textInsideInheritSection: return "only '{{$block}}' definitions may appear inside a layout tag"
        case .invalidConfigVariableSyntax: return "invalid '{{% ... }}' pragma"
        case .unrecognisedConfigVariable: return "unknown '{{% ... }}' pragma"
        }
    }
}
