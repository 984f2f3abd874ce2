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
    /// The folder of each letter's pages (`letters/<slug>`), in the order of `site.letters`.
    private let letterFolders: [String]
    /// What every customer's pages are made from (`SiteInputs.sharedFingerprint`), when
    /// known: with it each customer's pages get a key (`customerKey`).
    private let sharedKey: UInt64?

    init(_ site: LoadedSite, context: SiteContext, sharedKey: UInt64? = nil) {
        self.site = site
        self.context = context
        self.sharedKey = sharedKey
        records = site.directoryOrder
        slugs = site.slugs
        let letterSlugs = Slug.slugs(for: site.letters.map(\.name))
        letterFolders = site.letters.map { "letters/\(letterSlugs[$0.name]!)" }
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
            let customer = inputs(records[index - 1])
            let paths = customerPaths(customer)
            let key = customerKey(customer, paths: paths)
            if let keep, let key, let kept = keep(paths, key) { return kept }
            return body(customerPages(customer, paths: paths), key)
        }
    }

    /// A customer's record with what their pages are made from, looked up once.
    struct CustomerInputs {
        let record: CustomerRecord
        let slug: String
        let note: CustomerNote?
        let appointments: [Appointment]
    }

    func inputs(_ record: CustomerRecord) -> CustomerInputs {
        CustomerInputs(
            record: record, slug: slugs[record.id]!, note: site.notes[record.id], appointments: site.appointments[record.id] ?? [])
    }

    /// The paths of a customer's card and letter pages, in the order `customerPages` makes them.
    func customerPaths(_ customer: CustomerInputs) -> [String] {
        var paths = ["customers/\(customer.slug).html"]
        paths.reserveCapacity(1 + letterFolders.count)
        for folder in letterFolders { paths.append("\(folder)/\(customer.slug).html") }
        return paths
    }

    /// A hash of everything a customer's pages are made from: what all pages share, the
    /// record's row, the note's file, the appointments and where the pages go (`paths`).
    /// Nil when one of these is not known, and the pages must be rendered. Whatever a
    /// customer's pages show must be in it: a page showing another customer's data would
    /// need that customer's key too.
    func customerKey(_ customer: CustomerInputs, paths: [String]) -> UInt64? {
        guard let sharedKey, let recordHash = customer.record.sourceHash else { return nil }
        var hash = StableHash()
        hash.combine(Int(bitPattern: UInt(sharedKey)))
        hash.combine(Int(bitPattern: UInt(recordHash)))
        if let note = customer.note {
            guard let noteHash = note.sourceHash else { return nil }
            hash.combine(Int(bitPattern: UInt(noteHash)))
        } else {
            hash.combine(-1)
        }
        hash.combine(customer.appointments.count)
        for appointment in customer.appointments {
            for field in [appointment.date.description, appointment.time, appointment.service, appointment.staff] { hash.combine(field) }
        }
        for path in paths { hash.combine(path) }
        return hash.value
    }

    /// One customer's card and their page of each letter.
    func customerPages(_ record: CustomerRecord) -> [OutputFile] {
        let customer = inputs(record)
        return customerPages(customer, paths: customerPaths(customer))
    }

    /// The same at `paths` (`customerPaths`); a letter's page is linked from the card by its path.
    func customerPages(_ customer: CustomerInputs, paths: [String]) -> [OutputFile] {
        let record = customer.record
        let letterLinks = zip(site.letters, paths.dropFirst()).map { letter, path in (title: letter.title, href: "../\(path)") }
        let card = CardView(record: record, note: customer.note, appointments: customer.appointments, letters: letterLinks)
        var pages = [OutputFile(path: paths[0], contents: site.templates.renderBytes(card.context(in: context), with: "card"))]
        for (letter, path) in zip(site.letters, paths.dropFirst()) {
            let view = site.letterView(letter, for: record, on: context.today, appointments: customer.appointments)
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
