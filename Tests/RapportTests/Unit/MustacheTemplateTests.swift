import XCTest

@testable import Rapport

/// Rapport's own Mustache engine beyond the spec's cases: its errors and their places,
/// and its limits.
final class MustacheTemplateTests: XCTestCase {
    private func error(_ template: String) -> MustacheError? {
        do {
            _ = try MustacheTemplate(string: template)
            return nil
        } catch {
            return error
        }
    }

    func testErrorsArePlacedAtTheTagThatCausesThem() {
        XCTAssertEqual(
            error("<p>\n  {{#pets}}{{name}}\n</p>\n"), MustacheError(kind: .neverClosed(sigil: "#", name: "pets"), line: 2, column: 3))
        XCTAssertEqual(
            error("{{#a}}\n{{/b}}"), MustacheError(kind: .closedWithWrongName(opened: "a", closed: "b"), line: 2, column: 1))
        XCTAssertEqual(error("x {{/a}}"), MustacheError(kind: .closedWithoutOpening("a"), line: 1, column: 3))
        XCTAssertEqual(error("é {{name\n}}"), MustacheError(kind: .unclosedTag(closer: "}}"), line: 1, column: 3))
        XCTAssertEqual(error("{{{name}}"), MustacheError(kind: .unclosedTag(closer: "}}}"), line: 1, column: 1))
        XCTAssertEqual(error("{{=<% =}}"), MustacheError(kind: .invalidDelimiters, line: 1, column: 1))
        XCTAssertEqual(error("{{% CONTENT_TYPE: TEXT }}"), MustacheError(kind: .pragma, line: 1, column: 1))
        XCTAssertEqual(error("{{ }}"), MustacheError(kind: .emptyName, line: 1, column: 1))
        XCTAssertEqual(
            error("{{<layout}}\n  text\n{{/layout}}"), MustacheError(kind: .contentInsideLayout, line: 2, column: 3))
    }

    func testCommentsMaySpanLines() throws {
        XCTAssertEqual(try MustacheTemplate(string: "a{{! one\ntwo }}b").render([:]), "ab")
    }

    func testAPartialThatIncludesItselfStops() throws {
        var library = MustacheLibrary()
        library.register(try MustacheTemplate(string: "x{{>loop}}"), named: "loop")
        XCTAssertEqual(library.render([:], withTemplate: "loop"), String(repeating: "x", count: 65))
    }

    func testMissingPartialsAndKeysRenderAsNothing() throws {
        XCTAssertEqual(try MustacheTemplate(string: "[{{>nowhere}}{{missing}}{{a.b.c}}]").render(["a": ["b": "text"]]), "[]")
    }

    func testValuesAreEscapedForHTML() throws {
        let template = try MustacheTemplate(string: "{{v}}|{{{v}}}|{{&v}}")
        XCTAssertEqual(template.render(["v": "<a href='x'>&\"</a>"]), "&lt;a href=&#39;x&#39;&gt;&amp;&quot;&lt;/a&gt;|<a href='x'>&\"</a>|<a href='x'>&\"</a>")
        // Text whose UTF-8 is not stored in one piece (bridged from Foundation), and text
        // with nothing to escape, or only characters near those escaped.
        let bridged = NSString(string: "Zoë & \"Ada\" <3") as String
        XCTAssertEqual(try MustacheTemplate(string: "{{v}}").render(["v": .text(bridged)]), "Zoë &amp; &quot;Ada&quot; &lt;3")
        XCTAssertEqual(try MustacheTemplate(string: "{{v}}").render(["v": "plain text, 100% (!#$%)=?@[]"]), "plain text, 100% (!#$%)=?@[]")
        XCTAssertEqual(try MustacheTemplate(string: "{{v}}").render(["v": ""]), "")
    }

    func testLayoutBlocksOverrideAndFallBack() throws {
        var library = MustacheLibrary()
        library.register(try MustacheTemplate(string: "<title>{{$title}}Site{{/title}}</title>{{$body}}empty{{/body}}"), named: "layout")
        library.register(try MustacheTemplate(string: "{{<layout}}\n{{$body}}<p>{{name}}</p>{{/body}}\n{{/layout}}\n"), named: "page")
        XCTAssertEqual(library.render(["name": "Ada"], withTemplate: "page"), "<title>Site</title><p>Ada</p>")
        XCTAssertNil(library.render([:], withTemplate: "nothing"))
    }

    func testItemsMadeOnDemandRenderLikeAList() throws {
        let template = try MustacheTemplate(string: "{{#people}}<{{name}}>{{/people}}{{^people}}nobody{{/people}}|{{people}}")
        let names = ["Ada", "Bo", "Cy"]
        let made = Counter()
        let items = MustacheValue.items(MustacheItems(count: names.count) { index in
            made.add()
            return ["name": .text(names[index])]
        })
        let list = MustacheValue.list(names.map { ["name": .text($0)] })
        XCTAssertEqual(template.render(["people": items]), "<Ada><Bo><Cy>|")
        XCTAssertEqual(template.render(["people": items]), template.render(["people": list]))
        // Each item is made when the section reaches it, once per rendering.
        XCTAssertEqual(made.value, 6)
        let none = MustacheValue.items(MustacheItems(count: 0) { _ in XCTFail("no item to make"); return [:] })
        XCTAssertEqual(template.render(["people": none]), "nobody|")
        XCTAssertTrue(none.isFalsey)
    }

    func testNamesAreFoundByTheirWholeTextWhateverTheirLength() throws {
        // Objects compare a name's length in UTF-8 before its text: names of one length,
        // names whose characters and bytes count differently, and names set twice.
        let template = try MustacheTemplate(string: "{{ab}} {{cd}} {{café}} {{cafe}} {{x.ab}} {{#x}}{{cd}}{{ab}}{{/x}}")
        var object = MustacheObject()
        object["ab"] = "1"
        object["cd"] = "2"
        object["café"] = "3"
        object["cafe"] = "4"
        object["cd"] = "5"
        var inner = MustacheObject()
        inner["ab"] = "6"
        inner["ca"] = "7"
        object["x"] = .object(inner)
        XCTAssertEqual(template.render(.object(object)), "1 5 3 4 6 56")
        object["cd"] = nil
        XCTAssertEqual(template.render(.object(object)), "1  3 4 6 6")
        XCTAssertNil(object["c"])
        XCTAssertNil(object["cdd"])
        XCTAssertEqual(object.keys, ["ab", "café", "cafe", "x"])
    }

    func testOutputLargerThanTheFirstBufferIsWhole() throws {
        // Rendering starts with room for 16 KB and grows: a page of 5,000 rows is well past it.
        let template = try MustacheTemplate(string: "<ul>\n{{#rows}}  <li>{{name}} & {{{html}}}</li>\n{{/rows}}</ul>")
        let rows = (0..<5_000).map { ["name": .text("Ada <\($0)>"), "html": .text("<b>\($0)</b>")] as MustacheValue }
        let expected = "<ul>\n" + (0..<5_000).map { "  <li>Ada &lt;\($0)&gt; & <b>\($0)</b></li>\n" }.joined() + "</ul>"
        XCTAssertEqual(template.render(["rows": .list(rows)]), expected)
        XCTAssertGreaterThan(expected.utf8.count, 4 * 16_384)
    }

    func testNamesAreTheFirstPartOfEveryNameLookedUp() throws {
        let template = try MustacheTemplate(string: "{{a}}{{#b.c}}{{d}}{{{e.f.g}}}{{/b.c}}{{^h}}{{&i}}{{/h}}{{! j }}{{.}}")
        XCTAssertEqual(template.names, ["a", "b", "d", "e", "h", "i"])
        XCTAssertEqual(try MustacheTemplate(string: "plain").names, [])
        // What a partial or a layout looks up is not known from the template alone.
        XCTAssertNil(try MustacheTemplate(string: "{{a}}{{>other}}").names)
        XCTAssertNil(try MustacheTemplate(string: "{{<layout}}{{$x}}{{a}}{{/x}}{{/layout}}").names)
        XCTAssertEqual(try MustacheTemplate(string: "{{$x}}{{a}}{{/x}}").names, ["a"])
    }

    private final class Counter: @unchecked Sendable {
        private(set) var value = 0
        func add() { value += 1 }
    }
}
