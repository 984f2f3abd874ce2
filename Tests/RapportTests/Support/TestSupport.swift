import Foundation
import XCTest

#if canImport(Glibc)
    import Glibc
#endif

@testable import Rapport

/// Paths and helpers shared by the tests. Tests read only files inside the repository.
enum TestSupport {
    /// The package root (tests may find it from their own source path; the library never does).
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let fixtures = packageRoot.appendingPathComponent("Tests/RapportTests/Fixtures")
    static let golden = packageRoot.appendingPathComponent("Tests/RapportTests/Golden")

    /// The `rapport` executable built next to the test bundle (`swift build` builds it).
    static var binary: URL {
        let candidates = [
            Bundle.main.bundleURL.appendingPathComponent("rapport"),
            Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("rapport"),
            packageRoot.appendingPathComponent(".build/debug/rapport"),
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[2]
    }

    /// A fresh empty folder, removed when the test ends.
    static func temporaryDirectory(_ test: XCTestCase) throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("rapport-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        test.addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url
    }

    /// Writes `files` (relative path → text) under `root`.
    static func writeSite(_ files: [String: String], at root: URL) throws {
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
    }

    /// Copies a fixture folder to a temporary place (so builds never write into the repository).
    static func copyFixture(_ name: String, _ test: XCTestCase) throws -> URL {
        let destination = try temporaryDirectory(test).appendingPathComponent(name)
        try FileManager.default.copyItem(at: fixtures.appendingPathComponent(name), to: destination)
        return destination
    }

    struct ProcessResult {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs the real `rapport` binary with `arguments` in `directory`.
    static func run(_ arguments: [String], in directory: URL) throws -> ProcessResult {
        try runProcess(binary.path, arguments, in: directory)
    }

    /// Runs a program to completion. Output goes through files, so neither stream can fill
    /// a pipe and block the child while the other is read.
    static func runProcess(_ executable: String, _ arguments: [String], in directory: URL? = nil) throws -> ProcessResult {
        try Child(executable, arguments, in: directory).wait()
    }

    /// A child process whose output goes to files, so it can be killed at any moment
    /// without a pipe holding it up.
    final class Child {
        let process = Process()
        private let folder: URL
        private let outHandle: FileHandle
        private let errHandle: FileHandle

        init(_ executable: String, _ arguments: [String], in directory: URL? = nil, environment: [String: String]? = nil) throws {
            folder = FileManager.default.temporaryDirectory.appendingPathComponent("rapport-run-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            _ = FileManager.default.createFile(atPath: folder.appendingPathComponent("stdout").path, contents: nil)
            _ = FileManager.default.createFile(atPath: folder.appendingPathComponent("stderr").path, contents: nil)
            outHandle = try FileHandle(forWritingTo: folder.appendingPathComponent("stdout"))
            errHandle = try FileHandle(forWritingTo: folder.appendingPathComponent("stderr"))
            process.executableURL = URL(fileURLWithPath: executable)
            process.arguments = arguments
            if let directory { process.currentDirectoryURL = directory }
            if let environment { process.environment = environment }
            process.standardOutput = outHandle
            process.standardError = errHandle
            process.standardInput = FileHandle.nullDevice
            try process.run()
        }

        deinit {
            // Never leave a child behind, whatever the test did.
            if process.isRunning {
                kill(process.processIdentifier, SIGKILL)
                process.waitUntilExit()
            }
            try? outHandle.close()
            try? errHandle.close()
            try? FileManager.default.removeItem(at: folder)
        }

        /// Sends SIGKILL if it is still running and waits for it. True when the signal
        /// ended it, false when it had already exited on its own.
        @discardableResult
        func killNow() -> Bool {
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            process.waitUntilExit()
            return process.terminationReason == .uncaughtSignal
        }

        func wait() -> TestSupport.ProcessResult {
            process.waitUntilExit()
            return result
        }

        var result: TestSupport.ProcessResult {
            TestSupport.ProcessResult(
                status: process.terminationStatus,
                stdout: String(decoding: (try? Data(contentsOf: folder.appendingPathComponent("stdout"))) ?? Data(), as: UTF8.self),
                stderr: String(decoding: (try? Data(contentsOf: folder.appendingPathComponent("stderr"))) ?? Data(), as: UTF8.self))
        }
    }

    /// Every file under `root` and its bytes; the build manifest aside, which records
    /// modification times and so differs between identical builds (its own tests look at it).
    static func snapshot(of root: URL) throws -> [String: Data] {
        var result: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey])
        while let url = enumerator?.nextObject() as? URL {
            guard (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true else { continue }
            let relative = String(url.standardizedFileURL.path.dropFirst(root.standardizedFileURL.path.count + 1))
            guard relative != ".rapport-manifest" else { continue }
            result[relative] = try Data(contentsOf: url)
        }
        return result
    }
}
