import Foundation
import Glibc
import XCTest

@testable import Rapport

/// A large site is flushed to disk while it is written, and the flushed pages leave the
/// page cache; a small one is left for the final flush. Residency is read with `mincore`.
final class BackgroundFlushTests: XCTestCase {
    private let page = 4096

    func testFilesOfAFullBatchAreFlushedAndLeaveThePageCache() throws {
        let (folder, flush) = try flushedFolder(batchBytes: 16 * page)

        // 16 pages make a batch; the 8 written after it was flushed do not make another.
        let paths = try (0..<24).map { try write(folder, index: $0) }
        for path in paths[..<16] { flush.written(path, size: page) }
        XCTAssertTrue(waitUntil { !self.isCached(paths[15]) }, "the batch's pages were never dropped")
        XCTAssertTrue(paths[..<16].allSatisfy { !isCached($0) }, "a page of the flushed batch is still cached")
        for path in paths[16...] { flush.written(path, size: page) }
        XCTAssertTrue(paths[16...].allSatisfy(isCached), "pages not yet flushed were dropped")
        XCTAssertNil(flush.stop())
        XCTAssertNil(flush.stop(), "stopping again")
        for (index, path) in paths.enumerated() {
            XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: path)), contents(index), path)
        }
    }

    func testLessThanABatchIsLeftForTheFinalFlush() throws {
        let (folder, flush) = try flushedFolder(batchBytes: 16 * page)

        let paths = try (0..<15).map { try write(folder, index: $0) }
        for path in paths { flush.written(path, size: page) }
        XCTAssertNil(flush.stop())
        XCTAssertTrue(paths.allSatisfy(isCached), "a page was dropped before the final flush")
    }

    func testAFullSiteWrittenInManyBatchesIsComplete() throws {
        let root = try TestSupport.temporaryDirectory(self)
        let writer = SiteWriter(output: root.appendingPathComponent("_site"), siteDirectory: root.appendingPathComponent("site"))
        let staged = try StagedSite(writer: writer, previous: nil, flushBatchBytes: 3 * page)
        let files = (0..<40).map { OutputFile(path: "customers/c-\($0).html", contents: Array(contents($0))) }
        DispatchQueue.concurrentPerform(iterations: files.count) { _ = try? staged.put(files[$0]) }
        try staged.finish(SiteManifest())
        for file in files {
            XCTAssertEqual(try Data(contentsOf: writer.output.appendingPathComponent(file.path)), Data(file.contents), file.path)
        }
    }

    /// A new folder, and a flush of it in batches of `batchBytes`.
    private func flushedFolder(batchBytes: Int) throws -> (URL, BackgroundFlush) {
        let folder = try TestSupport.temporaryDirectory(self)
        let descriptor = open(folder.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        XCTAssertGreaterThanOrEqual(descriptor, 0)
        addTeardownBlock { close(descriptor) }
        return (folder, BackgroundFlush(folder: descriptor, batchBytes: batchBytes))
    }

    /// A page of bytes that differ from file to file.
    private func contents(_ index: Int) -> Data {
        Data((0..<page).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ index) })
    }

    private func write(_ folder: URL, index: Int) throws -> String {
        let url = folder.appendingPathComponent("page-\(index).html")
        try contents(index).write(to: url)
        return url.path
    }

    /// Whether the first page of the file at `path` is in the page cache.
    private func isCached(_ path: String) -> Bool {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        guard let mapped = mmap(nil, page, PROT_READ, MAP_SHARED, descriptor, 0), mapped != MAP_FAILED else { return false }
        defer { munmap(mapped, page) }
        var residency: UInt8 = 0
        return mincore(mapped, page, &residency) == 0 && residency & 1 == 1
    }

    /// Whether `condition` became true within 20 seconds.
    private func waitUntil(_ condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline {
            if condition() { return true }
            usleep(20_000)
        }
        return false
    }
}
