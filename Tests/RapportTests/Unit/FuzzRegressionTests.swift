import Foundation
import XCTest

@testable import Rapport

/// Inputs kept from fuzzing (Tests/RapportTests/Fixtures/fuzz/): each goes through the same
/// code as the fuzz targets in Fuzz/ and must come out with diagnostics, never a crash.
final class FuzzRegressionTests: XCTestCase {
    func inputs(_ kind: String) throws -> [(String, [UInt8])] {
        let folder = TestSupport.fixtures.appendingPathComponent("fuzz/\(kind)")
        return try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted().map { name in
            (name, Array(try Data(contentsOf: folder.appendingPathComponent(name))))
        }
    }

    func testKeptCSVInputsAreReadWithoutCrashing() throws {
        let inputs = try inputs("csv")
        XCTAssertFalse(inputs.isEmpty)
        for (name, bytes) in inputs {
            var diagnostics = Diagnostics()
            let rows = CSVReader(path: "content/customers.csv").read(bytes, diagnostics: &diagnostics)
            XCTAssertTrue(rows.allSatisfy { !$0.fields.isEmpty && $0.line >= 1 }, name)
            _ = RecordLoader(path: "content/customers.csv", config: SiteConfig()).loadRecords(from: bytes, diagnostics: &diagnostics)
            _ = ScheduleLoader(path: "content/schedule.csv").loadAppointments(from: bytes, diagnostics: &diagnostics)
            XCTAssertTrue(diagnostics.all.allSatisfy { ($0.location.line ?? 1) >= 1 && ($0.location.column ?? 1) >= 1 }, name)
        }
    }

    func testKeptNoteInputsAreReadWithoutCrashing() throws {
        let inputs = try inputs("note")
        XCTAssertFalse(inputs.isEmpty)
        for (name, bytes) in inputs {
            var diagnostics = Diagnostics()
            let note = NoteLoader(unsafeMarkdown: false)
                .loadNote(String(decoding: bytes, as: UTF8.self), path: "content/notes/C-1.md", diagnostics: &diagnostics)
            for html in [note?.html ?? ""] + (note?.visits.map(\.html) ?? []) {
                XCTAssertFalse(html.contains("<script"), name)
            }
            XCTAssertTrue(diagnostics.all.allSatisfy { ($0.location.line ?? 1) >= 1 && ($0.location.column ?? 1) >= 1 }, name)
        }
    }
}
