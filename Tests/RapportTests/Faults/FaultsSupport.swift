import Foundation
import XCTest

#if canImport(Glibc)
    import Glibc
#endif

/// What the fault-injection tests share: starting the real binary so it can be killed,
/// mounting small or read-only file systems, and generating sites of any size.
enum FaultsSupport {
    /// The names a site folder may hold after an interrupted build, besides its input.
    static let leftoverNames = ["_site.rapport-new", "_site.rapport-old"]

    /// `path: error: message` and the closing line, as `rapport` prints a single error.
    static func failure(_ path: String, _ message: String) -> String {
        "\(path): error: \(message)\nrapport: 1 error; nothing was written\n"
    }

    static func notOurs(_ path: String) -> String {
        "refusing to replace '\(path)': it exists and was not created by Rapport (no .rapport-site file in it); choose another output folder or remove it"
    }

    // MARK: - Processes

    /// Starts the real `rapport` binary.
    static func start(
        _ arguments: [String], in directory: URL, environment: [String: String]? = nil
    ) throws -> TestSupport.Child {
        try TestSupport.Child(TestSupport.binary.path, arguments, in: directory, environment: environment)
    }

    /// Runs the real `rapport` binary to completion.
    static func run(_ arguments: [String], in directory: URL, environment: [String: String]? = nil) throws -> TestSupport.ProcessResult {
        try start(arguments, in: directory, environment: environment).wait()
    }

    /// The environment of this process with `HOME` replaced, so a test never touches the real home.
    static func environment(home: URL) -> [String: String] {
        var environment = ProcessInfo.processInfo.environment
        environment["HOME"] = home.path
        return environment
    }

    // MARK: - File systems

    /// Mounts a tmpfs of `size` (as `mount -o size=` reads it) on a fresh folder and unmounts
    /// it when the test ends, failed or not. Skips, loudly, where mounting is not permitted.
    static func mountTmpfs(size: String, _ test: XCTestCase) throws -> URL {
        let mountPoint = try TestSupport.temporaryDirectory(test).appendingPathComponent("mnt")
        try FileManager.default.createDirectory(at: mountPoint, withIntermediateDirectories: false)
        guard let mount = ExternalTools.findExecutable(["mount"]) else {
            throw skip("there is no 'mount' command")
        }
        let result = try TestSupport.runProcess(mount, ["-t", "tmpfs", "-o", "size=\(size),mode=0755", "rapport-faults", mountPoint.path])
        guard result.status == 0 else {
            let text = result.stderr.lowercased()
            if ["permission denied", "operation not permitted", "must be superuser", "only root"].contains(where: text.contains) {
                throw skip("cannot mount a tmpfs here (\(result.stderr.trimmingCharacters(in: .whitespacesAndNewlines))); run the suite as root")
            }
            XCTFail("mount -t tmpfs failed: \(result.stderr)")
            throw XCTSkip("mount failed")
        }
        // Teardown blocks run last-in first-out: this unmount runs before the temporary folder is removed.
        test.addTeardownBlock {
            let umount = ExternalTools.findExecutable(["umount"]) ?? "/bin/umount"
            if (try? TestSupport.runProcess(umount, [mountPoint.path]))?.status != 0 {
                _ = try? TestSupport.runProcess(umount, ["-l", mountPoint.path])
            }
        }
        return mountPoint
    }

    static func remount(_ mountPoint: URL, readOnly: Bool) throws {
        let mount = ExternalTools.findExecutable(["mount"]) ?? "/bin/mount"
        let result = try TestSupport.runProcess(mount, ["-o", readOnly ? "remount,ro" : "remount,rw", mountPoint.path])
        XCTAssertEqual(result.status, 0, "remount failed: \(result.stderr)")
    }

    /// A loud skip (and a failure in CI, where nothing may be skipped).
    static func skip(_ message: String) -> XCTSkip {
        if ProcessInfo.processInfo.environment["CI"] == "true" {
            XCTFail("\(message). CI must not skip this test.")
        }
        print("\n*** SKIP: \(message) ***\n")
        return XCTSkip(message)
    }

    /// The inode of `path` (0 when it does not exist), to notice the output folder being swapped.
    static func inode(_ path: String) -> UInt64 {
        var info = stat()
        return stat(path, &info) == 0 ? UInt64(info.st_ino) : 0
    }

    // MARK: - Sites

    /// A site of `count` customers, each with a note of 1–2 KB, all deterministic.
    /// `names` picks the version: the same customers under other first names.
    static func largeSite(count: Int, names: String) -> [String: String] {
        var files: [String: String] = [
            "rapport.yml": """
            business:
              name: Fault Salon
              address:
                - 1 High Street
                - Testtown TT1 1AA
            signature: The Fault Salon team
            locale: en_GB
            paper: A4

            """,
            "content/letters/thank-you.md": """
            ---
            title: Thank you
            kind: letter
            ---
            Thank you for visiting {{business_name}}, {{preferred_name}}.

            """,
        ]
        files["content/customers.csv"] = customersCSV(count: count, names: names)
        let words = ["engines", "tea", "gardening", "the weather", "football", "opera", "her grandchildren", "sailing", "bread", "chess"]
        for index in 0..<count {
            let id = String(format: "C-%04d", index)
            var body = "---\ncustomer: \(id)\n---\n"
            // 12 to 24 lines of about 80 bytes: 1–2 KB.
            for line in 0..<(12 + index % 13) {
                body += "Line \(line): talks about \(words[(index + line) % words.count]) and \(words[(index * 7 + line) % words.count]), every visit.\n"
            }
            body += "\nAsk about:\n- \(words[index % words.count])\n\n## 2026-10-\(String(format: "%02d", 1 + index % 28)) — trim\nA quick trim.\n"
            files["content/notes/\(id).md"] = body
        }
        return files
    }

    static func customersCSV(count: Int, names: String) -> String {
        var csv = "id,first_name,last_name,preferred_name,email,birthday,last_visit,visits,favorite_drink,tags,city,children,pets\n"
        for index in 0..<count {
            let id = String(format: "C-%04d", index)
            let day = String(format: "%02d", 1 + index % 28)
            csv += "\(id),\(names)\(index),Surname\(index),,c\(index)@example.com,1980-01-\(day),2026-10-\(day),\(index % 20),Tea,regular,London,,\n"
        }
        return csv
    }

    /// The names in `folder`, or [] when it does not exist.
    static func names(_ folder: URL) -> [String] {
        EndToEnd.listing(folder) ?? []
    }

    /// Checks the state an interrupted build may leave: the output is complete (one of
    /// `allowed`, or absent when `absentAllowed`), and besides it at most the staging and
    /// retired folders, each still removable by the next build (marked or empty).
    static func assertConsistent(
        site: URL, allowed: [(String, [String: Data])], absentAllowed: Bool = false, input: [String],
        file: StaticString = #filePath, line: UInt = #line
    ) throws -> String {
        let output = site.appendingPathComponent("_site")
        let names = Set(Self.names(site))
        let extra = names.subtracting(input + ["_site"] + leftoverNames)
        XCTAssertEqual(extra, [], "unexpected files beside the output", file: file, line: line)
        for name in leftoverNames where names.contains(name) {
            let leftover = site.appendingPathComponent(name)
            let marked = FileManager.default.fileExists(atPath: leftover.appendingPathComponent(".rapport-site").path)
            XCTAssertTrue(
                marked || Self.names(leftover).isEmpty,
                "\(name) is left without its marker and not empty: the next build would refuse it (\(Self.names(leftover)))",
                file: file, line: line)
        }
        guard names.contains("_site") else {
            XCTAssertTrue(absentAllowed, "the output folder is gone", file: file, line: line)
            return "absent"
        }
        let snapshot = try TestSupport.snapshot(of: output)
        if let match = allowed.first(where: { $0.1 == snapshot }) { return match.0 }
        let closest = allowed.map { version in
            (version.0, Set(version.1.keys).symmetricDifference(snapshot.keys).count + version.1.filter { snapshot[$0.key] != $0.value }.count)
        }
        XCTFail(
            "the output is neither version: a mix or a partial site (\(snapshot.count) files; differences: \(closest))",
            file: file, line: line)
        return "mixed"
    }
}
