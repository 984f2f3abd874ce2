import Foundation
import XCTest

@testable import Rapport

/// Pages of the built site printed from the browser come out on the right paper: a
/// letter page at its letter's size, a folded card landscape, the coming-up sheet on the
/// site's paper with no navigation.
final class SitePrintTests: XCTestCase {
    func testSitePagesPrintAtTheirPaperSize() throws {
        let chromium = try ExternalTools.require(ExternalTools.chromium, "chromium", install: "apt-get install -y chromium")
        let pdfinfo = try ExternalTools.require(ExternalTools.findExecutable(["pdfinfo"]), "pdfinfo", install: "apt-get install -y poppler-utils")
        let folder = try TestSupport.temporaryDirectory(self)
        let site = folder.appendingPathComponent("_site")
        let options = BuildOptions(siteDirectory: TestSupport.packageRoot, outputDirectory: site, today: ExampleSiteTests.today)
        try SiteBuilder(options: options).build()

        let cases: [(page: String, pages: Int, width: Double, height: Double)] = [
            ("letters/thank-you/c-0001.html", 1, 595, 842),  // A4 letter
            ("letters/birthday/c-0005.html", 1, 842, 595),  // A5 card folded from an A4 sheet, landscape
            ("coming-up.html", 2, 595, 842),
        ]
        for item in cases {
            let pdf = folder.appendingPathComponent("out.pdf")
            try? FileManager.default.removeItem(at: pdf)
            let result = try ExternalTools.run(
                chromium,
                HeadlessChromium.baseArguments + [
                    "--user-data-dir=\(folder.appendingPathComponent("profile").path)", "--no-pdf-header-footer",
                    "--print-to-pdf=\(pdf.path)", site.appendingPathComponent(item.page).absoluteString,
                ])
            XCTAssertEqual(result.status, 0, item.page)
            let info = try ExternalTools.run(pdfinfo, [pdf.path]).stdout
            let (pages, width, height) = try Self.pagesAndSize(info)
            XCTAssertEqual(pages, item.pages, item.page)
            XCTAssertEqual(width, item.width, accuracy: 1.5, item.page)
            XCTAssertEqual(height, item.height, accuracy: 1.5, item.page)
        }
    }

    /// Reads "Pages: N" and "Page size: W x H pts" from pdfinfo's output.
    static func pagesAndSize(_ info: String) throws -> (Int, Double, Double) {
        var pages = 0
        var size: (Double, Double) = (0, 0)
        for line in info.split(separator: "\n") {
            let parts = line.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2 else { continue }
            if parts[0] == "Pages" { pages = Int(parts[1]) ?? 0 }
            if parts[0] == "Page size" {
                let numbers = parts[1].split(separator: " ").compactMap { Double($0) }
                if numbers.count >= 2 { size = (numbers[0], numbers[1]) }
            }
        }
        return (pages, size.0, size.1)
    }
}
