import Foundation

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
        let names = directory.flatMap { try? FileManager.default.contentsOfDirectory(atPath: $0.path) } ?? []
        let files = names.sorted().map { name in
            SiteInputs.File(name: name, bytes: SiteInputs.contents(of: directory!.appendingPathComponent(name).path))
        }
        self.init(overrides: files, displayDirectory: displayDirectory, diagnostics: &diagnostics)
    }

    /// The built-in templates with `overrides` (the files of the site's `Templates/`) over them.
    init(overrides: [SiteInputs.File], displayDirectory: String, diagnostics: inout Diagnostics) {
        var texts: [String: (text: String, path: String)] = [:]
        stylesheet = BuiltinTemplates.stylesheet
        searchScript = BuiltinTemplates.searchScript
        for (name, text) in BuiltinTemplates.templates {
            texts[name] = (text, "\(Self.builtinFolder)/\(name).mustache")
        }
        for file in overrides {
            let entry = file.name
            let path = "\(displayDirectory)/\(entry)"
            guard entry == "rapport.css" || entry == "search.js" || entry.hasSuffix(".mustache") else { continue }
            guard let text = TextFile.decode(file.bytes, path: path, diagnostics: &diagnostics) else { continue }
            switch entry {
            case "rapport.css": stylesheet = text
            case "search.js": searchScript = text
            default: texts[String(entry.dropLast(".mustache".count))] = (text, path)
            }
        }
        for (name, source) in texts.sorted(by: { $0.key < $1.key }) {
            sources[name] = source.path
            do {
                library.register(try MustacheTemplate(string: source.text), named: name)
            } catch {
                diagnostics.append(Self.diagnostic(for: error, path: source.path))
            }
        }
        // The built-in templates name only built-in templates, which are always there, and
        // pass the check (a test makes sure): checking only the site's own saves scanning
        // them all on every run.
        for source in texts.values.sorted(by: { $0.path < $1.path }) where !source.path.hasPrefix("\(Self.builtinFolder)/") {
            Self.checkReferences(in: source.text, path: source.path, known: Set(texts.keys), diagnostics: &diagnostics)
        }
    }

    /// Renders template `name` (which must exist: the pipeline only names page templates).
    func render(_ context: MustacheValue, with name: String) -> String {
        library.render(context, withTemplate: name) ?? ""
    }

    /// Template `name` rendered as UTF-8 bytes, ready to write.
    func renderBytes(_ context: MustacheValue, with name: String) -> [UInt8] {
        library.renderBytes(context, withTemplate: name) ?? []
    }

    /// Where the built-in templates are said to be in diagnostics and `sources`.
    static let builtinFolder = "(built-in)"

    /// Reports partials and layouts not in `known`, and unescaped output of anything but `_html` values.
    static func checkReferences(in text: String, path: String, known: Set<String>, diagnostics: inout Diagnostics) {
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

    /// A parse error as a diagnostic, at its place in the file (the text starts after
    /// `lineOffset` lines). A section never closed is reported where it was opened.
    static func diagnostic(for error: MustacheError, path: String, lineOffset: Int = 0) -> Diagnostic {
        .error(SourceLocation(path: path, line: error.line + lineOffset, column: error.column), describe(error.kind))
    }

    static func describe(_ kind: MustacheError.Kind) -> String {
        switch kind {
        case .closedWithWrongName(let opened, let closed):
            return "'{{/\(closed)}}' closes a section opened as '\(opened)' (expected '{{/\(opened)}}')"
        case .closedWithoutOpening(let name): return "'{{/\(name)}}' closes a section that was never opened"
        case .neverClosed(let sigil, let name): return "'{{\(sigil)\(name)}}' is never closed (expected '{{/\(name)}}')"
        case .unclosedTag(let closer): return "tag is not closed with '\(closer)'"
        case .invalidDelimiters: return "invalid set-delimiters tag: write it as {{=<% %>=}}, two delimiters without '='"
        case .contentInsideLayout: return "only '{{$block}}' definitions may appear inside a layout tag"
        case .emptyName: return "tag has no name"
        case .pragma: return "'{{% ... }}' pragmas are not supported"
        }
    }
}
