import Foundation
import XCTest

/// `kill -9` at every step of the write, deterministically: strace delivers SIGKILL on entry
/// to the Nth call of each system call that changes the file system (mkdir, the open that
/// creates a file, write, rename, unlink, rmdir), so every state an interrupted build can
/// leave is reached once. After each kill the output is one complete site, and a normal build
/// then succeeds and leaves nothing beside it.
final class FaultsKillAtEveryStepTests: XCTestCase {
    static let syscalls = ["mkdir", "openat", "write", "rename", "renameat", "renameat2", "unlink", "unlinkat", "rmdir"]

    private struct Step: Hashable, CustomStringConvertible {
        var name: String
        var invocation: Int
        var call: String
        var description: String { "\(name) #\(invocation): \(call)" }
    }

    func testKillAtEveryStepReplacingAPreviousSite() throws {
        try runEveryStep(previousSite: true)
    }

    func testKillAtEveryStepOfAFirstBuild() throws {
        try runEveryStep(previousSite: false)
    }

    private func runEveryStep(previousSite: Bool) throws {
        guard let strace = ExternalTools.findExecutable(["strace"]) else {
            throw FaultsSupport.skip("strace is not installed (apt-get install strace)")
        }
        let root = try TestSupport.temporaryDirectory(self)
        let site = root.appendingPathComponent("site")
        try FileManager.default.copyItem(at: TestSupport.fixtures.appendingPathComponent("minimal"), to: site)
        let output = site.appendingPathComponent("_site")
        let pristine = root.appendingPathComponent("pristine-a")
        let csv = site.appendingPathComponent("content/customers.csv")
        let csvA = try EndToEnd.text(csv)
        let csvB = csvA.replacingOccurrences(of: "Ada,Lovelace,Ada", with: "Augusta,King,Ada")
        XCTAssertNotEqual(csvA, csvB)
        let build = ["build", "--today", EndToEnd.today, "-q"]

        let first = try FaultsSupport.run(build, in: site)
        XCTAssertEqual(first.status, 0, first.stderr)
        let versionA = try TestSupport.snapshot(of: output)
        try FileManager.default.copyItem(at: output, to: pristine)

        func reset() throws {
            for name in ["_site"] + FaultsSupport.leftoverNames {
                try? FileManager.default.removeItem(at: site.appendingPathComponent(name))
            }
            if previousSite { try FileManager.default.copyItem(at: pristine, to: output) }
            try Data(csvB.utf8).write(to: csv)
        }

        // A traced build of B lists the steps.
        try reset()
        let log = root.appendingPathComponent("strace.log")
        let traced = try TestSupport.runProcess(
            strace, ["-f", "-qq", "-o", log.path, "-e", "trace=" + Self.syscalls.joined(separator: ","), TestSupport.binary.path] + build,
            in: site)
        if traced.status != 0, traced.stderr.contains("ptrace") {
            throw FaultsSupport.skip("strace cannot trace here: \(traced.stderr)")
        }
        XCTAssertEqual(traced.status, 0, traced.stderr)
        let versionB = try TestSupport.snapshot(of: output)
        XCTAssertNotEqual(versionA, versionB)
        let steps = try Self.steps(in: String(contentsOf: log, encoding: .utf8))
        XCTAssertTrue(steps.contains { $0.name.hasPrefix("rename") }, "no rename among the traced steps: \(steps)")
        XCTAssertGreaterThan(steps.count, 20)

        var outcomes: [String: Int] = [:]
        for step in steps {
            try reset()
            let run = try TestSupport.runProcess(
                strace,
                ["-f", "-qq", "-o", "/dev/null", "-e", "trace=\(step.name)", "-e", "inject=\(step.name):signal=KILL:when=\(step.invocation)",
                    TestSupport.binary.path] + build,
                in: site)
            // strace ends the way its tracee did: killed.
            XCTAssertTrue(run.status == 128 + 9 || run.status == 9, "\(step): the build was not killed (status \(run.status)): \(run.stderr)")
            var allowed = [("B", versionB)]
            if previousSite { allowed.insert(("A", versionA), at: 0) }
            let found = try FaultsSupport.assertConsistent(
                site: site, allowed: allowed, absentAllowed: !previousSite, input: ["content", "rapport.yml"])
            let beside = FaultsSupport.names(site).filter { $0.hasPrefix("_site.") }
            outcomes["output \(found)" + (beside.isEmpty ? "" : " + \(beside.joined(separator: ", "))"), default: 0] += 1

            let again = try FaultsSupport.run(build, in: site)
            XCTAssertEqual(again.status, 0, "\(step): the next build failed after the kill:\n\(again.stderr)")
            XCTAssertEqual(again.stderr, "", "\(step)")
            XCTAssertTrue(try TestSupport.snapshot(of: output) == versionB, "\(step): the next build did not give version B")
            XCTAssertEqual(EndToEnd.listing(site), ["_site", "content", "rapport.yml"], "\(step): leftovers after the next build")
        }
        print("Faults: killed at \(steps.count) steps (\(previousSite ? "replacing a site" : "first build")): \(outcomes.sorted { $0.key < $1.key })")
    }

    /// The calls of the traced build that change the file system, numbered per system call
    /// as strace counts them for `when=`. Only the main thread's calls count (strace counts per tracee).
    private static func steps(in log: String) throws -> [Step] {
        var counters: [String: Int] = [:]
        var steps: [Step] = []
        var mainPID: Substring?
        for line in log.split(separator: "\n") {
            let parts = line.split(separator: " ", maxSplits: 1)
            guard parts.count == 2 else { continue }
            if mainPID == nil { mainPID = parts[0] }
            guard parts[0] == mainPID else { continue }
            // strace pads short process ids: "618   openat(...".
            let call = parts[1].drop { $0 == " " }
            guard let paren = call.firstIndex(of: "("), !call.hasPrefix("<...") else { continue }
            let name = String(call[..<paren])
            guard syscalls.contains(name) else { continue }
            counters[name, default: 0] += 1
            // Opens that only read change nothing; writes to the terminal neither, but are harmless kills.
            if name == "openat" && !call.contains("O_CREAT") { continue }
            steps.append(Step(name: name, invocation: counters[name]!, call: String(call.prefix(160))))
        }
        return steps
    }
}
