import ArgumentParser
import Foundation
import Rapport
import Synchronization

@main
struct RapportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rapport",
        abstract: "Builds recall cards, letters and a customer directory from customer records and notes.",
        discussion: """
            Exit status: 0 success, 1 the site has errors (each printed as path:line:column), \
            64 the command line is wrong.
            """,
        version: "0.1.0",
        subcommands: [Build.self, Check.self, Print.self],
        defaultSubcommand: Build.self)
}

struct SiteOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The site folder: rapport.yml, content/, Templates/.", valueName: "dir"))
    var site: String = "."

    @Option(name: .long, help: ArgumentHelp("The day to build for, as YYYY-MM-DD (default: today).", valueName: "date"))
    var today: String?

    @Flag(name: .shortAndLong, help: "Print only errors and warnings.")
    var quiet = false

    func validate() throws {
        if let today, CalendarDay(iso: today) == nil {
            throw ValidationError("--today must be a real date written YYYY-MM-DD, not '\(today)'")
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: site, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ValidationError("--site '\(site)' is not a folder")
        }
    }

    func buildOptions(output: String?) -> BuildOptions {
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let siteURL = URL(fileURLWithPath: site, relativeTo: cwd).standardizedFileURL
        let prefix = site == "." || site == "./" ? "" : (site.hasSuffix("/") ? String(site.dropLast()) : site)
        return BuildOptions(
            siteDirectory: siteURL,
            outputDirectory: output.map { URL(fileURLWithPath: $0, relativeTo: cwd).standardizedFileURL },
            today: today.flatMap { CalendarDay(iso: $0) } ?? Self.currentDay(),
            displayPrefix: prefix)
    }

    /// Today in the machine's time zone: the day staff are working.
    static func currentDay() -> CalendarDay {
        let parts = Calendar.current.dateComponents([.year, .month, .day], from: Date())
        return CalendarDay(year: parts.year!, month: parts.month!, day: parts.day!)!
    }
}

/// Prints diagnostics on stderr, errors and warnings alike.
func report(_ diagnostics: [Diagnostic]) {
    for diagnostic in diagnostics {
        FileHandle.standardError.write(Data((diagnostic.description + "\n").utf8))
    }
}

/// "1 letter", "2 letters".
func counted(_ count: Int, _ noun: String) -> String {
    "\(count) \(noun)\(count == 1 ? "" : "s")"
}

func fail(_ failure: BuildFailure) -> ExitCode {
    report(failure.diagnostics)
    let errors = failure.diagnostics.filter { $0.severity == .error }.count
    FileHandle.standardError.write(Data("rapport: \(errors) error\(errors == 1 ? "" : "s"); nothing was written\n".utf8))
    return ExitCode(1)
}

struct Build: ParsableCommand {
    // Each subcommand names itself: otherwise the parser works the name out from the
    // type's, through the runtime's type lookups, on every run (about 0.4 ms of CPU).
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build the site into its output folder (default: the config's output, _site).")

    @OptionGroup var siteOptions: SiteOptions

    @Option(name: .long, help: ArgumentHelp("Write the site here instead of the config's output folder.", valueName: "dir"))
    var out: String?

    func run() throws {
        let start = Date()
        var options = siteOptions.buildOptions(output: out)
        let progress = ProgressLine.shouldShow(quiet: siteOptions.quiet) ? ProgressLine(start: start) : nil
        if let progress {
            options.progress = { done, total in progress.update(done, of: total) }
        }
        do {
            let site = try SiteBuilder(options: options).build()
            progress?.clear()
            report(site.warnings)
            if !siteOptions.quiet {
                let seconds = String(format: "%.2f", Date().timeIntervalSince(start))
                if site.upToDate {
                    print("Up to date: nothing changed since the last build; \(counted(site.fileCount, "file")) kept (\(seconds) s).")
                } else {
                    print(
                        "Built \(counted(site.fileCount, "file")) (\(counted(site.customerCount, "customer")), \(counted(site.letterCount, "letter"))) in \(seconds) s: "
                            + "\(site.writtenCount) written, \(site.fileCount - site.writtenCount) unchanged"
                            + (site.keptCustomerCount > 0 ? " (\(counted(site.keptCustomerCount, "customer")) not rendered again: nothing of theirs changed)." : "."))
                }
                print("Open \(site.output.appendingPathComponent("index.html").path)")
            }
        } catch {
            progress?.clear()
            throw fail(error)
        }
    }
}

/// "Rendering 4,500 of 10,000 customers" on the terminal while a long build runs: only
/// on a terminal, never in CI or with --quiet, shown after the first half second and
/// updated ten times a second.
final class ProgressLine: Sendable {
    private let start: Date
    private let state = Mutex<(shown: Bool, last: TimeInterval)>((false, 0))

    init(start: Date) {
        self.start = start
    }

    static func shouldShow(quiet: Bool) -> Bool {
        !quiet && isatty(STDERR_FILENO) == 1 && ProcessInfo.processInfo.environment["CI"] == nil
    }

    func update(_ done: Int, of total: Int) {
        let elapsed = Date().timeIntervalSince(start)
        let text: String? = state.withLock { state in
            guard elapsed > 0.5, elapsed - state.last >= 0.1 || done == total else { return nil }
            state = (true, elapsed)
            return "\rRendering \(done.formatted()) of \(counted(total, "customer"))\u{1B}[K"
        }
        if let text { FileHandle.standardError.write(Data(text.utf8)) }
    }

    /// Removes the line, if it was shown, before the summary and any warnings.
    func clear() {
        if state.withLock({ $0.shown }) { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check", abstract: "Load, check and render the site without writing anything.")

    @OptionGroup var siteOptions: SiteOptions

    func run() throws {
        do {
            let site = try SiteBuilder(options: siteOptions.buildOptions(output: nil)).check()
            report(site.warnings)
            if !siteOptions.quiet {
                print("No errors: \(counted(site.customerCount, "customer")), \(counted(site.letterCount, "letter")), \(counted(site.warnings.count, "warning")).")
            }
        } catch {
            throw fail(error)
        }
    }
}

struct Print: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "print",
        abstract: "Print a letter or card for a selection of customers: one page each, plus their envelopes.",
        discussion: """
            Writes LETTER-SELECTION.html (one letter or card per page, at the letter's paper size) and \
            LETTER-SELECTION-envelopes.html into the output folder; with --pdf, also a PDF of each, \
            printed by headless Chromium.

            Selections: \(Selection.help). Examples:
              rapport print thank-you --for week --pdf
              rapport print birthday --for birthdays:30
              rapport print come-back --for not-seen:90
              rapport print thank-you --for C-0001,C-0007
            """)

    @Argument(help: ArgumentHelp("The letter: a file name in content/letters/, without .md.", valueName: "letter"))
    var letter: String

    @Option(name: .customLong("for"), help: ArgumentHelp("Who it is for (default: the letter's 'for:').", valueName: "selection"))
    var selection: String?

    @Option(name: .long, help: ArgumentHelp("Folder for the documents (default: _print in the site folder).", valueName: "dir"))
    var out: String?

    @Flag(name: .long, help: "Also print the documents to PDF with headless Chromium.")
    var pdf = false

    @OptionGroup var siteOptions: SiteOptions

    func validate() throws {
        if let selection {
            do {
                _ = try Selection(parsing: selection)
            } catch {
                throw ValidationError("--for: \(error.description)")
            }
        }
    }

    func run() throws {
        let options = siteOptions.buildOptions(output: nil)
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let output = out.map { URL(fileURLWithPath: $0, relativeTo: cwd).standardizedFileURL }
            ?? options.siteDirectory.appendingPathComponent("_print")
        let request = PrintRequest(
            letter: letter, selection: try selection.map { try Selection(parsing: $0) }, output: output, pdf: pdf)
        do {
            let batch = try SiteBuilder(options: options).printLetters(request)
            report(batch.warnings)
            if !siteOptions.quiet {
                let count = counted(batch.recipientIDs.count, batch.paper.kind == .letter ? "letter" : batch.paper.kind.rawValue)
                print("Printed \(count) for '\(batch.selection)' on \(batch.paper.name), with \(batch.envelope.name) envelopes:")
                for file in [batch.letters, batch.envelopes] + batch.pdfs { print("  \(file.path)") }
            }
        } catch {
            switch error {
            case .site(let failure): throw fail(failure)
            case .selection(let message):
                FileHandle.standardError.write(Data("rapport: \(message)\n".utf8))
                throw ExitCode(64)
            case .nobody(let message):
                if !siteOptions.quiet { print(message) }
            case .pdf(let message), .io(let message):
                FileHandle.standardError.write(Data("rapport: \(message)\n".utf8))
                throw ExitCode(1)
            }
        }
    }
}
