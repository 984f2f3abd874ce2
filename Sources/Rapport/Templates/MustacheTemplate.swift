/// A parsed Mustache template: the spec's interpolation, sections, inverted sections,
/// comments, partials, set delimiters and inheritance (`{{<layout}}` with `{{$block}}`).
/// Parsed once; rendering walks the tree and appends bytes, with no lookups by type.
/// Safe to share between threads: its nodes are written when it is parsed and only read after.
struct MustacheTemplate: @unchecked Sendable {
    /// The nodes, in memory that `storage` owns.
    let nodes: UnsafeBufferPointer<MustacheNode>
    private let storage: MustacheStorage

    /// The first part of each name the template looks up (`pets` for `{{#pets}}`, `date`
    /// for `{{date.long}}`); nil when it includes partials or layouts, whose names are not
    /// known here. A view may leave out what a template never asks for.
    let names: Set<String>?

    init(string: String) throws(MustacheError) {
        var parser = MustacheParser(Array(string.utf8))
        let parsed = try parser.parse()
        names = Self.names(parsed)
        storage = MustacheStorage()
        nodes = storage.freeze(parsed)
    }

    private static func names(_ nodes: [ParsedNode]) -> Set<String>? {
        var names: Set<String> = []
        for node in nodes {
            switch node {
            case .text: break
            case .variable(let parts, _): if let first = parts.first { names.insert(first) }
            case .section(let parts, let children, _):
                if let first = parts.first { names.insert(first) }
                guard let inner = Self.names(children) else { return nil }
                names.formUnion(inner)
            case .partial, .layout: return nil
            case .block(_, let children):
                guard let inner = Self.names(children) else { return nil }
                names.formUnion(inner)
            }
        }
        return names
    }

    /// Renders with `value` as the context; partials and layouts come from `library`.
    func render(_ value: MustacheValue, library: MustacheLibrary = MustacheLibrary()) -> String {
        String(decoding: renderBytes(value, library: library), as: UTF8.self)
    }

    /// The same as UTF-8 bytes.
    func renderBytes(_ value: MustacheValue, library: MustacheLibrary = MustacheLibrary()) -> [UInt8] {
        var renderer = MustacheRenderer(library: library, root: value)
        withExtendedLifetime(storage) { renderer.render(nodes) }
        return renderer.finish()
    }
}

/// Templates by name, for partials (`{{>name}}`) and layouts (`{{<name}}`).
struct MustacheLibrary: Sendable {
    /// A site has about a dozen templates, and a page looks one up for each partial it
    /// includes: comparing a dozen short names is quicker than hashing one.
    private var templates: [(name: String, template: MustacheTemplate)] = []

    init() {}

    mutating func register(_ template: MustacheTemplate, named name: String) {
        if let index = templates.firstIndex(where: { $0.name == name }) {
            templates[index].template = template
        } else {
            templates.append((name, template))
        }
    }

    /// The template registered as `name`.
    func template(named name: String) -> MustacheTemplate? {
        for entry in templates where entry.name == name { return entry.template }
        return nil
    }

    /// Template `name` rendered with `value`, or nil when there is no such template.
    func render(_ value: MustacheValue, withTemplate name: String) -> String? {
        renderBytes(value, withTemplate: name).map { String(decoding: $0, as: UTF8.self) }
    }

    /// Template `name` rendered as UTF-8 bytes, ready to write.
    func renderBytes(_ value: MustacheValue, withTemplate name: String) -> [UInt8]? {
        guard let template = template(named: name) else { return nil }
        var renderer = MustacheRenderer(library: self, root: value)
        renderer.render(template)
        return renderer.finish()
    }
}

/// Why a template could not be parsed, and where (line and column count characters from 1).
struct MustacheError: Error, Equatable {
    enum Kind: Equatable {
        /// `{{/name}}` closes a section opened with another name (`opened`).
        case closedWithWrongName(opened: String, closed: String)
        /// `{{/name}}` with no section open.
        case closedWithoutOpening(String)
        /// A section, layout or block still open at the end; the position is its opening tag.
        case neverClosed(sigil: String, name: String)
        /// A tag with no closing delimiter.
        case unclosedTag(closer: String)
        case invalidDelimiters
        /// Something other than a block definition or a comment inside `{{<layout}}`.
        case contentInsideLayout
        case emptyName
        /// `{{% ... }}`: swift-mustache's pragmas are not part of the spec.
        case pragma
    }

    var kind: Kind
    var line: Int
    var column: Int
}

/// A node of a parsed template. Its text, names and children are in memory of the
/// template's own (`MustacheStorage`), so walking the nodes copies no array and counts no
/// reference: that counting was the largest part of rendering.
enum MustacheNode: @unchecked Sendable {
    case text(UnsafeBufferPointer<UInt8>)
    case variable(MustachePath, escaped: Bool)
    case section(MustachePath, UnsafeBufferPointer<MustacheNode>, inverted: Bool)
    case partial(String, indent: UnsafeBufferPointer<UInt8>)
    /// The blocks in the order defined; the first definition of a name counts.
    case layout(String, blocks: UnsafeBufferPointer<MustacheBlock>, indent: UnsafeBufferPointer<UInt8>)
    case block(String, UnsafeBufferPointer<MustacheNode>)
}

/// A block's name and its nodes, as defined inside `{{<layout}}`.
struct MustacheBlock: @unchecked Sendable {
    var name: String
    var nodes: UnsafeBufferPointer<MustacheNode>
}

/// A dotted name split once at parse time; no parts for the implicit iterator `{{.}}`.
struct MustachePath: @unchecked Sendable {
    var parts: UnsafeBufferPointer<String>
    /// The length of each part in UTF-8, for finding it in objects (`MustacheObject`).
    var lengths: UnsafeBufferPointer<Int>

    static func parts(_ name: String) -> [String] {
        name == "." ? [] : name.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
    }
}

/// A template as the parser builds it, before it is moved into `MustacheStorage`.
private enum ParsedNode {
    case text([UInt8])
    case variable([String], escaped: Bool)
    case section([String], [ParsedNode], inverted: Bool)
    case partial(String, indent: [UInt8])
    case layout(String, blocks: [(name: String, nodes: [ParsedNode])], indent: [UInt8])
    case block(String, [ParsedNode])
}

/// The memory of one template's nodes, written once when it is parsed and freed with it.
private final class MustacheStorage: @unchecked Sendable {
    private var bytes: [UnsafeMutableBufferPointer<UInt8>] = []
    private var strings: [UnsafeMutableBufferPointer<String>] = []
    private var lengths: [UnsafeMutableBufferPointer<Int>] = []
    private var nodes: [UnsafeMutableBufferPointer<MustacheNode>] = []
    private var blocks: [UnsafeMutableBufferPointer<MustacheBlock>] = []

    deinit {
        for buffer in bytes { buffer.deallocate() }
        for buffer in strings { _ = buffer.deinitialize(); buffer.deallocate() }
        for buffer in lengths { buffer.deallocate() }
        for buffer in nodes { _ = buffer.deinitialize(); buffer.deallocate() }
        for buffer in blocks { _ = buffer.deinitialize(); buffer.deallocate() }
    }

    func freeze(_ parsed: [ParsedNode]) -> UnsafeBufferPointer<MustacheNode> {
        keep(parsed.map(freeze), in: &nodes)
    }

    private func freeze(_ node: ParsedNode) -> MustacheNode {
        switch node {
        case .text(let text): .text(keep(text, in: &bytes))
        case .variable(let parts, let escaped): .variable(path(parts), escaped: escaped)
        case .section(let parts, let children, let inverted): .section(path(parts), freeze(children), inverted: inverted)
        case .partial(let name, let indent): .partial(name, indent: keep(indent, in: &bytes))
        case .layout(let name, let blockList, let indent):
            .layout(
                name, blocks: keep(blockList.map { MustacheBlock(name: $0.name, nodes: freeze($0.nodes)) }, in: &blocks),
                indent: keep(indent, in: &bytes))
        case .block(let name, let children): .block(name, freeze(children))
        }
    }

    private func path(_ parts: [String]) -> MustachePath {
        MustachePath(parts: keep(parts, in: &strings), lengths: keep(parts.map(\.utf8.count), in: &lengths))
    }

    /// A copy of `elements` in memory this storage frees.
    private func keep<Element>(_ elements: [Element], in list: inout [UnsafeMutableBufferPointer<Element>]) -> UnsafeBufferPointer<Element> {
        let buffer = UnsafeMutableBufferPointer<Element>.allocate(capacity: elements.count)
        _ = buffer.initialize(from: elements)
        list.append(buffer)
        return UnsafeBufferPointer(buffer)
    }
}

// MARK: - Parsing

private struct MustacheParser {
    private let bytes: [UInt8]
    private var position = 0
    private var open: [UInt8] = Array("{{".utf8)
    private var close: [UInt8] = Array("}}".utf8)
    /// Byte offset where the current line starts, and whether a tag already sits on it.
    private var lineStart = 0
    private var tagOnLine = false
    /// Where the last literal text copied ended.
    private var textEnd = 0

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    private enum Kind {
        case variable, unescaped, section, inverted, close, partial, layout, block, comment, delimiters, pragma
    }

    private struct Tag {
        var kind: Kind
        var name: String
        /// Where the tag starts in the template, as a byte offset: its line and column are
        /// worked out only for an error, as counting them means reading from the start.
        var offset: Int
        var indent: [UInt8] = []
    }

    /// An open section, layout or block and what was parsed inside it so far.
    private struct Frame {
        var tag: Tag
        var nodes: [ParsedNode] = []
    }

    mutating func parse() throws(MustacheError) -> [ParsedNode] {
        var frames = [Frame(tag: Tag(kind: .section, name: "", offset: 0))]
        var text: [UInt8] = []

        func flush(_ text: inout [UInt8], into frames: inout [Frame]) throws(MustacheError) {
            defer { text.removeAll(keepingCapacity: true) }
            guard !text.isEmpty else { return }
            if frames.last!.tag.kind == .layout {
                // Only block definitions belong inside a layout tag; whitespace is fine.
                if text.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) { return }
                throw error(.contentInsideLayout, at: textStart(text))
            }
            frames[frames.count - 1].nodes.append(.text(text))
        }

        while position < bytes.count {
            guard let tagStart = find(open, from: position) else {
                appendText(upTo: bytes.count, into: &text)
                break
            }
            appendText(upTo: tagStart, into: &text)
            var tag = try readTag(at: tagStart)
            let tagEnd = position
            if Self.canStandAlone(tag.kind), let after = standaloneEnd(tagStart: tagStart, tagEnd: tagEnd) {
                tag.indent = Array(bytes[lineStart..<tagStart])
                text.removeLast(tagStart - lineStart)
                position = after
                lineStart = after
                tagOnLine = false
            } else {
                tagOnLine = true
            }
            if tag.kind != .comment && tag.kind != .delimiters { try flush(&text, into: &frames) }

            switch tag.kind {
            case .comment, .delimiters:
                break
            case .pragma:
                throw error(.pragma, at: tag.offset)
            case .variable, .unescaped:
                try checkInsideLayout(frames, tag)
                frames[frames.count - 1].nodes.append(.variable(MustachePath.parts(tag.name), escaped: tag.kind == .variable))
            case .partial:
                try checkInsideLayout(frames, tag)
                frames[frames.count - 1].nodes.append(.partial(tag.name, indent: tag.indent))
            case .section, .inverted, .layout:
                try checkInsideLayout(frames, tag)
                frames.append(Frame(tag: tag))
            case .block:
                frames.append(Frame(tag: tag))
            case .close:
                guard frames.count > 1 else {
                    throw error(.closedWithoutOpening(tag.name), at: tag.offset)
                }
                let frame = frames.removeLast()
                guard frame.tag.name == tag.name else {
                    throw error(.closedWithWrongName(opened: frame.tag.name, closed: tag.name), at: tag.offset)
                }
                let node: ParsedNode
                switch frame.tag.kind {
                case .layout:
                    var blocks: [(name: String, nodes: [ParsedNode])] = []
                    for case .block(let name, let nodes) in frame.nodes where !blocks.contains(where: { $0.name == name }) {
                        blocks.append((name, nodes))
                    }
                    node = .layout(frame.tag.name, blocks: blocks, indent: frame.tag.indent)
                case .block: node = .block(frame.tag.name, frame.nodes)
                default: node = .section(MustachePath.parts(frame.tag.name), frame.nodes, inverted: frame.tag.kind == .inverted)
                }
                frames[frames.count - 1].nodes.append(node)
            }
        }
        try flush(&text, into: &frames)
        if frames.count > 1 {
            let tag = frames.last!.tag
            let sigil = [Kind.section: "#", .inverted: "^", .layout: "<", .block: "$"][tag.kind] ?? "#"
            throw error(.neverClosed(sigil: sigil, name: tag.name), at: tag.offset)
        }
        return frames[0].nodes
    }

    private static func canStandAlone(_ kind: Kind) -> Bool {
        switch kind {
        case .variable, .unescaped: false
        default: true
        }
    }

    private func checkInsideLayout(_ frames: [Frame], _ tag: Tag) throws(MustacheError) {
        if frames.last!.tag.kind == .layout {
            throw error(.contentInsideLayout, at: tag.offset)
        }
    }

    /// Copies literal text up to `end`, keeping track of where lines start.
    private mutating func appendText(upTo end: Int, into text: inout [UInt8]) {
        var index = position
        while index < end {
            if bytes[index] == 0x0A {
                lineStart = index + 1
                tagOnLine = false
            }
            index += 1
        }
        text.append(contentsOf: bytes[position..<end])
        position = end
        textEnd = end
    }

    /// Where the line after a standalone tag starts: the tag is alone on its line with
    /// only spaces and tabs around it. Nil when it shares the line with text or a tag.
    private func standaloneEnd(tagStart: Int, tagEnd: Int) -> Int? {
        guard !tagOnLine, bytes[lineStart..<tagStart].allSatisfy({ $0 == 0x20 || $0 == 0x09 }) else { return nil }
        var index = tagEnd
        while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x09 { index += 1 }
        if index == bytes.count { return index }
        if bytes[index] == 0x0A { return index + 1 }
        if bytes[index] == 0x0D, index + 1 < bytes.count, bytes[index + 1] == 0x0A { return index + 2 }
        return nil
    }

    private mutating func readTag(at start: Int) throws(MustacheError) -> Tag {
        var index = start + open.count
        var kind = Kind.variable
        var closer = close
        if index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "{") where open == Array("{{".utf8): kind = .unescaped; closer = [UInt8(ascii: "}")] + close
            case UInt8(ascii: "&"): kind = .unescaped
            case UInt8(ascii: "#"): kind = .section
            case UInt8(ascii: "^"): kind = .inverted
            case UInt8(ascii: "/"): kind = .close
            case UInt8(ascii: ">"): kind = .partial
            case UInt8(ascii: "<"): kind = .layout
            case UInt8(ascii: "$"): kind = .block
            case UInt8(ascii: "!"): kind = .comment
            case UInt8(ascii: "="): kind = .delimiters
            case UInt8(ascii: "%"): kind = .pragma
            default: break
            }
            if kind != .variable { index += 1 }
        }
        // Only a comment may span lines: a tag left open is reported where it starts,
        // not where some later tag happens to close it.
        guard let end = find(closer, from: index),
            kind == .comment || !bytes[index..<end].contains(0x0A)
        else {
            throw error(.unclosedTag(closer: String(decoding: closer, as: UTF8.self)), at: start)
        }
        position = end + closer.count
        let name = String(decoding: bytes[index..<end], as: UTF8.self).trimmingSpaces
        if kind == .delimiters {
            guard name.hasSuffix("="), name.count > 1 else {
                throw error(.invalidDelimiters, at: start)
            }
            let parts = name.dropLast().split(whereSeparator: { $0 == " " || $0 == "\t" })
            guard parts.count == 2, !parts.contains(where: { $0.contains("=") }) else {
                throw error(.invalidDelimiters, at: start)
            }
            open = Array(parts[0].utf8)
            close = Array(parts[1].utf8)
        } else if kind != .comment && kind != .pragma && name.isEmpty {
            throw error(.emptyName, at: start)
        }
        return Tag(kind: kind, name: name, offset: start)
    }

    private func find(_ needle: [UInt8], from start: Int) -> Int? {
        guard let first = needle.first, needle.count <= bytes.count else { return nil }
        var index = start
        let last = bytes.count - needle.count
        while index <= last {
            if bytes[index] == first {
                var matched = true
                for offset in 1..<needle.count where bytes[index + offset] != needle[offset] {
                    matched = false
                    break
                }
                if matched { return index }
            }
            index += 1
        }
        return nil
    }

    /// The first byte of `text`'s non-blank content, as an offset into the template.
    private func textStart(_ text: [UInt8]) -> Int {
        let blank = text.prefix { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }.count
        return textEnd - text.count + blank
    }

    /// The error `kind` at byte `offset`.
    private func error(_ kind: MustacheError.Kind, at offset: Int) -> MustacheError {
        let place = location(of: offset)
        return MustacheError(kind: kind, line: place.line, column: place.column)
    }

    /// Line and column (in characters) of byte `offset`.
    private func location(of offset: Int) -> (line: Int, column: Int) {
        var line = 1
        var column = 1
        for byte in bytes[..<min(offset, bytes.count)] {
            if byte == 0x0A {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        return (line, column)
    }
}

// MARK: - Rendering

/// The bytes a rendering writes. Appending checks the room left and copies, where an
/// array's append also makes sure its storage is not shared: a page is a few hundred
/// appends, most of them a few bytes.
private struct OutputBytes: ~Copyable {
    private var start: UnsafeMutablePointer<UInt8>
    private var count = 0
    private var capacity: Int

    init(capacity: Int) {
        start = .allocate(capacity: capacity)
        self.capacity = capacity
    }

    deinit {
        start.deallocate()
    }

    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress else { return }
        if count + bytes.count > capacity { grow(toHold: count + bytes.count) }
        (start + count).initialize(from: source, count: bytes.count)
        count += bytes.count
    }

    mutating func append(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) {
        append(UnsafeBufferPointer(rebasing: bytes))
    }

    mutating func append(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { append($0) }
    }

    mutating func append(_ text: String) {
        if text.utf8.withContiguousStorageIfAvailable({ append($0) }) == nil {
            append(Array(text.utf8))
        }
    }

    private mutating func grow(toHold needed: Int) {
        let newCapacity = max(needed, capacity * 2)
        let newStart = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        newStart.moveInitialize(from: start, count: count)
        start.deallocate()
        (start, capacity) = (newStart, newCapacity)
    }

    /// The bytes written, as an array.
    var bytes: [UInt8] { Array(UnsafeBufferPointer(start: start, count: count)) }
}

private struct MustacheRenderer: ~Copyable {
    let library: MustacheLibrary
    private var output = OutputBytes(capacity: 16_384)
    private var stack: [MustacheValue]
    /// Block overrides in effect, outermost template's first: its definition wins.
    private var blocks: [MustacheBlock] = []
    /// Indentation of the standalone partials being rendered, added after each newline.
    private var indent: [UInt8] = []
    /// A line just started inside an indented partial: the indentation comes before its
    /// first output.
    private var indentPending = false
    private var depth = 0
    /// Partials and layouts nest at most this deep: a template including itself stops here.
    private static let maximumDepth = 64

    init(library: MustacheLibrary, root: MustacheValue) {
        self.library = library
        stack = [root]
    }

    /// What was rendered.
    consuming func finish() -> [UInt8] { output.bytes }

    /// Renders `template`, which is kept alive while its nodes are read.
    mutating func render(_ template: MustacheTemplate) {
        withExtendedLifetime(template) { render(template.nodes) }
    }

    mutating func render(_ nodes: UnsafeBufferPointer<MustacheNode>) {
        for node in nodes {
            switch node {
            case .text(let bytes):
                if indent.isEmpty {
                    output.append(bytes)
                } else {
                    appendIndented(bytes)
                }
            case .variable(let path, let escaped):
                guard let value = lookUp(path) else { continue }
                if indentPending {
                    output.append(indent)
                    indentPending = false
                }
                switch value {
                case .text(let text): escaped ? appendEscaped(text) : output.append(text)
                case .flag(let flag): output.append(flag ? "true" : "false")
                case .list, .items, .object: break
                }
            case .section(let path, let children, let inverted):
                let value = lookUp(path)
                if inverted {
                    if value?.isFalsey ?? true { render(children) }
                    continue
                }
                guard let value, !value.isFalsey else { continue }
                switch value {
                case .list(let items):
                    for item in items {
                        stack.append(item)
                        render(children)
                        stack.removeLast()
                    }
                case .items(let items):
                    for index in 0..<items.count {
                        stack.append(items.item(index))
                        render(children)
                        stack.removeLast()
                    }
                case .flag:
                    render(children)
                case .text, .object:
                    stack.append(value)
                    render(children)
                    stack.removeLast()
                }
            case .partial(let name, let partialIndent):
                guard depth < Self.maximumDepth, let template = library.template(named: name) else { continue }
                let saved = indent
                if !partialIndent.isEmpty {
                    indent.append(contentsOf: partialIndent)
                    indentPending = true
                }
                depth += 1
                render(template)
                depth -= 1
                indent = saved
            case .layout(let name, let overrides, let layoutIndent):
                guard depth < Self.maximumDepth, let template = library.template(named: name) else { continue }
                let saved = (blocks.count, indent)
                blocks.append(contentsOf: overrides)
                if !layoutIndent.isEmpty {
                    indent.append(contentsOf: layoutIndent)
                    indentPending = true
                }
                depth += 1
                // The overrides' nodes belong to a template that includes this one, which
                // is kept alive further up.
                render(template)
                depth -= 1
                blocks.removeSubrange(saved.0...)
                indent = saved.1
            case .block(let name, let children):
                render(blocks.first { $0.name == name }?.nodes ?? children)
            }
        }
    }

    /// Text with the partials' indentation at the start of each line it writes on.
    private mutating func appendIndented(_ bytes: UnsafeBufferPointer<UInt8>) {
        var start = 0
        while start < bytes.count {
            if indentPending {
                output.append(indent)
                indentPending = false
            }
            guard let newline = bytes[start...].firstIndex(of: 0x0A) else {
                output.append(bytes[start...])
                return
            }
            output.append(bytes[start...newline])
            indentPending = true
            start = newline + 1
        }
    }

    /// A name resolved as the spec says: the first part up the context stack, the rest
    /// inside what it found.
    private func lookUp(_ path: MustachePath) -> MustacheValue? {
        guard let first = path.parts.first else { return stack.last }
        let firstLength = path.lengths[0]
        var found: MustacheValue?
        var index = stack.endIndex
        while index > stack.startIndex {
            index -= 1
            if case .object(let object) = stack[index], let value = object[first, length: firstLength] {
                found = value
                break
            }
        }
        for part in 1..<path.parts.count {
            guard case .object(let object)? = found else { return nil }
            found = object[path.parts[part], length: path.lengths[part]]
        }
        return found
    }

    /// `< > & " '` as entities; everything else as it is.
    private mutating func appendEscaped(_ text: String) {
        // Read in place (native strings are contiguous); a bridged string is copied first.
        if text.utf8.withContiguousStorageIfAvailable({ appendEscaped($0) }) == nil {
            Array(text.utf8).withUnsafeBufferPointer { appendEscaped($0) }
        }
    }

    /// The characters `appendEscaped` replaces, as bits of a mask: all are below 64, so a
    /// byte is tested with a shift rather than a comparison with each.
    private static var escapedBytes: UInt64 {
        1 << UInt8(ascii: "&") | 1 << UInt8(ascii: "<") | 1 << UInt8(ascii: ">") | 1 << UInt8(ascii: "\"") | 1 << UInt8(ascii: "'")
    }

    private mutating func appendEscaped(_ bytes: UnsafeBufferPointer<UInt8>) {
        var start = 0
        for index in 0..<bytes.count {
            let byte = bytes[index]
            guard byte < 64, Self.escapedBytes >> byte & 1 != 0 else { continue }
            let entity: StaticString
            switch byte {
            case UInt8(ascii: "&"): entity = "&amp;"
            case UInt8(ascii: "<"): entity = "&lt;"
            case UInt8(ascii: ">"): entity = "&gt;"
            case UInt8(ascii: "\""): entity = "&quot;"
            default: entity = "&#39;"
            }
            output.append(bytes[start..<index])
            entity.withUTF8Buffer { output.append($0) }
            start = index + 1
        }
        output.append(bytes[start..<bytes.count])
    }
}
