import Foundation
import XCTest

#if canImport(Glibc)
    import Glibc
#endif

/// Output folders `rapport build` must refuse, and leftovers beside the output that are not
/// its own. Each refusal is exit 1 with one exact message, and nothing written anywhere.
/// (EndToEndOutputFolderTests covers the site folder, its parents, a direct link to it, and
/// a file or a foreign folder at `_site`.)
final class FaultsRefusalTests: XCTestCase {
    private let build = ["build", "--today", EndToEnd.today]

    /// A home folder of the test's own: the real one is never used.
    private func makeHome(empty: Bool) throws -> URL {
        let home = try TestSupport.temporaryDirectory(self).appendingPathComponent("home")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: false)
        if !empty { try Data("export PATH\n".utf8).write(to: home.appendingPathComponent(".profile")) }
        return home
    }

    func testRefusesTheRootFolder() throws {
        let site = try TestSupport.copyFixture("minimal", self)
        let home = try makeHome(empty: false)
        let rootBefore = EndToEnd.listing(URL(fileURLWithPath: "/"))
        let siteBefore = try EndToEnd.tree(site)
        for out in ["/", "/.", "//", "/tmp/.."] {
            let result = try FaultsSupport.run(build + ["--out", out], in: site, environment: FaultsSupport.environment(home: home))
            XCTAssertEqual(result.status, 1, out)
            XCTAssertEqual(result.stderr, FaultsSupport.failure("/", "refusing to use '/' as the output folder: it is the root folder"), out)
            XCTAssertEqual(result.stdout, "", out)
        }
        XCTAssertEqual(EndToEnd.listing(URL(fileURLWithPath: "/")), rootBefore)
        XCTAssertTrue(try EndToEnd.tree(site) == siteBefore, "the site folder changed")
        XCTAssertEqual(EndToEnd.listing(home), [".profile"])
    }

    /// `--out ~` is the HOME the shell expands, whether or not it holds files yet.
    func testRefusesTheHomeFolder() throws {
        for empty in [false, true] {
            let site = try TestSupport.copyFixture("minimal", self)
            let home = try makeHome(empty: empty)
            let link = home.deletingLastPathComponent().appendingPathComponent("link-to-home")
            try FileManager.default.createSymbolicLink(at: link, withDestinationURL: home)
            let homeBefore = try EndToEnd.tree(home)
            let siteBefore = try EndToEnd.tree(site)
            let parentBefore = EndToEnd.listing(home.deletingLastPathComponent())
            for out in [home.path, home.path + "/", link.path] {
                let result = try FaultsSupport.run(build + ["--out", out], in: site, environment: FaultsSupport.environment(home: home))
                let path = URL(fileURLWithPath: out).standardizedFileURL.path
                let context = "--out \(out) (home \(empty ? "empty" : "with a file"))"
                XCTAssertEqual(result.status, 1, context)
                XCTAssertEqual(
                    result.stderr, FaultsSupport.failure(path, "refusing to use '\(path)' as the output folder: it is the home folder"),
                    context)
                XCTAssertEqual(result.stdout, "", context)
                XCTAssertTrue(try EndToEnd.tree(home) == homeBefore, "\(context): the home folder changed")
                XCTAssertEqual(EndToEnd.listing(home.deletingLastPathComponent()), parentBefore, context)
            }
            XCTAssertTrue(try EndToEnd.tree(site) == siteBefore, "the site folder changed")
        }
    }

    /// Paths that reach the site folder, or a folder above it, through symbolic links.
    func testRefusesOutputsReachingTheSiteFolderThroughLinks() throws {
        let site = try TestSupport.copyFixture("minimal", self)
        let parent = site.deletingLastPathComponent()
        // Relative links, as a person would make them with `ln -s`.
        for (name, target) in [("link-to-site", "minimal"), ("link-to-link", "link-to-site"), ("link-to-parent", ".")] {
            XCTAssertEqual(symlink(target, parent.appendingPathComponent(name).path), 0, name)
        }
        // Not a tree of the parent: link-to-parent loops.
        let siteBefore = try EndToEnd.tree(site)
        let parentBefore = EndToEnd.listing(parent)
        let base = EndToEnd.realPath(parent)
        let cases: [(out: String, path: String, reason: String)] = [
            ("../link-to-site/", "\(base)/link-to-site", "it is the site folder itself"),
            ("../link-to-site/.", "\(base)/link-to-site", "it is the site folder itself"),
            ("../link-to-site/content/..", "\(base)/link-to-site", "it is the site folder itself"),
            ("\(base)/link-to-link", "\(base)/link-to-link", "it is the site folder itself"),
            ("../link-to-parent/link-to-site", "\(base)/link-to-parent/link-to-site", "it is the site folder itself"),
            ("../link-to-parent", "\(base)/link-to-parent", "it contains the site folder"),
            ("../link-to-parent/", "\(base)/link-to-parent", "it contains the site folder"),
        ]
        for (out, path, reason) in cases {
            let result = try FaultsSupport.run(build + ["--out", out], in: site)
            XCTAssertEqual(result.status, 1, out)
            XCTAssertEqual(result.stderr, FaultsSupport.failure(path, "refusing to use '\(path)' as the output folder: \(reason)"), out)
            XCTAssertEqual(result.stdout, "", out)
            XCTAssertTrue(try EndToEnd.tree(site) == siteBefore, "\(out): something was written")
            XCTAssertEqual(EndToEnd.listing(parent), parentBefore, out)
        }
    }

    func testRefusesAnOutputThatIsARegularFile() throws {
        let site = try TestSupport.copyFixture("minimal", self)
        let parent = site.deletingLastPathComponent()
        try Data("my notes\n".utf8).write(to: parent.appendingPathComponent("notes.txt"))
        XCTAssertEqual(symlink("notes.txt", parent.appendingPathComponent("link-to-notes").path), 0)
        let before = try EndToEnd.tree(parent)
        let base = EndToEnd.realPath(parent)
        for (out, path) in [("../notes.txt", "\(base)/notes.txt"), ("\(base)/link-to-notes", "\(base)/link-to-notes")] {
            let result = try FaultsSupport.run(build + ["--out", out], in: site)
            XCTAssertEqual(result.status, 1, out)
            XCTAssertEqual(result.stderr, FaultsSupport.failure(path, FaultsSupport.notOurs(path)), out)
            XCTAssertEqual(result.stdout, "", out)
            XCTAssertTrue(try EndToEnd.tree(parent) == before, "\(out): something was written")
        }
    }

    // MARK: - Leftovers beside the output

    /// Someone's own folder named like the staging or retired folder is refused, not deleted,
    /// whether or not a previous site is there.
    func testRefusesALeftoverWithoutTheMarker() throws {
        for name in FaultsSupport.leftoverNames {
            for previousSite in [true, false] {
                let site = try TestSupport.copyFixture("minimal", self)
                if previousSite {
                    XCTAssertEqual(try FaultsSupport.run(build + ["-q"], in: site).status, 0)
                }
                let folder = site.appendingPathComponent(name)
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false)
                try Data("my own work\n".utf8).write(to: folder.appendingPathComponent("thesis.txt"))
                let before = try EndToEnd.tree(site)
                let base = EndToEnd.realPath(site)
                let result = try FaultsSupport.run(build, in: site)
                let context = "\(name), \(previousSite ? "with" : "without") a previous site"
                XCTAssertEqual(result.status, 1, context)
                XCTAssertEqual(result.stderr, FaultsSupport.failure("\(base)/_site", FaultsSupport.notOurs("\(base)/\(name)")), context)
                XCTAssertEqual(result.stdout, "", context)
                XCTAssertTrue(try EndToEnd.tree(site) == before, "\(context): something was changed")
            }
        }
    }

    func testRefusesAFileNamedLikeTheStagingFolder() throws {
        let site = try TestSupport.copyFixture("minimal", self)
        try Data("not a folder\n".utf8).write(to: site.appendingPathComponent("_site.rapport-new"))
        let before = try EndToEnd.tree(site)
        let base = EndToEnd.realPath(site)
        let result = try FaultsSupport.run(build, in: site)
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.stderr, FaultsSupport.failure("\(base)/_site", FaultsSupport.notOurs("\(base)/_site.rapport-new")))
        XCTAssertTrue(try EndToEnd.tree(site) == before, "something was changed")
    }

    /// What an interrupted build leaves: a partial folder with the marker, or an empty one
    /// (killed before the marker was written, or after it was removed). The next build removes both.
    func testRemovesTheLeftoversOfAnInterruptedBuild() throws {
        let site = try TestSupport.copyFixture("minimal", self)
        XCTAssertEqual(try FaultsSupport.run(build + ["-q"], in: site).status, 0)
        let expected = try EndToEnd.tree(site.appendingPathComponent("_site"))
        let cases: [[(name: String, marked: Bool)]] = [
            [("_site.rapport-new", true)], [("_site.rapport-old", true)],
            [("_site.rapport-new", false)], [("_site.rapport-old", false)],
            [("_site.rapport-new", true), ("_site.rapport-old", false)],
            [("_site.rapport-new", false), ("_site.rapport-old", true)],
        ]
        for leftovers in cases {
            let context = leftovers.map { "\($0.name) \($0.marked ? "partial with the marker" : "empty")" }.joined(separator: ", ")
            for (name, marked) in leftovers {
                let folder = site.appendingPathComponent(name)
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false)
                guard marked else { continue }
                try FileManager.default.createDirectory(at: folder.appendingPathComponent("customers"), withIntermediateDirectories: false)
                try Data("<p>partial".utf8).write(to: folder.appendingPathComponent("customers/c-1.html"))
                try Data("This folder is generated by Rapport".utf8).write(to: folder.appendingPathComponent(".rapport-site"))
            }
            let result = try FaultsSupport.run(build + ["-q"], in: site)
            XCTAssertEqual(result.status, 0, "\(context): \(result.stderr)")
            XCTAssertEqual(result.stderr, "", context)
            XCTAssertEqual(EndToEnd.listing(site), ["_site", "content", "rapport.yml"], context)
            XCTAssertTrue(try EndToEnd.tree(site.appendingPathComponent("_site")) == expected, context)
        }
    }
}
