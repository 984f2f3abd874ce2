import Foundation
import XCTest

@testable import Rapport

/// Pages are created relative to their folders, which the staged site makes and opens the
/// first time a page goes into them.
final class StagedSiteTests: XCTestCase {
    func testPagesInNestedFoldersFromManyThreadsAreAllWritten() throws {
        let writer = try siteWriter()
        let staged = try StagedSite(writer: writer, previous: nil)
        let folders = ["", "customers/", "letters/thank-you/", "letters/birthday/"]
        let files = (0..<64).map { OutputFile(path: "\(folders[$0 % 4])page-\($0).html", contents: Array("page \($0)\n".utf8)) }
        DispatchQueue.concurrentPerform(iterations: files.count) { index in
            do { _ = try staged.put(files[index]) } catch { XCTFail("\(files[index].path): \(error)") }
        }
        try staged.finish(SiteManifest())
        for file in files {
            XCTAssertEqual(try Data(contentsOf: writer.output.appendingPathComponent(file.path)), Data(file.contents), file.path)
        }
    }

    func testAPageWhoseFolderIsAFileFailsWithTheReason() throws {
        let staged = try StagedSite(writer: try siteWriter(), previous: nil)
        _ = try staged.put(OutputFile(path: "customers", contents: Array("a file\n".utf8)))

        XCTAssertThrowsError(try staged.put(OutputFile(path: "customers/c-1.html", contents: []))) { error in
            XCTAssertEqual((error as? POSIXError)?.code, .ENOTDIR)
        }
        staged.abandon()
    }

    private func siteWriter() throws -> SiteWriter {
        let root = try TestSupport.temporaryDirectory(self)
        return SiteWriter(output: root.appendingPathComponent("_site"), siteDirectory: root.appendingPathComponent("site"))
    }
}
