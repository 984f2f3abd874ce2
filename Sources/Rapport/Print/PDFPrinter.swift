import Foundation

/// Prints an HTML document to PDF with headless Chromium, which honours CSS `@page`
/// sizes, so each page comes out at its preset's exact size.
struct PDFPrinter {
    var executable: String

    static let installHint = "install it with 'sudo apt-get install chromium' (Debian/Ubuntu), or print the HTML from your browser"

    /// The first `chromium`, `chromium-browser` or `google-chrome` on the PATH.
    static func find() throws(PrintFailure) -> PDFPrinter {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for name in ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"] {
            for folder in path.split(separator: ":") where FileManager.default.isExecutableFile(atPath: "\(folder)/\(name)") {
                return PDFPrinter(executable: "\(folder)/\(name)")
            }
        }
        throw .pdf("--pdf needs Chromium, which is not installed: \(installHint). The HTML documents were written.")
    }

    func print(_ document: URL, to pdf: URL) throws(PrintFailure) {
        let profile = FileManager.default.temporaryDirectory.appendingPathComponent("rapport-chromium-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: profile) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = [
            "--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions",
            "--user-data-dir=\(profile.path)", "--no-pdf-header-footer", "--virtual-time-budget=5000",
            "--print-to-pdf=\(pdf.path)", document.absoluteURL.absoluteString,
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try? FileManager.default.removeItem(at: pdf)
        do {
            try process.run()
        } catch {
            throw .pdf("cannot start \(executable): \(error)")
        }
        process.waitUntilExit()
        guard process.terminationStatus == 0, FileManager.default.fileExists(atPath: pdf.path) else {
            throw .pdf("\(executable) could not print \(document.path) to PDF (exit status \(process.terminationStatus))")
        }
    }
}
