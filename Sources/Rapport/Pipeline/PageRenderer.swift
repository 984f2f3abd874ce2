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
    /// What every customer's pages are made from (`SiteInputs.sharedFingerprint`), when
    /// known: with it each customer's pages get a key (`customerKey`).
    private let sharedKey: UInt64?

    init(_ site: LoadedSite, context: SiteContext, sharedKey: UInt64? = nil) {
        self.site = site
        self.context = context
        self.sharedKey = sharedKey
        records = site.directoryOrder
        slugs = site.slugs
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
    /// order. `body` also gets the customer's key (nil for the site pages). When `keep`
    /// is given, a customer with a key is first offered to it, with the paths of their
    /// pages: what it returns stands for them, and they are rendered only when it returns
    /// nil. `progress` is called after each customer.
    func parallelMap<Result: Sendable>(
        warnings: [Diagnostic], progress: (@Sendable () -> Void)? = nil,
        keep: (@Sendable (_ paths: [String], _ key: UInt64) -> Result?)? = nil,
        _ body: @Sendable (_ files: [OutputFile], _ key: UInt64?) -> Result
    ) -> [Result] {
        Array(0...records.count).parallelMap { index in
            guard index > 0 else { return body(sitePages(warnings: warnings), nil) }
            defer { progress?() }
            let record = records[index - 1]
            let paths = customerPaths(record)
            let key = customerKey(record, paths: paths)
            if let keep, let key, let kept = keep(paths, key) { return kept }
            return body(customerPages(record, paths: paths), key)
        }
    }

    /// The paths of a customer's card and letter pages, in the order `customerPages` makes them.
    func customerPaths(_ record: CustomerRecord) -> [String] {
        let slug = slugs[record.id]!
        return ["customers/\(slug).html"] + site.letters.map { "letters/\(letterSlugs[$0.name]!)/\(slug).html" }
    }

    /// A hash of everything a customer's pages are made from: what all pages share, the
    /// record's row, the note's file, the appointments and where the pages go (`paths`).
    /// Nil when one of these is not known, and the pages must be rendered. Whatever a
    /// customer's pages show must be in it: a page showing another customer's data would
    /// need that customer's key too.
    func customerKey(_ record: CustomerRecord, paths: [String]) -> UInt64? {
        guard let sharedKey, let recordHash = record.sourceHash else { return nil }
        var hash = StableHash()
        hash.combine(Int(bitPattern: UInt(sharedKey)))
        hash.combine(Int(bitPattern: UInt(recordHash)))
        if let note = site.notes[record.id] {
            guard let noteHash = note.sourceHash else { return nil }
            hash.combine(Int(bitPattern: UInt(noteHash)))
        } else {
            hash.combine(-1)
        }
        let appointments = site.appointments[record.id] ?? []
        hash.combine(appointments.count)
        for appointment in appointments {
            for field in [appointment.date.description, appointment.time, appointment.service, appointment.staff] { hash.combine(field) }
        }
        for path in paths { hash.combine(path) }
        return hash.value
    }

    /// One customer's card and their page of each letter, at `paths` (`customerPaths`).
    func customerPages(_ record: CustomerRecord, paths: [String]? = nil) -> [OutputFile] {
        let paths = paths ?? customerPaths(record)
        let slug = slugs[record.id]!
        let letterLinks = site.letters.map { letter in
            (title: letter.title, href: "../letters/\(letterSlugs[letter.name]!)/\(slug).html")
        }
        let card = CardView(
            record: record, note: site.notes[record.id], appointments: site.appointments[record.id] ?? [], letters: letterLinks)
        var pages = [OutputFile(path: paths[0], contents: site.templates.renderBytes(card.context(in: context), with: "card"))]
        for (letter, path) in zip(site.letters, paths.dropFirst()) {
            let view = site.letterView(letter, for: record, on: context.today)
            pages.append(OutputFile(path: path, contents: site.templates.renderBytes(view.context(in: context), with: "letter")))
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

    /// The count so far.
    var value: Int { count.load(ordering: .relaxed) }
}
