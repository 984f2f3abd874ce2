import CYaml
import Yams

/// A YAML mapping read for its scalars as written (`007` stays "007", `no` stays "no"),
/// with the place of every key and value for diagnostics.
struct YAMLDocument {
    let path: String
    /// Lines before the YAML text in its file (front matter starts after `---`).
    let lineOffset: Int
    let root: Node.Mapping?

    /// Scalars are read as written, so no tag is resolved and no Swift value constructed:
    /// Yams's default resolver compiles seven regular expressions on first use (1.5 ms of
    /// every run) and matches each mapping key against them when it checks for duplicates.
    private static let resolver = Resolver.basic
    /// Immutable (a final class of `let` maps), though Yams does not mark it `Sendable`.
    nonisolated(unsafe) private static let constructor = Constructor([:], [:], [:])

    /// Parses `text`; a syntax error becomes a diagnostic at its line and column.
    init?(_ text: String, path: String, lineOffset: Int = 0, diagnostics: inout Diagnostics) {
        self.path = path
        self.lineOffset = lineOffset
        if let (line, column) = Self.aliasBomb(in: text) {
            diagnostics.error(
                SourceLocation(path: path, line: line + lineOffset, column: column),
                "YAML aliases here expand to more than \(Self.aliasLimit) values; write the values out instead of using '*' aliases")
            return nil
        }
        do {
            // The encoding is given: Yams's default reads the process environment on every parse.
            guard let node = try Yams.compose(yaml: text, Self.resolver, Self.constructor, .utf8) else {
                root = nil
                return
            }
            guard let mapping = node.mapping else {
                diagnostics.error(nodeLocation(node, path: path, lineOffset: lineOffset), "expected a mapping of `key: value` lines")
                return nil
            }
            root = mapping
        } catch let error as YamlError {
            diagnostics.append(Self.diagnostic(for: error, path: path, lineOffset: lineOffset))
            return nil
        } catch {
            diagnostics.error(SourceLocation(path: path, line: lineOffset + 1, column: 1), "cannot read YAML: \(error)")
            return nil
        }
    }

    /// The location of `node`, or of the document start when it has none.
    func location(of node: Node?) -> SourceLocation {
        nodeLocation(node, path: path, lineOffset: lineOffset)
    }

    /// Every key with its value, in the order written.
    var entries: [(key: String, keyNode: Node, value: Node)] {
        (root ?? [:]).compactMap { pair in pair.key.string.map { ($0, pair.key, pair.value) } }
    }

    /// How many values aliases may add to a document in all. Rapport's files need none;
    /// the limit keeps a "billion laughs" (aliases of aliases, 10⁹ values from a few
    /// lines) from hanging the build, as Yams hashes a mapping key with every value in it.
    static let aliasLimit = 10_000

    /// The line and column (1-based) of the alias that takes the values that aliases add
    /// past `aliasLimit`, or nil. Reads libyaml's events, counting each anchored node's
    /// size once; a syntax error ends the count and is left to Yams to report.
    static func aliasBomb(in text: String) -> (line: Int, column: Int)? {
        guard text.utf8.contains(UInt8(ascii: "*")) else { return nil }
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return nil }
        defer { yaml_parser_delete(&parser) }
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { buffer -> (line: Int, column: Int)? in
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            func name(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
                pointer.map { String(cString: $0) }
            }
            // Each anchor's size in values, and the open collections with theirs so far.
            var sizes: [String: Int] = [:]
            var open: [(anchor: String?, size: Int)] = [(nil, 0)]
            var added = 0
            var event = yaml_event_t()
            while yaml_parser_parse(&parser, &event) == 1 {
                defer { yaml_event_delete(&event) }
                switch event.type {
                case YAML_STREAM_END_EVENT:
                    return nil
                case YAML_SCALAR_EVENT:
                    if let anchor = name(event.data.scalar.anchor) { sizes[anchor] = 1 }
                    open[open.count - 1].size += 1
                case YAML_ALIAS_EVENT:
                    let size = name(event.data.alias.anchor).flatMap { sizes[$0] } ?? 1
                    open[open.count - 1].size += size
                    added += size
                    if added > aliasLimit {
                        return (Int(event.start_mark.line) + 1, Int(event.start_mark.column) + 1)
                    }
                case YAML_SEQUENCE_START_EVENT:
                    open.append((name(event.data.sequence_start.anchor), 1))
                case YAML_MAPPING_START_EVENT:
                    open.append((name(event.data.mapping_start.anchor), 1))
                case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                    let closed = open.removeLast()
                    if let anchor = closed.anchor { sizes[anchor] = closed.size }
                    open[open.count - 1].size += closed.size
                default:
                    break
                }
            }
            return nil
        }
    }

    static func diagnostic(for error: YamlError, path: String, lineOffset: Int) -> Diagnostic {
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
            let .composer(context, problem, mark, _):
            let detail = context.map { "\(problem) (\($0.text))" } ?? problem
            return .error(
                SourceLocation(path: path, line: mark.line + lineOffset, column: mark.column),
                "invalid YAML: \(detail)")
        case let .duplicatedKeysInMapping(duplicates, context):
            return .error(
                SourceLocation(path: path, line: context.mark.line + lineOffset, column: context.mark.column),
                "duplicate key \(duplicates.map { "'\($0)'" }.joined(separator: ", "))")
        default:
            return .error(SourceLocation(path: path, line: lineOffset + 1, column: 1), "invalid YAML: \(error)")
        }
    }
}

func nodeLocation(_ node: Node?, path: String, lineOffset: Int) -> SourceLocation {
    guard let mark = node?.mark else { return SourceLocation(path: path, line: lineOffset + 1, column: 1) }
    return SourceLocation(path: path, line: mark.line + lineOffset, column: mark.column)
}

extension Node {
    /// The scalar's text as written, or nil for a mapping or sequence.
    var scalarText: String? {
        if case .scalar(let scalar) = self { return scalar.string }
        return nil
    }
}
