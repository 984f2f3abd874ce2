import Foundation

/// What `rapport print` was asked for.
public struct PrintRequest: Sendable {
    /// The letter's file name without `.md`.
    public var letter: String
    /// Who for; nil means the letter's own `for:` default.
    public var selection: Selection?
    /// Folder for the documents.
    public var output: URL
    public var pdf: Bool

    public init(letter: String, selection: Selection?, output: URL, pdf: Bool) {
        self.letter = letter
        self.selection = selection
        self.output = output
        self.pdf = pdf
    }
}

/// What was printed: the batch documents and who they are for.
public struct PrintedBatch: Sendable {
    /// One letter or card per page.
    public var letters: URL
    /// One envelope per page, in the same order.
    public var envelopes: URL
    /// The PDFs, when asked for.
    public var pdfs: [URL]
    public var recipientIDs: [String]
    public var paper: PaperPreset
    public var envelope: EnvelopePreset
    public var selection: Selection
    public var warnings: [Diagnostic]
}

/// Why a print could not be made.
public enum PrintFailure: Error, CustomStringConvertible {
    /// The site has errors (or the letter does not exist): the diagnostics say where.
    case site(BuildFailure)
    /// The selection is malformed or names an unknown id: a usage error.
    case selection(String)
    /// Nobody matches the selection today: nothing to print, and nothing wrong.
    case nobody(String)
    /// The documents were written but the PDF could not be made.
    case pdf(String)
    case io(String)

    public var description: String {
        switch self {
        case .site(let failure): return failure.description
        case .selection(let message), .nobody(let message), .pdf(let message), .io(let message): return message
        }
    }
}

extension SiteBuilder {
    /// Writes one printable document with a page per selected customer, and a matching
    /// document of envelopes; with `pdf`, prints both to PDF through headless Chromium.
    public func printLetters(_ request: PrintRequest) throws(PrintFailure) -> PrintedBatch {
        var diagnostics = Diagnostics()
        let site = load(&diagnostics)
        guard let letter = site.letters.first(where: { $0.name == request.letter }) else {
            if !diagnostics.hasErrors {
                let known = site.letters.map(\.name).sorted()
                diagnostics.error(
                    SourceLocation(path: options.displayPrefix.isEmpty ? "content/letters" : "\(options.displayPrefix)/content/letters"),
                    "no letter named '\(request.letter)' (letters: \(known.isEmpty ? "none" : known.joined(separator: ", ")))")
            }
            throw .site(BuildFailure(diagnostics.all))
        }
        if diagnostics.hasErrors { throw .site(BuildFailure(diagnostics.all)) }
        guard let selection = request.selection ?? letter.defaultSelection else {
            throw .selection("say who '\(letter.name)' is for with --for (\(Selection.help)), or give the letter a 'for:' in its front matter")
        }
        let recipients: [CustomerRecord]
        do {
            recipients = try selection.select(site.directoryOrder, appointments: site.appointments, today: options.today)
        } catch {
            throw .selection(error.description)
        }
        guard !recipients.isEmpty else { throw .nobody("Nobody matches '\(selection)' on \(options.today); nothing was printed.") }

        let context = SiteContext(config: site.config, today: options.today)
        let views = recipients.map { site.letterView(letter, for: $0, on: options.today) }
        var page = context.page(depth: 0)
        page["title"] = "\(letter.title) — \(selection)"
        page["paper"] = ["id": letter.paper.id, "name": letter.paper.name]
        page["sheets"] = views.map { $0.sheet(in: context) }
        let lettersHTML = site.templates.render(page.mustacheValue, with: "print")
        page["title"] = "Envelopes: \(letter.title) — \(selection)"
        page["envelope"] = ["id": letter.envelope.id, "name": letter.envelope.name]
        page["envelopes"] = views.map { $0.envelope(in: context) }
        let envelopesHTML = site.templates.render(page.mustacheValue, with: "envelopes")

        let stem = "\(Slug.readable(letter.name))-\(Slug.readable(selection.description).isEmpty ? "selection" : Slug.readable(selection.description))"
        let lettersURL = request.output.appendingPathComponent("\(stem).html")
        let envelopesURL = request.output.appendingPathComponent("\(stem)-envelopes.html")
        do {
            try FileManager.default.createDirectory(at: request.output, withIntermediateDirectories: true)
            try Data(lettersHTML.utf8).write(to: lettersURL, options: .atomic)
            try Data(envelopesHTML.utf8).write(to: envelopesURL, options: .atomic)
            try Data(site.templates.stylesheet.utf8).write(to: request.output.appendingPathComponent("rapport.css"), options: .atomic)
        } catch {
            throw .io("cannot write to '\(request.output.path)': \(SiteWriter.reason(error))")
        }
        var pdfs: [URL] = []
        if request.pdf {
            let printer = try PDFPrinter.find()
            for document in [lettersURL, envelopesURL] {
                let pdf = document.deletingPathExtension().appendingPathExtension("pdf")
                try printer.print(document, to: pdf)
                pdfs.append(pdf)
            }
        }
        return PrintedBatch(
            letters: lettersURL, envelopes: envelopesURL, pdfs: pdfs, recipientIDs: recipients.map(\.id),
            paper: letter.paper, envelope: letter.envelope, selection: selection, warnings: diagnostics.warnings)
    }
}
