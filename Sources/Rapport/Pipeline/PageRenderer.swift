import Synchronization

/// Renders the pages of a loaded site: the site-wide pages once, and each customer's
/// card and letters independently of every other customer, so those can be rendered
/// on every core and written as they are done.
struct PageRenderer: Sendable {
    let site: LoadedSite
    let context: SiteContext
    /// The records in directory order.
    let records: [CustomerRecord]
    private let slugs: [String: String]
    private let letterSlugs: [String: String]

    init(_ site: LoadedSite, context: SiteContext) {
        self.site = site
        self.context = context
        records = DirectoryView.sorted(site.records)
        slugs = Slug.slugs(for: site.records.map(\.id))
        letterSlugs = Slug.slugs(for: site.letters.map(\.name))
    }

    /// The directory, the coming-up sheet, the data-quality page and the assets.
    func sitePages(warnings: [Diagnostic]) -> [OutputFile] {
        let templates = site.templates
        let cardLinks = slugs.mapValues { "customers/\($0).html" }
        let directory = DirectoryView(records: records, cardLinks: cardLinks)
        let comingUp = ComingUpView(records: records, notes: site.notes, appointments: site.appointments, cardLinks: cardLinks)
        let dataQuality = DataQualityView(report: site.quality, warnings: warnings, cardLinks: cardLinks)
        return [
            OutputFile(path: "index.html", contents: templates.renderBytes(directory.context(in: context), with: "index")),
            OutputFile(path: "coming-up.html", contents: templates.renderBytes(comingUp.context(in: context), with: "coming-up")),
            OutputFile(
                path: "data-quality.html", contents: templates.renderBytes(dataQuality.context(in: context), with: "data-quality")),
            OutputFile(path: "assets/rapport.css", text: templates.stylesheet),
            OutputFile(path: "assets/search.js", text: templates.searchScript),
            // The default page size for pages printed from a browser (letters name their own).
            OutputFile(path: "assets/paper.css", text: "@page { size: \(context.config.paper.cssSize); margin: 15mm; }\n"),
        ]
    }

    /// `body` applied to the site pages and to each customer's pages, rendered on every
    /// core: the site pages first, as they take longest, then the customers in directory
    /// order. `progress` is called after each customer.
    func parallelMap<Result: Sendable>(
        warnings: [Diagnostic], progress: (@Sendable () -> Void)? = nil, _ body: @Sendable ([OutputFile]) -> Result
    ) -> [Result] {
        Array(0...records.count).parallelMap { index in
            guard index > 0 else { return body(sitePages(warnings: warnings)) }
            defer { progress?() }
            return body(customerPages(records[index - 1]))
        }
    }

    /// One customer's card and their page of each letter.
    func customerPages(_ record: CustomerRecord) -> [OutputFile] {
        let slug = slugs[record.id]!
        let letterLinks = site.letters.map { letter in
            (title: letter.title, href: "../letters/\(letterSlugs[letter.name]!)/\(slug).html")
        }
        let card = CardView(
            record: record, note: site.notes[record.id], appointments: site.appointments[record.id] ?? [], letters: letterLinks)
        var pages = [OutputFile(path: "customers/\(slug).html", contents: site.templates.renderBytes(card.context(in: context), with: "card"))]
        for letter in site.letters {
            let view = site.letterView(letter, for: record, on: context.today)
            pages.append(
                OutputFile(
                    path: "letters/\(letterSlugs[letter.name]!)/\(slug).html",
                    contents: site.templates.renderBytes(view.context(in: context), with: "letter")))
        }
        return pages
    }
}

/// Counts finished work across threads, for the progress line.
final class ProgressCounter: Sendable {
    private let count = Atomic<Int>(0)

    /// Adds one; the new count.
    func increment() -> Int {
        count.add(1, ordering: .relaxed).newValue
    }
}
