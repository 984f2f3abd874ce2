import Foundation
import Mustache

/// What to build and how.
public struct BuildOptions: Sendable {
    /// The site folder (holding `rapport.yml`, `content/` and optionally `Templates/`).
    public var siteDirectory: URL
    /// Overrides the config's `output` folder.
    public var outputDirectory: URL?
    /// The day the build is for: "in 3 days", "5 weeks ago" are counted from it.
    public var today: CalendarDay
    /// How the site folder is written in diagnostics ("" when it is the current folder).
    public var displayPrefix: String

    public init(siteDirectory: URL, outputDirectory: URL? = nil, today: CalendarDay, displayPrefix: String = "") {
        self.siteDirectory = siteDirectory
        self.outputDirectory = outputDirectory
        self.today = today
        self.displayPrefix = displayPrefix
    }
}

/// A rendered site, ready to write, and what was noticed on the way.
public struct RenderedSite: Sendable {
    public var files: [OutputFile]
    public var warnings: [Diagnostic]
    public var output: URL
    public var customerCount: Int
    public var letterCount: Int
}

/// The build, top to bottom: load the config, records, notes, schedule, letters and
/// templates; check the data; stop with every problem found if any is an error; render
/// the pages; write the site aside and swap it in.
public struct SiteBuilder: Sendable {
    public var options: BuildOptions

    public init(options: BuildOptions) {
        self.options = options
    }

    /// Loads, checks and renders the site without writing anything (`rapport check`).
    public func render() throws(BuildFailure) -> RenderedSite {
        var diagnostics = Diagnostics()
        let site = load(&diagnostics)
        let output = options.outputDirectory ?? URL(fileURLWithPath: site.config.output, relativeTo: options.siteDirectory)
        let writer = SiteWriter(output: output, siteDirectory: options.siteDirectory)
        do {
            try writer.checkOutput()
        } catch {
            diagnostics.error(SourceLocation(path: output.path), error.description)
        }
        if diagnostics.hasErrors { throw BuildFailure(diagnostics.all) }

        let files = renderPages(site, context: SiteContext(config: site.config, today: options.today), warnings: diagnostics.warnings)
        return RenderedSite(
            files: files, warnings: diagnostics.warnings, output: writer.output, customerCount: site.records.count,
            letterCount: site.letters.count)
    }

    /// Renders the site and replaces the output folder with it.
    @discardableResult
    public func build() throws(BuildFailure) -> RenderedSite {
        let site = try render()
        do {
            try SiteWriter(output: site.output, siteDirectory: options.siteDirectory).write(site.files)
        } catch {
            throw BuildFailure(site.warnings + [.error(SourceLocation(path: site.output.path), error.description)])
        }
        return site
    }

    // MARK: - Stages

    /// Everything in the site folder, loaded and checked; problems go to `diagnostics`.
    func load(_ diagnostics: inout Diagnostics) -> LoadedSite {
        let config = loadConfig(&diagnostics)
        // Ids of rows left out for their errors: already reported, so not "unknown" below.
        var rejectedIDs: Set<String> = []
        let records = loadRecords(config, &rejectedIDs, &diagnostics)
        let notes = loadNotes(config, records, rejectedIDs, &diagnostics)
        let appointments = loadSchedule(config, records, rejectedIDs, &diagnostics)
        let letters = loadLetters(config, &diagnostics)
        let letterTexts = compileLetterTexts(notes, letters: letters, config: config, &diagnostics)
        let templates = TemplateSet(
            overridesIn: options.siteDirectory.appendingPathComponent("Templates"),
            displayDirectory: display("Templates"), diagnostics: &diagnostics)
        let quality = DataQuality(records: records, notes: notes, today: options.today, staleNoteDays: config.staleNoteDays)
        for warning in quality.warnings { diagnostics.append(warning) }
        return LoadedSite(
            config: config, records: records, notes: notes, appointments: appointments, letters: letters,
            letterTexts: letterTexts, templates: templates, quality: quality)
    }

    private func loadConfig(_ diagnostics: inout Diagnostics) -> SiteConfig {
        for name in SiteConfig.fileNames {
            let url = options.siteDirectory.appendingPathComponent(name)
            guard FileManager.default.fileExists(atPath: url.path) else { continue }
            guard let text = TextFile.read(url, path: display(name), diagnostics: &diagnostics) else { return SiteConfig() }
            return SiteConfig(yaml: text, path: display(name), diagnostics: &diagnostics)
        }
        diagnostics.warning(SourceLocation(path: display("rapport.yml")), "no rapport.yml in the site folder; using the defaults")
        return SiteConfig()
    }

    private func loadRecords(_ config: SiteConfig, _ rejectedIDs: inout Set<String>, _ diagnostics: inout Diagnostics) -> [CustomerRecord] {
        let path = display("content/customers.csv")
        let url = options.siteDirectory.appendingPathComponent("content/customers.csv")
        guard FileManager.default.fileExists(atPath: url.path) else {
            diagnostics.error(SourceLocation(path: path), "no customer records: the site folder needs content/customers.csv")
            return []
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            diagnostics.error(SourceLocation(path: path), "cannot read file")
            return []
        }
        return RecordLoader(path: path, config: config).loadRecords(from: Array(data), diagnostics: &diagnostics, rejectedIDs: &rejectedIDs)
    }

    private func loadNotes(
        _ config: SiteConfig, _ records: [CustomerRecord], _ rejectedIDs: Set<String>, _ diagnostics: inout Diagnostics
    ) -> [String: CustomerNote] {
        let known = Set(records.map(\.id))
        let loader = NoteLoader(unsafeMarkdown: config.unsafeMarkdown)
        var notes: [String: CustomerNote] = [:]
        // Reading and rendering each note is independent (cmark keeps no global state):
        // do it on every core, then check and report in file order.
        let loaded = markdownFiles(in: "content/notes").parallelMap { name -> (String, CustomerNote?, Diagnostics) in
            var found = Diagnostics()
            let path = display("content/notes/\(name)")
            let url = options.siteDirectory.appendingPathComponent("content/notes/\(name)")
            let note = TextFile.read(url, path: path, diagnostics: &found).flatMap {
                loader.loadNote($0, path: path, diagnostics: &found)
            }
            return (name, note, found)
        }
        for (name, note, found) in loaded {
            diagnostics.append(contentsOf: found)
            guard let note else { continue }
            guard known.contains(note.customerID) else {
                if rejectedIDs.contains(note.customerID) { continue }
                diagnostics.error(note.customerLocation, "note for unknown customer '\(note.customerID)': no such id in content/customers.csv")
                continue
            }
            if let first = notes[note.customerID] {
                diagnostics.error(
                    note.customerLocation, "a second note for customer '\(note.customerID)'",
                    notes: [.init(location: first.customerLocation, message: "first note for this customer")])
                continue
            }
            let stem = String(name.dropLast(3))
            if stem != note.customerID {
                diagnostics.warning(note.customerLocation, "the file is named '\(name)' but is for customer '\(note.customerID)'; name it '\(note.customerID).md'")
            }
            notes[note.customerID] = note
        }
        return notes
    }

    private func loadSchedule(
        _ config: SiteConfig, _ records: [CustomerRecord], _ rejectedIDs: Set<String>, _ diagnostics: inout Diagnostics
    ) -> [String: [Appointment]] {
        let path = display("content/schedule.csv")
        let url = options.siteDirectory.appendingPathComponent("content/schedule.csv")
        guard FileManager.default.fileExists(atPath: url.path) else { return [:] }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            diagnostics.error(SourceLocation(path: path), "cannot read file")
            return [:]
        }
        let known = Set(records.map(\.id))
        var byCustomer: [String: [Appointment]] = [:]
        let appointments = ScheduleLoader(path: path, delimiter: config.csvDelimiter)
            .loadAppointments(from: Array(data), diagnostics: &diagnostics)
        var seen: [String: SourceLocation] = [:]
        for appointment in appointments {
            let key = "\(appointment.customerID)\u{1F}\(appointment.date)\u{1F}\(appointment.time)"
            if let first = seen[key] {
                diagnostics.append(
                    .warning(
                        appointment.location,
                        "duplicate appointment: '\(appointment.customerID)' is already booked on \(appointment.date)\(appointment.time.isEmpty ? "" : " at \(appointment.time)")",
                        notes: [.init(location: first, message: "first booked here")]))
                continue
            }
            seen[key] = appointment.location
            guard known.contains(appointment.customerID) else {
                if rejectedIDs.contains(appointment.customerID) { continue }
                diagnostics.warning(appointment.customerLocation, "appointment for unknown customer '\(appointment.customerID)'")
                continue
            }
            byCustomer[appointment.customerID, default: []].append(appointment)
        }
        for id in byCustomer.keys {
            byCustomer[id]!.sort { ($0.date, $0.time) < ($1.date, $1.time) }
        }
        return byCustomer
    }

    private func loadLetters(_ config: SiteConfig, _ diagnostics: inout Diagnostics) -> [LetterTemplate] {
        let loader = LetterLoader(unsafeMarkdown: config.unsafeMarkdown, sitePaper: config.paper)
        return markdownFiles(in: "content/letters").compactMap { name in
            let path = display("content/letters/\(name)")
            let url = options.siteDirectory.appendingPathComponent("content/letters/\(name)")
            guard let text = TextFile.read(url, path: path, diagnostics: &diagnostics) else { return nil }
            return loader.loadLetter(text, name: String(name.dropLast(3)), path: path, diagnostics: &diagnostics)
        }
    }

    /// Customers' own letter texts (`## Letter: NAME` in their notes), checked like letters.
    private func compileLetterTexts(
        _ notes: [String: CustomerNote], letters: [LetterTemplate], config: SiteConfig, _ diagnostics: inout Diagnostics
    ) -> [String: [String: MustacheTemplate]] {
        let loader = LetterLoader(unsafeMarkdown: config.unsafeMarkdown, sitePaper: config.paper)
        let names = Set(letters.map(\.name))
        var result: [String: [String: MustacheTemplate]] = [:]
        for (id, note) in notes.sorted(by: { $0.key < $1.key }) {
            for (name, text) in note.letterTexts.sorted(by: { $0.key < $1.key }) {
                guard names.contains(name) else {
                    diagnostics.error(
                        text.location,
                        "no letter named '\(name)' in content/letters (letters: \(names.sorted().joined(separator: ", ")))")
                    continue
                }
                if let body = loader.compileBody(text.source, path: note.path, lineOffset: text.lineOffset, diagnostics: &diagnostics) {
                    result[id, default: [:]][name] = body
                }
            }
        }
        return result
    }

    private func renderPages(_ loaded: LoadedSite, context site: SiteContext, warnings: [Diagnostic]) -> [OutputFile] {
        let (records, notes, appointments, letters, templates) = (
            loaded.records, loaded.notes, loaded.appointments, loaded.letters, loaded.templates
        )
        let slugs = Slug.slugs(for: records.map(\.id))
        let letterSlugs = Slug.slugs(for: letters.map(\.name))
        var files: [OutputFile] = []
        files.reserveCapacity(records.count * (1 + letters.count) + 3)
        let sorted = DirectoryView.sorted(records)
        let directory = DirectoryView(entries: sorted.map { .init(record: $0, href: "customers/\(slugs[$0.id]!).html") })
        files.append(OutputFile(path: "index.html", text: templates.render(directory.context(in: site), with: "index")))
        let cardLinks = slugs.mapValues { "customers/\($0).html" }
        let comingUp = ComingUpView(records: sorted, notes: notes, appointments: appointments, cardLinks: cardLinks)
        files.append(OutputFile(path: "coming-up.html", text: templates.render(comingUp.context(in: site), with: "coming-up")))
        let dataQuality = DataQualityView(report: loaded.quality, warnings: warnings, cardLinks: cardLinks)
        files.append(OutputFile(path: "data-quality.html", text: templates.render(dataQuality.context(in: site), with: "data-quality")))
        // Each customer's card and letters are independent: render them on every core.
        let perCustomer = sorted.parallelMap { record -> [OutputFile] in
            let slug = slugs[record.id]!
            let letterLinks = letters.map { letter in
                (title: letter.title, href: "../letters/\(letterSlugs[letter.name]!)/\(slug).html")
            }
            let card = CardView(record: record, note: notes[record.id], appointments: appointments[record.id] ?? [], letters: letterLinks)
            var pages = [OutputFile(path: "customers/\(slug).html", text: templates.render(card.context(in: site), with: "card"))]
            for letter in letters {
                let view = loaded.letterView(letter, for: record, on: site.today)
                pages.append(
                    OutputFile(
                        path: "letters/\(letterSlugs[letter.name]!)/\(slug).html",
                        text: templates.render(view.context(in: site), with: "letter")))
            }
            return pages
        }
        for pages in perCustomer { files.append(contentsOf: pages) }
        files.append(OutputFile(path: "assets/rapport.css", text: templates.stylesheet))
        files.append(OutputFile(path: "assets/search.js", text: templates.searchScript))
        // The default page size for pages printed from a browser (letters name their own).
        files.append(OutputFile(path: "assets/paper.css", text: "@page { size: \(site.config.paper.cssSize); margin: 15mm; }\n"))
        return files
    }

    // MARK: - Files

    /// `name` as it appears in diagnostics: relative to where the user named the site from.
    private func display(_ name: String) -> String {
        options.displayPrefix.isEmpty ? name : "\(options.displayPrefix)/\(name)"
    }

    private func markdownFiles(in folder: String) -> [String] {
        let url = options.siteDirectory.appendingPathComponent(folder)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
        return names.filter { $0.hasSuffix(".md") }.sorted()
    }
}
