import Foundation
import XCTest

#if canImport(Glibc)
    import Glibc
#endif

/// `kill -9` at any moment of a build: the output folder is always one complete site, the
/// previous or the new one, never a mix; what is left beside it is removed by the next build.
final class FaultsKillTests: XCTestCase {
    /// Customers in the generated site: a debug build of it takes 1.5–2.5 s on the 2-core
    /// machine this was written on (the time is measured and printed; kills are spread over it).
    static let customerCount = 500

    private enum Moment: CustomStringConvertible {
        /// A delay after the start, in seconds.
        case after(Double)
        /// As soon as the staging folder appears.
        case stagingAppears
        /// As soon as the output folder has been swapped (while the old copy is being removed).
        case swapped

        var description: String {
            switch self {
            case .after(let seconds): return String(format: "%.3f s", seconds)
            case .stagingAppears: return "when the staging folder appears"
            case .swapped: return "right after the swap"
            }
        }
    }

    func testKillNineAtAnyMomentLeavesOneCompleteSite() throws {
        let root = try TestSupport.temporaryDirectory(self)
        let site = root.appendingPathComponent("site")
        let output = site.appendingPathComponent("_site")
        let input = ["content", "rapport.yml"]
        try TestSupport.writeSite(FaultsSupport.largeSite(count: Self.customerCount, names: "Ada"), at: site)
        let csv = site.appendingPathComponent("content/customers.csv")
        let csvA = FaultsSupport.customersCSV(count: Self.customerCount, names: "Ada")
        let csvB = FaultsSupport.customersCSV(count: Self.customerCount, names: "Grace")
        let build = ["build", "--today", EndToEnd.today, "-q"]

        // Version A, built normally; its duration sets the kill delays.
        var started = Date()
        let first = try FaultsSupport.run(build, in: site)
        let firstDuration = Date().timeIntervalSince(started)
        XCTAssertEqual(first.status, 0, first.stderr)
        let versionA = try TestSupport.snapshot(of: output)
        XCTAssertEqual(versionA.count, 2 * Self.customerCount + 7)

        // Version B (other first names), built once elsewhere for reference.
        try Data(csvB.utf8).write(to: csv)
        started = Date()
        let reference = try FaultsSupport.run(build + ["--out", root.appendingPathComponent("reference-b").path], in: site)
        // The shorter of the two: the first run of a fresh binary is slower than the builds that follow.
        let duration = min(firstDuration, Date().timeIntervalSince(started))
        XCTAssertEqual(reference.status, 0, reference.stderr)
        print("Faults: a build of \(Self.customerCount) customers takes \(String(format: "%.2f", duration)) s")
        let versionB = try TestSupport.snapshot(of: root.appendingPathComponent("reference-b"))
        XCTAssertEqual(versionB.count, versionA.count)
        XCTAssertNotEqual(versionA, versionB)

        // Deterministic pseudo-random delays over the whole build, the very first and the very
        // last moments, and kills timed on the build's own steps.
        var seed: UInt64 = 0x5EED_F00D
        func nextFraction() -> Double {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(seed >> 11) / Double(1 << 53)
        }
        // The first kill comes when no leftover is there yet, so the staging folder it waits for is the build's own.
        var moments: [Moment] = [.stagingAppears, .after(0), .after(0.002)]
        moments += (0..<12).map { _ in .after(nextFraction() * 1.05 * duration) }
        moments += [.after(0.95 * duration), .after(duration), .swapped]

        // Each build goes from the version in place to the other one, so every kill can show
        // whether it came before or after the swap.
        var current = ("A", versionA)
        var counts = (before: 0, after: 0, finished: 0)
        var log: [String] = []
        for (index, moment) in moments.enumerated() {
            let target = current.0 == "A" ? ("B", versionB) : ("A", versionA)
            try Data((target.0 == "A" ? csvA : csvB).utf8).write(to: csv)
            let inode = FaultsSupport.inode(output.path)
            let child = try FaultsSupport.start(build, in: site)
            let start = Date()
            switch moment {
            case .after(let seconds):
                let remaining = seconds - Date().timeIntervalSince(start)
                if remaining > 0 { usleep(useconds_t(remaining * 1_000_000)) }
            case .stagingAppears:
                let staging = site.appendingPathComponent("_site.rapport-new").path
                while child.process.isRunning && !FileManager.default.fileExists(atPath: staging) { usleep(200) }
            case .swapped:
                while child.process.isRunning && FaultsSupport.inode(output.path) == inode { usleep(200) }
            }
            let elapsed = Date().timeIntervalSince(start)
            let killed = child.killNow()
            let context = "kill \(index + 1) (\(moment), at \(String(format: "%.3f", elapsed)) s), building \(target.0) over \(current.0)"
            if !killed {
                let result = child.result
                XCTAssertEqual(result.status, 0, "\(context): the build failed on its own: \(result.stderr)")
            }
            let found = try FaultsSupport.assertConsistent(site: site, allowed: [current, target], input: input)
            if !killed {
                counts.finished += 1
                XCTAssertEqual(found, target.0, "\(context): finished, but the output is not the new site")
            } else if found == current.0 {
                counts.before += 1
            } else if found == target.0 {
                counts.after += 1
            }
            log.append("\(context): \(killed ? "killed" : "had finished"), output is \(found), beside it: \(FaultsSupport.names(site).filter { $0.hasPrefix("_site.") })")
            if found == "A" { current = ("A", versionA) } else if found == "B" { current = ("B", versionB) } else { break }
        }
        print(log.joined(separator: "\n"))
        print(
            "Faults: \(moments.count) kills: \(counts.before) before the swap (previous site kept), \(counts.after) after the swap (new site in place), \(counts.finished) after the build had finished")
        XCTAssertGreaterThanOrEqual(counts.before, 8, "most kills should land in the middle of a build")

        // A normal build finishes the job: version B, and no leftovers.
        try Data(csvB.utf8).write(to: csv)
        let last = try FaultsSupport.run(build, in: site)
        XCTAssertEqual(last.status, 0, last.stderr)
        XCTAssertEqual(last.stderr, "")
        XCTAssertTrue(try TestSupport.snapshot(of: output) == versionB, "the final build did not give version B")
        XCTAssertEqual(EndToEnd.listing(site), ["_site", "content", "rapport.yml"])
    }
}
