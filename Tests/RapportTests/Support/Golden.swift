import Foundation
import XCTest

/// Compares a set of generated files with the golden copies in a folder. Set
/// `RAPPORT_RECORD_GOLDEN=1` to rewrite the golden folder from the actual output.
enum Golden {
    static var isRecording: Bool { ProcessInfo.processInfo.environment["RAPPORT_RECORD_GOLDEN"] == "1" }

    static func assertMatches(
        _ actual: [String: Data], golden folder: URL, file: StaticString = #filePath, line: UInt = #line
    ) throws {
        if isRecording {
            try? FileManager.default.removeItem(at: folder)
            for (path, data) in actual {
                let url = folder.appendingPathComponent(path)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try data.write(to: url)
            }
            return
        }
        let expected = try TestSupport.snapshot(of: folder)
        let missing = Set(expected.keys).subtracting(actual.keys).sorted()
        let unexpected = Set(actual.keys).subtracting(expected.keys).sorted()
        XCTAssertEqual(missing, [], "golden files the build no longer writes", file: file, line: line)
        XCTAssertEqual(unexpected, [], "files the build writes that have no golden copy (record with RAPPORT_RECORD_GOLDEN=1)", file: file, line: line)
        for path in Set(expected.keys).intersection(actual.keys).sorted() where expected[path] != actual[path] {
            XCTFail(
                "\(path) differs from its golden copy (re-record with RAPPORT_RECORD_GOLDEN=1 if the change is intended):\n"
                    + lineDiff(expected: String(decoding: expected[path]!, as: UTF8.self), actual: String(decoding: actual[path]!, as: UTF8.self)),
                file: file, line: line)
        }
    }

    /// A unified-style line diff (longest common subsequence), changed lines with two of context.
    static func lineDiff(expected: String, actual: String, context: Int = 2) -> String {
        let old = expected.components(separatedBy: "\n")
        let new = actual.components(separatedBy: "\n")
        // lengths[i][j]: the LCS length of old[i...] and new[j...].
        var lengths = Array(repeating: Array(repeating: 0, count: new.count + 1), count: old.count + 1)
        for i in stride(from: old.count - 1, through: 0, by: -1) {
            for j in stride(from: new.count - 1, through: 0, by: -1) {
                lengths[i][j] = old[i] == new[j] ? lengths[i + 1][j + 1] + 1 : max(lengths[i + 1][j], lengths[i][j + 1])
            }
        }
        var edits: [(mark: Character, text: String, line: Int)] = []
        var (i, j) = (0, 0)
        while i < old.count || j < new.count {
            if i < old.count, j < new.count, old[i] == new[j] {
                edits.append((" ", old[i], i + 1))
                i += 1
                j += 1
            } else if i < old.count, j == new.count || lengths[i + 1][j] >= lengths[i][j + 1] {
                edits.append(("-", old[i], i + 1))
                i += 1
            } else {
                edits.append(("+", new[j], i + 1))
                j += 1
            }
        }
        let changed = edits.indices.filter { edits[$0].mark != " " }
        var shown = Set<Int>()
        for index in changed { shown.formUnion(max(0, index - context)...min(edits.count - 1, index + context)) }
        var lines: [String] = []
        var previous = -2
        for index in shown.sorted() {
            if index != previous + 1 { lines.append("@@ golden line \(edits[index].line) @@") }
            lines.append("\(edits[index].mark) \(edits[index].text)")
            previous = index
        }
        return lines.prefix(80).joined(separator: "\n")
    }
}
