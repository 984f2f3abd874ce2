import Foundation
import XCTest

@testable import Rapport

final class SiteManifestTests: XCTestCase {
    private let entry = SiteManifest.Entry(
        contentHash: 0xFF, size: 12, modified: timespec(tv_sec: 1_700_000_000, tv_nsec: 5), source: 0xABC)

    func testAPageLineIsTabSeparatedNumbers() {
        var bytes: [UInt8] = []
        SiteManifest.appendLine("customers/ada.html", entry, to: &bytes)
        let siteWide = SiteManifest.Entry(contentHash: .max, size: 0, modified: timespec(tv_sec: 0, tv_nsec: 999_999_999))
        SiteManifest.appendLine("index.html", siteWide, to: &bytes)
        XCTAssertEqual(
            String(decoding: bytes, as: UTF8.self),
            "file\tcustomers/ada.html\tff\t12\t1700000000\t5\tabc\n" + "file\tindex.html\tffffffffffffffff\t0\t0\t999999999\n")
    }

    func testPathsWithATabOrNewlineAreLeftOut() {
        var bytes: [UInt8] = []
        SiteManifest.appendLine("a\tb.html", entry, to: &bytes)
        SiteManifest.appendLine("a\nb.html", entry, to: &bytes)
        XCTAssertEqual(bytes, [])
    }

    func testWhatIsWrittenIsReadBack() throws {
        let folder = try TestSupport.temporaryDirectory(self)
        defer { try? FileManager.default.removeItem(at: folder) }
        var pages: [UInt8] = []
        SiteManifest.appendLine("customers/ada.html", entry, to: &pages)
        let letter = SiteManifest.Entry(contentHash: 1, size: 3, modified: timespec(tv_sec: 2, tv_nsec: 0), source: .max)
        SiteManifest.appendLine("letters/thanks/ada.html", letter, to: &pages)
        let warning = Diagnostic.warning(SourceLocation(path: "content/a\tb.md", line: 3, column: 1), "odd\nname")
        let siteWide = SiteManifest.Entry(contentHash: 7, size: 9, modified: timespec(tv_sec: 10, tv_nsec: 11))
        let manifest = SiteManifest(inputs: 0x1234, warnings: [warning], files: ["index.html": siteWide])
        let bytes = manifest.bytes(pageLines: [pages, []])
        try Data(bytes).write(to: folder.appendingPathComponent(SiteManifest.fileName))

        let read = try XCTUnwrap(SiteManifest(in: folder))
        XCTAssertEqual(read.inputs, 0x1234)
        XCTAssertEqual(read.warnings, [warning])
        XCTAssertEqual(read.files, ["index.html": siteWide, "customers/ada.html": entry, "letters/thanks/ada.html": letter])
        // The files given as a list come first, then the pages' lines in the order given.
        let text = String(decoding: bytes, as: UTF8.self)
        XCTAssertLessThan(text.range(of: "index.html")!.lowerBound, text.range(of: "customers/ada.html")!.lowerBound)
        XCTAssertLessThan(text.range(of: "customers/ada.html")!.lowerBound, text.range(of: "letters/thanks")!.lowerBound)
    }
}
