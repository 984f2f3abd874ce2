import Foundation
import XCTest

@testable import Rapport

/// The official Mustache spec (Tests/RapportTests/Data/mustache-spec, MIT, see its README.md
/// and LICENSE), run table-driven against Rapport's own engine: one test per spec file,
/// one failure per case that renders differently from the spec.
final class MustacheSpecTests: XCTestCase {
    static let folder = TestSupport.packageRoot.appendingPathComponent("Tests/RapportTests/Data/mustache-spec")

    /// The spec files of the folder, each run by the test method of its name.
    enum SpecFile: String, CaseIterable {
        case comments, delimiters, interpolation, inverted, partials, sections, inheritance

        var fileName: String { rawValue + ".json" }
    }

    /// Cases the engine deliberately does not follow, as "FILE.json: CASE NAME". Every entry
    /// needs a comment above it saying why (the deviation, and what Rapport does instead).
    /// A name covers every case of that name in the file: inheritance.json has two cases
    /// named "Text inside parent".
    static let skipped: Set<String> = [
        // A line holding a layout or block tag next to another tag is not standalone in
        // Rapport's parser (as for sections in the core spec), so its newline stays.
        "inheritance.json: Inherit",
        "inheritance.json: Override parent with newlines",
        "inheritance.json: Standalone parent",
        "inheritance.json: Standalone block",
        // Block contents keep the indentation they were written with.
        "inheritance.json: Block reindentation",
        "inheritance.json: Intrinsic indentation",
        "inheritance.json: Nested block reindentation",
        // Text inside a layout tag is an error, not ignored: it is always a mistake, and
        // a silent drop would hide it.
        "inheritance.json: Text inside parent",
    ]

    /// The name the case's own template is registered under, next to its partials.
    static let templateName = "(spec template)"

    func testComments() throws { try run(.comments) }
    func testDelimiters() throws { try run(.delimiters) }
    func testInterpolation() throws { try run(.interpolation) }
    func testInverted() throws { try run(.inverted) }
    func testPartials() throws { try run(.partials) }
    func testSections() throws { try run(.sections) }
    func testInheritance() throws { try run(.inheritance) }

    func testEverySpecFileInTheFolderIsRun() throws {
        let present = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path).filter { $0.hasSuffix(".json") }
        XCTAssertEqual(present.sorted(), SpecFile.allCases.map(\.fileName).sorted())
    }

    func testEverySkippedCaseExists() throws {
        var cases: Set<String> = []
        for file in SpecFile.allCases {
            for test in try load(file).tests { cases.insert("\(file.fileName): \(test.name)") }
        }
        XCTAssertEqual(Self.skipped.subtracting(cases).sorted(), [], "skip list entries that name no spec case")
    }

    /// The spec's data conversion itself: booleans stay flags (JSONSerialization on Linux
    /// would let 0 and 1 pass as booleans), numbers become their text, nulls are left out.
    func testSpecDataConversion() throws {
        let json = #"{"yes": true, "no": false, "zero": 0, "one": 1, "mph": 85, "power": 1.21, "round": 2.0, "gone": null, "list": [null, 1, "a"], "empty": {}}"#
        let value = try JSONDecoder().decode(SpecJSON.self, from: Data(json.utf8)).mustacheValue
        XCTAssertEqual(value, .object([
            "yes": .flag(true), "no": .flag(false), "zero": .text("0"), "one": .text("1"), "mph": .text("85"),
            "power": .text("1.21"), "round": .text("2"), "list": .list([.flag(false), .text("1"), .text("a")]), "empty": .object([:]),
        ]))
    }

    // MARK: Running a spec file

    /// Renders every case of `file`, then fails once for each case that did not render as
    /// the spec expects.
    private func run(_ file: SpecFile, line: UInt = #line) throws {
        let spec = try load(file)
        XCTAssertFalse(spec.tests.isEmpty, "\(file.fileName) holds no case", line: line)
        var failures: [String] = []
        for (index, test) in spec.tests.enumerated() where !Self.skipped.contains("\(file.fileName): \(test.name)") {
            let about = test.desc.split(whereSeparator: \.isNewline).joined(separator: " ")
            let place = "\(file.fileName), case \(index + 1) of \(spec.tests.count): \(String(reflecting: test.name)) (\(about))"
            if let problem = problem(with: test) { failures.append("\(place)\n\(problem)") }
        }
        for failure in failures { XCTFail(failure, line: line) }
    }

    private func load(_ file: SpecFile) throws -> Spec {
        try JSONDecoder().decode(Spec.self, from: Data(contentsOf: Self.folder.appendingPathComponent(file.fileName)))
    }

    /// What went wrong with one case, or nil when it renders as expected.
    private func problem(with test: Spec.Case) -> String? {
        let partials = (test.partials ?? [:]).sorted { $0.key < $1.key }
        var details = "  template: \(String(reflecting: test.template))\n"
        for (name, text) in partials { details += "  partial \(String(reflecting: name)): \(String(reflecting: text))\n" }
        details += "  data:     \(test.data)\n  expected: \(String(reflecting: test.expected))\n"

        var library = MustacheLibrary()
        for (name, text) in partials {
            do {
                library.register(try MustacheTemplate(string: text), named: name)
            } catch {
                return details + "  partial \(String(reflecting: name)) does not parse: \(error)"
            }
        }
        do {
            library.register(try MustacheTemplate(string: test.template), named: Self.templateName)
        } catch {
            return details + "  the template does not parse: \(error)"
        }
        guard let actual = library.render(test.data.mustacheValue ?? .flag(false), withTemplate: Self.templateName) else {
            return details + "  actual:   nothing: the library has no template \(String(reflecting: Self.templateName))"
        }
        return actual == test.expected ? nil : details + "  actual:   \(String(reflecting: actual))"
    }

    // MARK: The spec's JSON

    /// A spec file: its cases, each a template with optional partials, data and the expected output.
    struct Spec: Decodable {
        struct Case: Decodable {
            var name: String
            var desc: String
            var data: SpecJSON
            var partials: [String: String]?
            var template: String
            var expected: String
        }

        var tests: [Case]
    }

    /// A JSON value as written in a spec file. Decoded with JSONDecoder, which tells `true`
    /// from `1`; JSONSerialization's NSNumber on Linux does not reliably.
    enum SpecJSON: Decodable, CustomStringConvertible {
        case null
        case bool(Bool)
        case int(Int)
        case double(Double)
        case string(String)
        case array([SpecJSON])
        case object([String: SpecJSON])

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if container.decodeNil() {
                self = .null
            } else if let value = try? container.decode(Bool.self) {
                self = .bool(value)
            } else if let value = try? container.decode(Int.self) {
                self = .int(value)
            } else if let value = try? container.decode(Double.self) {
                self = .double(value)
            } else if let value = try? container.decode(String.self) {
                self = .string(value)
            } else if let value = try? container.decode([SpecJSON].self) {
                self = .array(value)
            } else if let value = try? container.decode([String: SpecJSON].self) {
                self = .object(value)
            } else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a JSON value")
            }
        }

        /// The value the engine is given; nil for JSON null, which an object leaves out (a
        /// missing key) and a list holds as `false`. The engine has no numbers: a number is
        /// its text, integral values without a fraction (85, not 85.0).
        var mustacheValue: MustacheValue? {
            switch self {
            case .null: nil
            case .bool(let value): .flag(value)
            case .int(let value): .text(String(value))
            case .double(let value):
                if value == value.rounded(), abs(value) < 1e15 { .text(String(Int(value))) } else { .text(String(value)) }
            case .string(let value): .text(value)
            case .array(let items): .list(items.map { $0.mustacheValue ?? .flag(false) })
            case .object(let members): .object(MustacheObject(members.compactMapValues(\.mustacheValue)))
            }
        }

        /// Compact JSON, keys sorted, for failure messages.
        var description: String {
            switch self {
            case .null: "null"
            case .bool(let value): String(value)
            case .int(let value): String(value)
            case .double(let value): String(value)
            case .string(let value): String(reflecting: value)
            case .array(let items): "[" + items.map(\.description).joined(separator: ", ") + "]"
            case .object(let members):
                "{" + members.sorted { $0.key < $1.key }.map { "\(String(reflecting: $0.key)): \($0.value)" }.joined(separator: ", ") + "}"
            }
        }
    }
}
