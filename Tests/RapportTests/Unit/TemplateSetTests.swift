import Foundation
import XCTest

@testable import Rapport

final class TemplateSetTests: XCTestCase {
    /// Loads the templates with `files` (name → text) as the site's `Templates/` folder.
    private func load(_ files: [String: String]) throws -> (templates: TemplateSet, diagnostics: [String]) {
        let root = try TestSupport.temporaryDirectory(self)
        try TestSupport.writeSite(files.reduce(into: [:]) { $0["Templates/\($1.key)"] = $1.value }, at: root)
        var diagnostics = Diagnostics()
        let templates = TemplateSet(overridesIn: root.appendingPathComponent("Templates"), diagnostics: &diagnostics)
        return (templates, diagnostics.all.map(\.description))
    }

    func testBuiltInTemplatesLoadCleanly() {
        var diagnostics = Diagnostics()
        let templates = TemplateSet(overridesIn: nil, diagnostics: &diagnostics)
        XCTAssertEqual(diagnostics.all.map(\.description), [])
        for name in TemplateSet.pageTemplates {
            XCTAssertEqual(templates.sources[name], "(built-in)/\(name).mustache")
        }
        XCTAssertEqual(templates.stylesheet, BuiltinTemplates.stylesheet)
    }

    /// Loading skips the check of the built-in templates, so they must pass it on their own.
    func testBuiltInTemplatesNameOnlyBuiltInsAndEscapeAllButHTML() {
        var diagnostics = Diagnostics()
        let known = Set(BuiltinTemplates.templates.keys)
        for (name, text) in BuiltinTemplates.templates {
            TemplateSet.checkReferences(in: text, path: "(built-in)/\(name).mustache", known: known, diagnostics: &diagnostics)
        }
        XCTAssertEqual(diagnostics.all.map(\.description), [])
        // The check itself finds what a built-in template could get wrong.
        TemplateSet.checkReferences(in: "{{>nope}}{{{note}}}", path: "x.mustache", known: known, diagnostics: &diagnostics)
        XCTAssertEqual(diagnostics.all.count, 2)
    }

    func testAMissingTemplatesFolderIsFine() {
        var diagnostics = Diagnostics()
        let templates = TemplateSet(overridesIn: URL(fileURLWithPath: "/nonexistent/rapport/Templates"), diagnostics: &diagnostics)
        XCTAssertEqual(diagnostics.all.map(\.description), [])
        XCTAssertEqual(templates.sources["card"], "(built-in)/card.mustache")
    }

    func testOverrideReplacesTheBuiltIn() throws {
        let result = try load(["tags.mustache": "<b>{{#tags}}{{name}};{{/tags}}</b>"])
        XCTAssertEqual(result.diagnostics, [])
        XCTAssertEqual(result.templates.sources["tags"], "Templates/tags.mustache")
        XCTAssertEqual(result.templates.sources["card"], "(built-in)/card.mustache")
        XCTAssertEqual(result.templates.render(["tags": [["name": "vip"], ["name": "<new>"]]], with: "tags"), "<b>vip;&lt;new&gt;;</b>")
    }

    func testPartialsResolveToOverrides() throws {
        let result = try load(["index.mustache": "[{{> tags}}|{{> extra}}]", "tags.mustache": "T", "extra.mustache": "E"])
        XCTAssertEqual(result.diagnostics, [])
        XCTAssertEqual(result.templates.render([:], with: "index"), "[T|E]")
    }

    func testStylesheetOverrideAndOtherFilesIgnored() throws {
        let result = try load(["rapport.css": "body { color: teal; }\n", "notes.txt": "{{{not a template}}}"])
        XCTAssertEqual(result.diagnostics, [])
        XCTAssertEqual(result.templates.stylesheet, "body { color: teal; }\n")
        XCTAssertNil(result.templates.sources["notes"])
    }

    // MARK: Errors

    func testParseErrorIsReportedAtItsPlaceInTheOverride() throws {
        let result = try load(["card.mustache": "<article>\n<p>{{name</p>\n</article>\n"])
        XCTAssertEqual(result.diagnostics, ["Templates/card.mustache:2:4: error: tag is not closed with '}}'"])
    }

    func testParseErrorPositionWithCRLFLineBreaks() throws {
        let result = try load(["card.mustache": "<article>\r\n\r\n<p>{{name</p>\r\n</article>\r\n"])
        XCTAssertEqual(result.diagnostics, ["Templates/card.mustache:3:4: error: tag is not closed with '}}'"])
    }

    func testMisnamedCloseIsReportedAtTheCloseTag() throws {
        let result = try load(["card.mustache": "<article>\n  {{#customer}}x{{/custom}}\n</article>\n"])
        XCTAssertEqual(result.diagnostics, ["Templates/card.mustache:2:17: error: '{{/custom}}' closes a section opened as 'customer' (expected '{{/customer}}')"])
    }

    func testUnclosedSectionIsReportedWhereItOpens() throws {
        let result = try load(["card.mustache": "<article>\n  {{#customer}}\n  {{^visits}}none{{/visits}}\n</article>\n"])
        XCTAssertEqual(result.diagnostics, ["Templates/card.mustache:2:3: error: '{{#customer}}' is never closed (expected '{{/customer}}')"])
    }

    func testUnknownPartialIsReportedAtItsTag() throws {
        let result = try load(["card.mustache": "<div>\n  {{> tags}} {{> nope}}\n</div>\n"])
        XCTAssertEqual(result.diagnostics, [
            "Templates/card.mustache:2:14: error: unknown partial 'nope': no Templates/nope.mustache and no built-in template of that name"
        ])
    }

    func testUnknownLayoutIsReportedAtItsTag() throws {
        let result = try load(["card.mustache": "{{<base}}{{$body}}x{{/body}}{{/base}}"])
        XCTAssertEqual(result.diagnostics, [
            "Templates/card.mustache:1:1: error: unknown layout 'base': no Templates/base.mustache and no built-in template of that name"
        ])
    }

    func testUnescapedOutputOfANonHTMLValueIsAnError() throws {
        let result = try load(["card.mustache": "<h1>{{{foo}}}</h1>\n{{{notes_html}}} {{&name}}\n"])
        XCTAssertEqual(result.diagnostics, [
            "Templates/card.mustache:1:5: error: 'foo' would be written without HTML escaping; only values whose name ends in '_html' (already rendered by Rapport) may be",
            "Templates/card.mustache:2:18: error: 'name' would be written without HTML escaping; only values whose name ends in '_html' (already rendered by Rapport) may be",
        ])
    }

    func testTemplateThatIsNotUTF8() throws {
        let root = try TestSupport.temporaryDirectory(self)
        let folder = root.appendingPathComponent("Templates")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data([0x3C, 0x70, 0x3E, 0xE9, 0x0A]).write(to: folder.appendingPathComponent("card.mustache"))
        var diagnostics = Diagnostics()
        let templates = TemplateSet(overridesIn: folder, displayDirectory: "site/Templates", diagnostics: &diagnostics)
        XCTAssertEqual(diagnostics.all.map(\.description), ["site/Templates/card.mustache:1:4: error: the file is not valid UTF-8 (it looks like Windows-1252 or Latin-1); save it as UTF-8"])
        XCTAssertEqual(templates.sources["card"], "(built-in)/card.mustache")
    }

    func testErrorsOfSeveralTemplatesAreAllReported() throws {
        let result = try load(["a.mustache": "{{> b}}", "card.mustache": "{{#x}}", "index.mustache": "{{{y}}}"])
        XCTAssertEqual(result.diagnostics, [
            "Templates/card.mustache:1:1: error: '{{#x}}' is never closed (expected '{{/x}}')",
            "Templates/a.mustache:1:1: error: unknown partial 'b': no Templates/b.mustache and no built-in template of that name",
            "Templates/index.mustache:1:1: error: 'y' would be written without HTML escaping; only values whose name ends in '_html' (already rendered by Rapport) may be",
        ])
    }
}
