import Foundation

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
    /// Called as customers are rendered (from any thread): how many are done, of how many.
    public var progress: (@Sendable (Int, Int) -> Void)?

    public init(
        siteDirectory: URL, outputDirectory: URL? = nil, today: CalendarDay, displayPrefix: String = "",
        progress: (@Sendable (Int, Int) -> Void)? = nil
    ) {
        self.siteDirectory = siteDirectory
        self.outputDirectory = outputDirectory
        self.today = today
        self.displayPrefix = displayPrefix
        self.progress = progress
    }
}

/// A rendered site, held in memory: what `render()` returns, for checks and tests.
public struct RenderedSite: Sendable {
    public var files: [OutputFile]
    public var warnings: [Diagnostic]
    public var output: URL
    public var customerCount: Int
    public var letterCount: Int
}

/// What a build did.
public struct BuildReport: Sendable {
    public var warnings: [Diagnostic]
    public var output: URL
    public var customerCount: Int
    public var letterCount: Int
    /// Files in the site, and how many of them had to be written (the rest were unchanged).
    public var fileCount: Int
    public var writtenCount: Int
    /// True when no input had changed since the last build, so nothing was done.
    public var upToDate: Bool
    /// Customers whose pages were kept from the last build without being rendered again,
    /// as nothing they are made from had changed.
    public var keptCustomerCount = 0
}

/// The build, top to bottom: load the config, records, notes, schedule, letters and
/// templates; check the data; stop with every problem found if any is an error; render
/// the pages; write the site aside and swap it in.
public struct SiteBuilder: Sendable {
    public var options: BuildOptions

    public init(options: BuildOptions) {
        self.options = options
    }

    /// Loads, checks and renders the site into memory without writing anything.
    public func render() throws(BuildFailure) -> RenderedSite {
        let (inputs, early) = readInputs()
        let (site, pages, warnings, writer) = try prepare(consume inputs, early: early)
        var files = pages.sitePages(warnings: warnings)
        for customerFiles in pages.records.parallelMap({ pages.customerPages($0) }) { files.append(contentsOf: customerFiles) }
        return RenderedSite(
            files: files, warnings: warnings, output: writer.output, customerCount: site.records.count,
            letterCount: site.letters.count)
    }

    /// Loads, checks and renders every page, keeping none (`rapport check`): the number of pages.
    public func check() throws(BuildFailure) -> BuildReport {
        let (inputs, early) = readInputs()
        let (site, pages, warnings, writer) = try prepare(consume inputs, early: early)
        let counts = pages.parallelMap(warnings: warnings) { files, _ in files.count }
        return BuildReport(
            warnings: warnings, output: writer.output, customerCount: site.records.count, letterCount: site.letters.count,
            fileCount: counts.reduce(0, +), writtenCount: 0, upToDate: false)
    }

    /// Renders the site and replaces the output folder with it. Pages whose bytes did not
    /// change are linked from the current site rather than written, and when no input
    /// changed since the last build nothing is done at all.
    @discardableResult
    public func build() throws(BuildFailure) -> BuildReport {
        let (inputs, early) = readInputs(unlessPreviousBuild: true)
        let fingerprint = inputs.fingerprint(context: buildContext)
        let sharedKey = inputs.sharedFingerprint(context: buildContext)
        var configDiagnostics = Diagnostics()
        let config = loadConfig(inputs, &configDiagnostics)
        let writer = SiteWriter(output: outputFolder(config), siteDirectory: options.siteDirectory)
        let previous = (try? writer.checkOutput()) != nil ? SiteManifest(in: writer.output) : nil
        if let previous, previous.inputs == fingerprint, !configDiagnostics.hasErrors, writer.isIntact(previous) {
            return BuildReport(
                warnings: previous.warnings, output: writer.output, customerCount: -1, letterCount: -1,
                fileCount: previous.files.count, writtenCount: 0, upToDate: true)
        }

        let (site, pages, warnings, _) = try prepare(consume inputs, early: early, sharedKey: sharedKey)
        let failure = { (error: Error) in
            let failure = error as? SiteWriter.Failure ?? .io(writer.staging.path, reason: SiteWriter.reason(error))
            return BuildFailure(warnings + [.error(SourceLocation(path: writer.output.path), failure.description)])
        }
        let staged: StagedSite
        do {
            staged = try StagedSite(writer: writer, previous: previous)
        } catch {
            throw failure(error)
        }
        let total = pages.records.count
        let progress = options.progress
        let done = ProgressCounter()
        let kept = ProgressCounter()
        // A customer whose record, note and appointments are as in the last build, with the
        // same config, letters, templates and day, keeps their pages without rendering them.
        let results = pages.parallelMap(
            warnings: warnings, progress: { progress?(done.increment(), total) },
            keep: { paths, key -> Result<PutPages, SiteWriter.Failure>? in
                guard let pages = staged.keep(paths, source: key) else { return nil }
                _ = kept.increment()
                var put = PutPages()
                for (path, entry) in pages { put.add(path, entry, written: false) }
                return .success(put)
            }
        ) { files, key -> Result<PutPages, SiteWriter.Failure> in
            do {
                var put = PutPages()
                for file in files {
                    let (entry, written) = try staged.put(file, source: key)
                    put.add(file.path, entry, written: written)
                }
                return .success(put)
            } catch {
                return .failure(.io(writer.staging.path, reason: SiteWriter.reason(error)))
            }
        }
        var pageLines: [[UInt8]] = []
        pageLines.reserveCapacity(results.count)
        var fileCount = 0
        var written = 0
        do {
            for result in results {
                let put = try result.get()
                pageLines.append(put.manifestLines)
                fileCount += put.count
                written += put.written
            }
        } catch {
            staged.abandon()
            throw failure(error)
        }
        do {
            try staged.finish(SiteManifest(inputs: fingerprint, warnings: warnings, files: [:]), pageLines: pageLines)
        } catch {
            throw failure(error)
        }
        let (customerCount, letterCount) = (site.records.count, site.letters.count)
        // Consumed, so that no reference is left here and the other thread does free them.
        releaseInBackground((consume site, consume pages, consume results, consume pageLines))
        return BuildReport(
            warnings: warnings, output: writer.output, customerCount: customerCount, letterCount: letterCount,
            fileCount: fileCount, writtenCount: written, upToDate: false, keptCustomerCount: kept.value)
    }

    /// Some pages put in the new site: their lines of the manifest, how many there are, and
    /// how many of them were written rather than linked from the current site.
    private struct PutPages: Sendable {
        var manifestLines: [UInt8] = []
        var count = 0
        var written = 0

        mutating func add(_ path: String, _ entry: SiteManifest.Entry, written didWrite: Bool) {
            SiteManifest.appendLine(path, entry, to: &manifestLines)
            count += 1
            if didWrite { written += 1 }
        }
    }

    /// Lets another thread free what a build loaded and rendered. At 100,000 customers
    /// that takes most of a second, which whoever called the build need not wait for; a
    /// program that exits right after leaves the memory to the system.
    private func releaseInBackground<Value: Sendable>(_ value: consuming Value) {
        let value = value
        DispatchQueue.global(qos: .utility).async { withExtendedLifetime(value) {} }
    }

    /// What besides the files decides a build's output: the program, the day, how paths
    /// are shown in warnings.
    private var buildContext: [String] {
        var status = stat()
        let program = stat("/proc/self/exe", &status) == 0 ? "\(status.st_size) \(status.st_mtim.tv_sec).\(status.st_mtim.tv_nsec)" : "?"
        return ["rapport 1", program, options.today.description, options.displayPrefix]
    }

    private func outputFolder(_ config: SiteConfig) -> URL {
        options.outputDirectory ?? URL(fileURLWithPath: config.output, relativeTo: options.siteDirectory)
    }

    /// Loads and checks the site, and everything rendering needs; throws every problem
    /// found when one of them is an error.
    private func prepare(
        _ inputs: consuming SiteInputs, early: EarlyLoad?, sharedKey: UInt64? = nil
    ) throws(BuildFailure) -> (LoadedSite, PageRenderer, [Diagnostic], SiteWriter) {
        var diagnostics = Diagnostics()
        let site = load(inputs, early: early, &diagnostics)
        let writer = SiteWriter(output: outputFolder(site.config), siteDirectory: options.siteDirectory)
        do {
            try writer.checkOutput()
        } catch {
            diagnostics.error(SourceLocation(path: writer.output.path), error.description)
        }
        if diagnostics.hasErrors { throw BuildFailure(diagnostics.all) }
        let pages = PageRenderer(site, context: SiteContext(config: site.config, today: options.today), sharedKey: sharedKey)
        return (site, pages, diagnostics.warnings, writer)
    }

    // MARK: - Stages

    /// Everything in the site folder, loaded and checked; problems go to `diagnostics`.
    func load(_ diagnostics: inout Diagnostics) -> LoadedSite {
        let (inputs, early) = readInputs()
        return load(inputs, early: early, &diagnostics)
    }

    /// What `readInputs` loads while it reads the site folder.
    struct EarlyLoad: Sendable {
        var config: SiteConfig
        var records: [CustomerRecord]
        /// Ids of rows left out for their errors: already reported, so not "unknown" later.
        var rejectedIDs: Set<String> = []
        /// What loading the config and the records found.
        var diagnostics = Diagnostics()
        /// What is worked out from the records alone.
        var analysis: RecordAnalysis
        /// Each note file parsed as it was read, in file order.
        var notes: [ParsedNoteFile]
    }

    /// What is worked out from the records alone: duplicate customers, the directory's
    /// order and the pages' names. Beside the notes, as they need none.
    struct RecordAnalysis: Sendable {
        var duplicates: [DataQuality.Duplicate]
        var order: [CustomerRecord]
        var slugs: [String: String]

        init(_ records: [CustomerRecord]) {
            duplicates = DataQuality.findDuplicates(records)
            order = DirectoryView.sorted(records)
            slugs = Slug.slugs(for: records.map(\.id))
        }
    }

    /// A note file as `parseNote` left it.
    struct ParsedNoteFile: Sendable {
        var name: String
        var note: CustomerNote?
        var diagnostics: Diagnostics
    }

    /// The site folder read. Unless `unlessPreviousBuild` finds a manifest in the output
    /// folder, the config and the records are loaded (and analysed) on another thread
    /// while the folders are read, and each note is parsed as soon as it is read: reading
    /// many small files alone leaves a core idle part of the time, and each note's bytes
    /// are freed at once. With a manifest the build may well be up to date and need none
    /// of this (loading 100,000 records that were then not needed made an unchanged
    /// rebuild take half as long again): nil, and the folders are only read.
    private func readInputs(unlessPreviousBuild: Bool = false) -> (SiteInputs, EarlyLoad?) {
        var inputs = SiteInputs(filesOf: options.siteDirectory)
        var diagnostics = Diagnostics()
        let config = loadConfig(inputs, &diagnostics)
        if unlessPreviousBuild, access(outputFolder(config).appendingPathComponent(SiteManifest.fileName).path, F_OK) == 0 {
            inputs.readFolders(of: options.siteDirectory)
            return (inputs, nil)
        }
        let files = inputs
        let loader = NoteLoader(unsafeMarkdown: config.unsafeMarkdown)
        let siteDirectory = options.siteDirectory
        // Records under 64 KB take less time to load than a thread takes to start.
        var (early, notes) = concurrently(if: (files.customers?.bytes?.count ?? 0) >= 1 << 16, { [self, diagnostics] in
            var diagnostics = diagnostics
            var rejectedIDs: Set<String> = []
            let records = loadRecords(files, config, &rejectedIDs, &diagnostics)
            return EarlyLoad(
                config: config, records: records, rejectedIDs: rejectedIDs, diagnostics: diagnostics,
                analysis: RecordAnalysis(records), notes: [])
        }, {
            inputs.readFolders(of: siteDirectory, parsingNotes: { [self] file in parseNote(file, loader) })
        })
        early.notes = notes
        return (inputs, early)
    }

    /// `early`: what `readInputs` loaded while it read the folders, if anything.
    private func load(_ inputs: consuming SiteInputs, early: EarlyLoad?, _ diagnostics: inout Diagnostics) -> LoadedSite {
        let config: SiteConfig
        let records: [CustomerRecord]
        var rejectedIDs: Set<String> = []
        let analysis: RecordAnalysis
        let parsedNotes: [ParsedNoteFile]
        if let early {
            diagnostics.append(contentsOf: early.diagnostics)
            (config, records, rejectedIDs, analysis, parsedNotes) = (early.config, early.records, early.rejectedIDs, early.analysis, early.notes)
        } else {
            config = loadConfig(inputs, &diagnostics)
            records = loadRecords(inputs, config, &rejectedIDs, &diagnostics)
            let loader = NoteLoader(unsafeMarkdown: config.unsafeMarkdown)
            (analysis, parsedNotes) = concurrently(if: records.count >= 16, { [records] in RecordAnalysis(records) }, {
                // Handed over, not copied, so that each note's bytes can be freed once it is parsed.
                var files: [SiteInputs.File] = []
                swap(&files, &inputs.notes)
                return (consume files).parallelMapReleasing { [self] file in parseNote(file, loader) }
            })
        }
        let known = Set(records.map(\.id))
        let notes = collectNotes(parsedNotes, known, rejectedIDs, &diagnostics)
        let appointments = loadSchedule(inputs, config, known, rejectedIDs, &diagnostics)
        let letters = loadLetters(inputs, config, &diagnostics)
        let letterTexts = compileLetterTexts(notes, letters: letters, config: config, &diagnostics)
        let templates = TemplateSet(overrides: inputs.templates ?? [], displayDirectory: display("Templates"), diagnostics: &diagnostics)
        let quality = DataQuality(
            records: records, notes: notes, today: options.today, staleNoteDays: config.staleNoteDays, duplicates: analysis.duplicates)
        for warning in quality.warnings { diagnostics.append(warning) }
        return LoadedSite(
            config: config, records: records, notes: notes, appointments: appointments, letters: letters,
            letterTexts: letterTexts, templates: templates, quality: quality, directoryOrder: analysis.order, slugs: analysis.slugs)
    }

    private func loadConfig(_ inputs: SiteInputs, _ diagnostics: inout Diagnostics) -> SiteConfig {
        if let file = inputs.config {
            guard let text = TextFile.decode(file.bytes, path: display(file.name), diagnostics: &diagnostics) else { return SiteConfig() }
            return SiteConfig(yaml: text, path: display(file.name), diagnostics: &diagnostics)
        }
        diagnostics.warning(SourceLocation(path: display("rapport.yml")), "no rapport.yml in the site folder; using the defaults")
        return SiteConfig()
    }

    private func loadRecords(
        _ inputs: SiteInputs, _ config: SiteConfig, _ rejectedIDs: inout Set<String>, _ diagnostics: inout Diagnostics
    ) -> [CustomerRecord] {
        let path = display("content/customers.csv")
        guard let file = inputs.customers else {
            diagnostics.error(SourceLocation(path: path), "no customer records: the site folder needs content/customers.csv")
            return []
        }
        guard let bytes = file.bytes else {
            diagnostics.error(SourceLocation(path: path), "cannot read file")
            return []
        }
        return RecordLoader(path: path, config: config).loadRecords(from: bytes, diagnostics: &diagnostics, rejectedIDs: &rejectedIDs)
    }

    /// One note file decoded and parsed, on whichever thread read it.
    private func parseNote(_ file: SiteInputs.File, _ loader: NoteLoader) -> ParsedNoteFile {
        var found = Diagnostics()
        let path = display("content/notes/\(file.name)")
        var note = TextFile.decode(file.bytes, path: path, diagnostics: &found).flatMap {
            loader.loadNote($0, path: path, diagnostics: &found)
        }
        note?.sourceHash = file.hash
        return ParsedNoteFile(name: file.name, note: note, diagnostics: found)
    }

    /// The parsed notes by customer, checked and reported in file order.
    private func collectNotes(
        _ parsed: consuming [ParsedNoteFile], _ known: Set<String>, _ rejectedIDs: Set<String>, _ diagnostics: inout Diagnostics
    ) -> [String: CustomerNote] {
        var loaded = parsed
        var notes: [String: CustomerNote] = [:]
        notes.reserveCapacity(loaded.count)
        for index in loaded.indices {
            diagnostics.append(contentsOf: loaded[index].diagnostics)
            // Each note is moved, never copied: a copy retains each of its strings and arrays,
            // which another thread made, and releases them again when it goes.
            guard let note = loaded[index].note.take() else { continue }
            let name = loaded[index].name
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
            let id = note.customerID
            notes[id] = consume note
        }
        return notes
    }

    private func loadSchedule(
        _ inputs: SiteInputs, _ config: SiteConfig, _ known: Set<String>, _ rejectedIDs: Set<String>,
        _ diagnostics: inout Diagnostics
    ) -> [String: [Appointment]] {
        let path = display("content/schedule.csv")
        guard let file = inputs.schedule else { return [:] }
        guard let data = file.bytes else {
            diagnostics.error(SourceLocation(path: path), "cannot read file")
            return [:]
        }
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

    private func loadLetters(_ inputs: SiteInputs, _ config: SiteConfig, _ diagnostics: inout Diagnostics) -> [LetterTemplate] {
        let loader = LetterLoader(unsafeMarkdown: config.unsafeMarkdown, sitePaper: config.paper)
        return inputs.letters.compactMap { file in
            let path = display("content/letters/\(file.name)")
            guard let text = TextFile.decode(file.bytes, path: path, diagnostics: &diagnostics) else { return nil }
            return loader.loadLetter(text, name: String(file.name.dropLast(3)), path: path, diagnostics: &diagnostics)
        }
    }

    /// Customers' own letter texts (`## Letter: NAME` in their notes), checked like letters.
    private func compileLetterTexts(
        _ notes: [String: CustomerNote], letters: [LetterTemplate], config: SiteConfig, _ diagnostics: inout Diagnostics
    ) -> [String: [String: MustacheTemplate]] {
        let loader = LetterLoader(unsafeMarkdown: config.unsafeMarkdown, sitePaper: config.paper)
        let names = Set(letters.map(\.name))
        var result: [String: [String: MustacheTemplate]] = [:]
        // Only the few notes with letter texts are sorted (for the order of diagnostics).
        for (id, note) in notes.filter({ !$0.value.letterTexts.isEmpty }).sorted(by: { $0.key < $1.key }) {
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

    // MARK: - Files

    /// `name` as it appears in diagnostics: relative to where the user named the site from.
    private func display(_ name: String) -> String {
        options.displayPrefix.isEmpty ? name : "\(options.displayPrefix)/\(name)"
    }
}
