import Yams

/// A YAML mapping read for its scalars as written (`007` stays "007", `no` stays "no"),
/// with the place of every key and value for diagnostics.
struct YAMLDocument {
    let path: String
    /// Lines before the YAML text in its file (front matter starts after `---`).
    let lineOffset: Int
    let root: Node.Mapping?

    /// Parses `text`; a syntax error becomes a diagnostic at its line and column.
    init?(_ text: String, path: String, lineOffset: Int = 0, diagnostics: inout Diagnostics) {
        self.path = path
        self.lineOffset = lineOffset
        do {
            guard let node = try Yams.compose(yaml: text) else {
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
