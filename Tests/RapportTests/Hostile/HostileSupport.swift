import Foundation
import XCTest

/// What the hostile-input tests share: running the real binary on a fixture copy or on a
/// generated site, the exact stderr, the pages it wrote, and the checks every built site
/// must pass (no live markup, no file outside the output folder, no name that folds onto
/// another on a case-insensitive or normalizing file system).
enum Hostile {
    static let today = EndToEnd.today
    /// Generous for a debug build on a shared two-core machine; a hang or a quadratic
    /// blow-up takes minutes.
    static let timeLimit: TimeInterval = 10

    static let data = TestSupport.packageRoot.appendingPathComponent("Tests/RapportTests/Data")

    /// The config of every generated site.
    static let config = "business:\n  name: Test Salon\nlocale: en_GB\n"

    struct Run {
        var result: TestSupport.ProcessResult
        var seconds: TimeInterval
    }

    /// A run still going after this long is stopped, so that a hang fails the test
    /// instead of blocking the suite.
    static let killAfter: TimeInterval = 60

    /// Runs `rapport ARGUMENTS --today 2026-11-22` in `site`, timed.
    static func rapport(_ arguments: [String], in site: URL) throws -> Run {
        let start = Date()
        let child = try TestSupport.Child(TestSupport.binary.path, arguments + ["--today", today], in: site)
        var stopped = false
        while child.process.isRunning {
            if Date().timeIntervalSince(start) > killAfter {
                child.process.terminate()
                stopped = true
                XCTFail("rapport \(arguments.joined(separator: " ")) still running after \(Int(killAfter)) s: stopped")
                break
            }
            Thread.sleep(forTimeInterval: 0.01)
        }
        let result = child.wait()
        let seconds = Date().timeIntervalSince(start)
        if child.process.terminationReason == .uncaughtSignal, !stopped {
            XCTFail("rapport \(arguments.joined(separator: " ")) died of signal \(child.process.terminationStatus)")
        }
        return Run(result: result, seconds: seconds)
    }

    /// A site folder in a fresh temporary place, with `files` (path → bytes) and the standard config.
    static func site(_ files: [String: [UInt8]], _ test: XCTestCase, config: String = Hostile.config) throws -> URL {
        let root = try TestSupport.temporaryDirectory(test).appendingPathComponent("site")
        var files = files
        if files["rapport.yml"] == nil { files["rapport.yml"] = Array(config.utf8) }
        for (path, bytes) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(bytes).write(to: url)
        }
        return root
    }

    static func site(text files: [String: String], _ test: XCTestCase, config: String = Hostile.config) throws -> URL {
        try site(files.mapValues { Array($0.utf8) }, test, config: config)
    }

    static func expectedStderr(_ site: URL) throws -> String? {
        let url = site.appendingPathComponent("expected-stderr.txt")
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        return try EndToEnd.text(url)
    }

    /// A fixture is invalid when its expected stderr is that of a failed run.
    static func isInvalid(fixture: URL) throws -> Bool {
        try expectedStderr(fixture)?.hasSuffix("; nothing was written\n") ?? false
    }

    /// `rapport check` and `rapport build` on a copy of `fixture` both exit 1 with exactly
    /// its `expected-stderr.txt`, print nothing on stdout, write nothing, and finish in time.
    static func assertRejected(_ fixture: String, _ test: XCTestCase, file: StaticString = #filePath, line: UInt = #line) throws {
        let site = try TestSupport.copyFixture(fixture, test)
        let expected = try XCTUnwrap(try expectedStderr(site), "\(fixture) has no expected-stderr.txt", file: file, line: line)
        XCTAssertTrue(expected.hasSuffix("; nothing was written\n"), "\(fixture)/expected-stderr.txt is not a failed run's", file: file, line: line)
        try assertRejected(site: site, expected: expected, file: file, line: line)
    }

    /// As above, for a generated site.
    static func assertRejected(site: URL, expected: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let before = try EndToEnd.tree(site)
        let parentBefore = EndToEnd.listing(site.deletingLastPathComponent())
        for command in ["check", "build"] {
            let run = try rapport([command], in: site)
            XCTAssertEqual(run.result.status, 1, "rapport \(command) exit status", file: file, line: line)
            XCTAssertEqual(run.result.stderr, expected, "rapport \(command) stderr", file: file, line: line)
            XCTAssertEqual(run.result.stdout, "", "rapport \(command) stdout", file: file, line: line)
            XCTAssertLessThan(run.seconds, timeLimit, "rapport \(command) took too long", file: file, line: line)
            XCTAssertEqual(try EndToEnd.tree(site), before, "rapport \(command) changed the site folder", file: file, line: line)
            XCTAssertEqual(EndToEnd.listing(site.deletingLastPathComponent()), parentBefore, "rapport \(command) wrote beside the site", file: file, line: line)
        }
    }

    struct Built {
        var site: URL
        var output: URL
        /// Every file of the output, by path inside it.
        var files: [String: Data]
        /// How long `rapport check` took: loading, checking and rendering everything.
        var checkSeconds: TimeInterval
        /// How long `rapport build` took: the same, and writing each file (with an fsync:
        /// a thousand pages take seconds on a slow disk, so only big inputs' tests assert it).
        var seconds: TimeInterval

        /// The HTML pages, by path.
        var pages: [String: String] {
            var pages: [String: String] = [:]
            for (path, data) in files where path.hasSuffix(".html") { pages[path] = String(decoding: data, as: UTF8.self) }
            return pages
        }

        func page(_ path: String, file: StaticString = #filePath, line: UInt = #line) throws -> String {
            try XCTUnwrap(pages[path], "no page \(path)", file: file, line: line)
        }
    }

    /// Builds a copy of `fixture`: exit 0, stderr exactly its `expected-stderr.txt` (or
    /// nothing), for `check` too, which must finish within the time limit; then every page
    /// passes the live-markup check and every file name the safety checks.
    @discardableResult
    static func assertBuilds(_ fixture: String, _ test: XCTestCase, file: StaticString = #filePath, line: UInt = #line) throws -> Built {
        let site = try TestSupport.copyFixture(fixture, test)
        return try assertBuilds(site: site, expected: try expectedStderr(site) ?? "", file: file, line: line)
    }

    @discardableResult
    static func assertBuilds(site: URL, expected: String = "", file: StaticString = #filePath, line: UInt = #line) throws -> Built {
        try assertBuilds(site: site, file: file, line: line) { stderr in
            XCTAssertEqual(stderr, expected, "rapport check stderr", file: file, line: line)
        }
    }

    /// As above, with `checkStderr` judging the diagnostics of `rapport check`; `build`
    /// must print the same.
    @discardableResult
    static func assertBuilds(
        site: URL, file: StaticString = #filePath, line: UInt = #line, checkStderr: (String) -> Void
    ) throws -> Built {
        let check = try rapport(["check", "-q"], in: site)
        XCTAssertEqual(check.result.status, 0, "rapport check: \(check.result.stderr.prefix(2000))", file: file, line: line)
        checkStderr(check.result.stderr)
        let expected = check.result.stderr
        XCTAssertLessThan(check.seconds, timeLimit, "rapport check took too long", file: file, line: line)
        let output = site.deletingLastPathComponent().appendingPathComponent("out")
        let build = try rapport(["build", "-q", "--out", output.path], in: site)
        XCTAssertEqual(build.result.status, 0, "rapport build: \(build.result.stderr.prefix(2000))", file: file, line: line)
        XCTAssertEqual(build.result.stderr, expected, "rapport build stderr", file: file, line: line)
        XCTAssertEqual(build.result.stdout, "", file: file, line: line)
        let built = Built(
            site: site, output: output, files: try TestSupport.snapshot(of: output), checkSeconds: check.seconds,
            seconds: build.seconds)
        assertNoLiveMarkup(built.pages, file: file, line: line)
        try assertSafeNames(in: output, file: file, line: line)
        return built
    }

    // MARK: - Live markup

    /// Why each tag of each page would run something: LiveMarkup's reading, plus Rapport's
    /// one script, `<script src="assets/search.js">`, only on the directory.
    static func liveMarkup(in pages: [String: String]) -> [String] {
        let allowed = LiveMarkup.allowedNames
        var problems: [String] = []
        for (path, html) in pages.sorted(by: { $0.key < $1.key }) {
            for tag in LiveMarkup.startTags(in: html) {
                if let problem = LiveMarkup.problem(with: tag, allowedNames: allowed) {
                    problems.append("\(path): \(problem): \(tag.source.prefix(200))")
                } else if tag.name == "script" {
                    let source = tag.attributes.first { $0.name == "src" }?.value
                    if path != "index.html" || source != "assets/search.js" || tag.attributes.count != 1 {
                        problems.append("\(path): a script Rapport does not write: \(tag.source.prefix(200))")
                    }
                }
            }
        }
        return problems
    }

    static func assertNoLiveMarkup(_ pages: [String: String], file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertFalse(pages.isEmpty, "no pages", file: file, line: line)
        let problems = liveMarkup(in: pages)
        XCTAssertEqual(problems, [], "live markup", file: file, line: line)
    }

    // MARK: - File names

    /// Walks `output` (symbolic links not followed): every entry is a plain file or folder
    /// whose resolved path is inside `output`; every name Rapport derives from an id or a
    /// letter name is `[a-z0-9-]+`; and no two names of a folder are equal once lowercased
    /// and normalized (NFC and NFKC), as macOS and Windows file systems compare them.
    static func assertSafeNames(in output: URL, file: StaticString = #filePath, line: UInt = #line) throws {
        let fileManager = FileManager.default
        let root = output.resolvingSymlinksInPath().standardizedFileURL.path
        var byFolder: [String: [String]] = [:]
        let keys: [URLResourceKey] = [.isSymbolicLinkKey, .isDirectoryKey, .isRegularFileKey]
        let enumerator = fileManager.enumerator(at: output, includingPropertiesForKeys: keys)
        while let url = enumerator?.nextObject() as? URL {
            let values = try url.resourceValues(forKeys: Set(keys))
            let relative = String(url.standardizedFileURL.path.dropFirst(output.standardizedFileURL.path.count + 1))
            XCTAssertNotEqual(values.isSymbolicLink, true, "\(relative) is a symbolic link", file: file, line: line)
            XCTAssertTrue(values.isDirectory == true || values.isRegularFile == true, "\(relative) is neither file nor folder", file: file, line: line)
            let resolved = url.resolvingSymlinksInPath().standardizedFileURL.path
            XCTAssertTrue(resolved.hasPrefix(root + "/"), "\(relative) resolves outside the output: \(resolved)", file: file, line: line)
            let components = relative.split(separator: "/").map(String.init)
            XCTAssertFalse(components.contains("..") || components.contains("."), relative, file: file, line: line)
            byFolder[components.dropLast().joined(separator: "/"), default: []].append(components.last ?? "")
            // customers/SLUG.html, letters/LETTER/ and letters/LETTER/SLUG.html are derived from input.
            let derived: String?
            switch components.count {
            case 2 where components[0] == "customers": derived = components[1]
            case 2 where components[0] == "letters": derived = components[1]
            case 3 where components[0] == "letters": derived = components[2]
            default: derived = nil
            }
            if let name = derived {
                let stem = name.hasSuffix(".html") ? String(name.dropLast(5)) : name
                let safe = !stem.isEmpty && stem.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
                XCTAssertTrue(safe, "derived name '\(relative)' is not [a-z0-9-]", file: file, line: line)
            }
        }
        for (folder, names) in byFolder {
            for fold in [{ (s: String) in s.lowercased().precomposedStringWithCanonicalMapping },
                         { (s: String) in s.lowercased().precomposedStringWithCompatibilityMapping.lowercased() }] {
                var seen: [String: String] = [:]
                for name in names.sorted() {
                    let key = fold(name)
                    if let other = seen[key] {
                        XCTFail("'\(folder)/\(name)' and '\(folder)/\(other)' fold to the same name", file: file, line: line)
                    }
                    seen[key] = name
                }
            }
        }
    }

    /// The slug of each card, keyed by a text that only that customer's card holds.
    static func cardSlugs(_ built: Built, markers: [String]) -> [String: String] {
        var result: [String: String] = [:]
        for (path, html) in built.pages where path.hasPrefix("customers/") {
            for marker in markers where html.contains(marker) {
                XCTAssertNil(result[marker], "\(marker) is on two cards")
                result[marker] = String(path.dropFirst("customers/".count).dropLast(".html".count))
            }
        }
        return result
    }

    // MARK: - Text

    /// How a template writes a value: the five characters Mustache escapes.
    static func escaped(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// A CSV field, always quoted, its quotes doubled (RFC 4180). Scalar by scalar: a quote
    /// followed by a combining mark is one Character, which a Character search would miss.
    static func csvField(_ text: String) -> String {
        var field = "\""
        for scalar in text.unicodeScalars {
            if scalar == "\"" { field += "\"" }
            field.unicodeScalars.append(scalar)
        }
        return field + "\""
    }

    static func csv(_ rows: [[String]]) -> String {
        rows.map { $0.map(csvField).joined(separator: ",") }.joined(separator: "\n") + "\n"
    }

    /// Each of `expected` is a whole line of `html` (indentation aside).
    static func assertLines(_ html: String, _ expected: [String], file: StaticString = #filePath, line: UInt = #line) {
        let actual = Set(lines(html))
        for wanted in expected {
            XCTAssertTrue(actual.contains(wanted), "no line: \(wanted.prefix(300))", file: file, line: line)
        }
    }

    /// Whether `page` holds `text`, byte for byte (fast on pages of megabytes, and blind
    /// to Unicode equivalence, unlike a search by Characters).
    static func has(_ page: String, _ text: some StringProtocol) -> Bool {
        Data(page.utf8).range(of: Data(text.utf8)) != nil
    }

    /// The lines of `html` with their indentation removed.
    static func lines(_ html: String) -> [String] {
        html.components(separatedBy: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
    }
}
