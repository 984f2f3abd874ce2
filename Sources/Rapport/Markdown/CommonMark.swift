import CCmark
import CSupport
import Foundation

/// A top-level block of a parsed markdown document, with what the note reader needs to
/// recognise dated sections and "Ask about:" lists. It reads the parsed tree when asked, so
/// it is valid only inside the `CommonMark.withBlocks` call that handed it out (as a pointer
/// is only inside `withUnsafeBufferPointer`), and each property does its work on every use.
struct MarkdownBlock {
    enum Kind: Equatable, Sendable {
        case heading(level: Int)
        case paragraph
        case list
        case other
    }

    /// A list item: its inline content (a one-paragraph item loses its `<p>`), its plain text
    /// and where its text starts.
    typealias Item = (html: String, text: String, line: Int, column: Int)

    let kind: Kind
    fileprivate let node: OpaquePointer
    fileprivate let rendering: CommonMark.Rendering

    /// 1-based, relative to the markdown text given to the parser.
    var line: Int { Int(cmark_node_get_start_line(node)) }
    var column: Int { Int(cmark_node_get_start_column(node)) }

    /// The plain text of a heading or paragraph ("" for other blocks), for recognising patterns.
    var text: String {
        switch kind {
        case .heading:
            if let text = CommonMark.onlyText(node) { String(decoding: text, as: UTF8.self) } else { CommonMark.plainText(node)! }
        case .paragraph: CommonMark.plainText(node)!
        case .list, .other: ""
        }
    }

    /// `text`, or nil when it is surely longer than `limit` UTF-8 bytes even without its
    /// leading and trailing spaces. A paragraph is read only as far as it takes to tell.
    func text(atMost limit: Int) -> String? {
        switch kind {
        case .heading, .paragraph: CommonMark.plainText(node, limit: limit)
        case .list, .other: ""
        }
    }

    /// The bytes of the block's text when it is all one text node (as most headings are),
    /// valid while the block is; nil otherwise.
    var onlyText: UnsafeBufferPointer<UInt8>? { CommonMark.onlyText(node) }

    /// The first byte of `text`, when the block starts with a text node and it tells
    /// without reading further; nil when unknown.
    var leadingTextByte: UInt8? {
        guard let child = cmark_node_first_child(node), cmark_node_get_type(child) == CMARK_NODE_TEXT,
            let literal = cmark_node_get_literal(child), literal.pointee != 0
        else { return nil }
        return UInt8(bitPattern: literal.pointee)
    }

    /// The block rendered.
    var html: String { CommonMark.render(node, rendering) }

    /// Appends the block, rendered, to `html`: without making a string of each block, a
    /// note's blocks become one string at the end.
    func appendHTML(to html: inout [UInt8]) {
        CommonMark.withRendered(node, rendering) { html.append(contentsOf: $0) }
    }

    /// Headings: the rendered inline content, without the block tag ("" for other blocks).
    var inlineHTML: String {
        guard case .heading(let level) = kind else { return "" }
        if let text = CommonMark.onlyText(node) { return CommonMark.escapedText(text) }
        return CommonMark.headingContent(node, level: level, rendering)
    }

    /// Lists: each item ([] for other blocks).
    var items: [Item] {
        guard kind == .list else { return [] }
        var items: [Item] = []
        var item = cmark_node_first_child(node)
        while let current = item {
            // A one-paragraph item is read as its paragraph.
            var content = current
            if let only = cmark_node_first_child(current), cmark_node_next(only) == nil, cmark_node_get_type(only) == CMARK_NODE_PARAGRAPH {
                content = only
            }
            items.append(
                (CommonMark.renderChildren(content, rendering), CommonMark.plainText(content)!,
                 Int(cmark_node_get_start_line(content)), Int(cmark_node_get_start_column(content))))
            item = cmark_node_next(current)
        }
        return items
    }
}

/// The one place that talks to libcmark. Other files see Swift values, and blocks that read
/// a tree only inside the call that parsed it; each tree is freed by `defer` in the
/// function that made it.
enum CommonMark {
    /// Renders a whole document to HTML. Raw HTML and unsafe links (`javascript:` and
    /// the like) are dropped unless `unsafe`; quotes and dashes become typographic.
    static func html(_ markdown: String, unsafe: Bool = false) -> String {
        withDocument(markdown[...], unsafe: unsafe) { root, rendering in render(root, rendering) }
    }

    /// Parses a document and runs `body` on its top-level blocks, which are valid until it returns.
    static func withBlocks<Result>(_ markdown: Substring, unsafe: Bool = false, _ body: ([MarkdownBlock]) -> Result) -> Result {
        withDocument(markdown, unsafe: unsafe) { root, rendering in
            var blocks: [MarkdownBlock] = []
            var count = 0
            var node = cmark_node_first_child(root)
            while let current = node {
                count += 1
                node = cmark_node_next(current)
            }
            blocks.reserveCapacity(count)
            node = cmark_node_first_child(root)
            while let current = node {
                let kind: MarkdownBlock.Kind
                switch cmark_node_get_type(current) {
                case CMARK_NODE_HEADING: kind = .heading(level: Int(cmark_node_get_heading_level(current)))
                case CMARK_NODE_PARAGRAPH: kind = .paragraph
                case CMARK_NODE_LIST: kind = .list
                default: kind = .other
                }
                blocks.append(MarkdownBlock(kind: kind, node: current, rendering: rendering))
                node = cmark_node_next(current)
            }
            return body(blocks)
        }
    }

    /// How a parsed tree renders: its options, and the memory its HTML is given back to.
    fileprivate struct Rendering {
        var options: Int32
        var memory: UnsafeMutablePointer<cmark_mem>
    }

    /// No `CMARK_OPT_VALIDATE_UTF8`: cmark is only given the bytes of Swift strings, which
    /// are valid UTF-8 already, and checking them again byte by byte was 2% of a build.
    private static func options(unsafe: Bool) -> Int32 {
        var options = CMARK_OPT_SMART
        if unsafe { options |= CMARK_OPT_UNSAFE }
        return Int32(options)
    }

    /// Parses `markdown` and runs `body` on the tree. A note-sized document is read into
    /// `DocumentMemory`, which goes with the tree; a larger one into malloc's memory, freed here.
    private static func withDocument<Result>(
        _ markdown: Substring, unsafe: Bool, _ body: (OpaquePointer, Rendering) -> Result
    ) -> Result {
        let options = options(unsafe: unsafe)
        var text = markdown
        return text.withUTF8 { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                guard chars.count <= DocumentMemory.largestDocument else {
                    let root = cmark_parse_document(chars.baseAddress, chars.count, options)!
                    defer { cmark_node_free(root) }
                    return body(root, Rendering(options: options, memory: cmark_get_default_mem_allocator()))
                }
                return DocumentMemory.use { memory in
                    let parser = cmark_parser_new_with_mem(options, memory)!
                    defer { cmark_parser_free(parser) }
                    cmark_parser_feed(parser, chars.baseAddress, chars.count)
                    return body(cmark_parser_finish(parser)!, Rendering(options: options, memory: memory))
                }
            }
        }
    }

    /// Runs `body` on the HTML of `node`, which is given back when it returns.
    fileprivate static func withRendered<Result>(
        _ node: OpaquePointer, _ rendering: Rendering, _ body: (UnsafeBufferPointer<UInt8>) -> Result
    ) -> Result {
        guard let buffer = cmark_render_html(node, rendering.options) else { return body(UnsafeBufferPointer(start: nil, count: 0)) }
        defer { rendering.memory.pointee.free(buffer) }
        return buffer.withMemoryRebound(to: UInt8.self, capacity: 1) { bytes in
            body(UnsafeBufferPointer(start: bytes, count: strlen(buffer)))
        }
    }

    fileprivate static func render(_ node: OpaquePointer, _ rendering: Rendering) -> String {
        withRendered(node, rendering) { String(decoding: $0, as: UTF8.self) }
    }

    /// What `renderChildren` gives for a heading, cut from the heading's own HTML: cmark
    /// writes `<hN>`, each child as it renders alone, then `</hN>` and a line break. One
    /// render instead of one per child; the children are rendered if the HTML is not of that shape.
    fileprivate static func headingContent(_ node: OpaquePointer, level: Int, _ rendering: Rendering) -> String {
        let content: String? = withRendered(node, rendering) { html in
            guard headingTags.indices.contains(level - 1) else { return nil }
            let (open, close) = headingTags[level - 1]
            guard html.count >= open.count + close.count, html.starts(with: open), html.suffix(close.count).elementsEqual(close)
            else { return nil }
            return String(decoding: withoutFinalLineBreak(html[open.count..<html.count - close.count]), as: UTF8.self)
        }
        return content ?? renderChildren(node, rendering)
    }

    /// The text of `node` when it is all one text node, as most headings are (cmark joins
    /// adjacent text when it finishes parsing); nil otherwise. Valid while the tree is.
    fileprivate static func onlyText(_ node: OpaquePointer) -> UnsafeBufferPointer<UInt8>? {
        guard let child = cmark_node_first_child(node), cmark_node_next(child) == nil, cmark_node_get_type(child) == CMARK_NODE_TEXT,
            let literal = cmark_node_get_literal(child)
        else { return nil }
        return literal.withMemoryRebound(to: UInt8.self, capacity: 1) { UnsafeBufferPointer(start: $0, count: strlen(literal)) }
    }

    /// Text as cmark's HTML renders a text node: `&`, `<`, `>` and `"` as entities (its
    /// `houdini_escape_html0` with `secure` off, which leaves `'` and `/` as they are).
    /// Without rendering, for the inline HTML of one-text headings.
    static func escapedText(_ text: UnsafeBufferPointer<UInt8>) -> String {
        func escaped(_ byte: UInt8) -> StaticString? {
            switch byte {
            case UInt8(ascii: "&"): "&amp;"
            case UInt8(ascii: "<"): "&lt;"
            case UInt8(ascii: ">"): "&gt;"
            case UInt8(ascii: "\""): "&quot;"
            default: nil
            }
        }
        // Most headings have nothing to escape: their text is their HTML.
        guard let first = text.firstIndex(where: { escaped($0) != nil }) else { return String(decoding: text, as: UTF8.self) }
        var html: [UInt8] = []
        html.reserveCapacity(text.count + 16)
        var start = 0
        for index in first..<text.count {
            guard let entity = escaped(text[index]) else { continue }
            html.append(contentsOf: text[start..<index])
            entity.withUTF8Buffer { html.append(contentsOf: $0) }
            start = index + 1
        }
        html.append(contentsOf: text[start...])
        return String(decoding: html, as: UTF8.self)
    }

    /// `<h1>` and `</h1>\n` to `<h6>` and `</h6>\n`, as bytes.
    private static let headingTags = (1...6).map { level in (open: Array("<h\(level)>".utf8), close: Array("</h\(level)>\n".utf8)) }

    fileprivate static func renderChildren(_ node: OpaquePointer, _ rendering: Rendering) -> String {
        var html: [UInt8] = []
        var child = cmark_node_first_child(node)
        while let current = child {
            withRendered(current, rendering) { html.append(contentsOf: $0) }
            child = cmark_node_next(current)
        }
        return String(decoding: withoutFinalLineBreak(html[...]), as: UTF8.self)
    }

    /// Without a final "\n" Character. ("\r\n" is another Character, and stays.)
    private static func withoutFinalLineBreak<Bytes: BidirectionalCollection<UInt8>>(_ html: Bytes) -> Bytes.SubSequence {
        let endsInLineFeed = html.last == UInt8(ascii: "\n") && html.dropLast().last != UInt8(ascii: "\r")
        return endsInLineFeed ? html.dropLast() : html[...]
    }

    /// The text of `node`'s descendants; nil, when a `limit` is given, once the text is
    /// surely longer than `limit` UTF-8 bytes without its leading and trailing spaces.
    /// Walked with cmark's iterator, not by recursion: a note may nest lists or quotes tens
    /// of thousands deep, and would overflow the stack.
    fileprivate static func plainText(_ node: OpaquePointer, limit: Int? = nil) -> String? {
        var text: [UInt8] = []
        // Where the first and last ASCII bytes other than a space or tab are: never trimmed,
        // whatever else is, they and what is between them are the least the text can be.
        var firstSolid: Int?
        var lastSolid = 0
        guard let iterator = cmark_iter_new(node) else { return "" }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let current = cmark_iter_get_node(iterator), current != node else { continue }
            let start = text.count
            switch cmark_node_get_type(current) {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                guard let literal = cmark_node_get_literal(current) else { continue }
                literal.withMemoryRebound(to: UInt8.self, capacity: 1) { bytes in
                    text.append(contentsOf: UnsafeBufferPointer(start: bytes, count: strlen(literal)))
                }
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                text.append(UInt8(ascii: " "))
            default:
                continue
            }
            guard let limit else { continue }
            let added = text[start...]
            if firstSolid == nil { firstSolid = added.firstIndex(where: isSolid) }
            if let last = added.lastIndex(where: isSolid) { lastSolid = last }
            if let firstSolid, lastSolid - firstSolid >= limit { return nil }
        }
        return String(decoding: text, as: UTF8.self)
    }

    private static func isSolid(_ byte: UInt8) -> Bool {
        byte < 0x80 && byte != UInt8(ascii: " ") && byte != UInt8(ascii: "\t")
    }
}

/// Memory for cmark while it reads and renders one note-sized document: pieces handed out
/// in order from blocks, all given back at once when the document is done (in C, beside
/// this: see `document_memory.c`). cmark asks for some 450 pieces for a note of 2 KB, and
/// malloc, which takes a lock for each once a process has threads, cost about as much as
/// the parsing.
private enum DocumentMemory {
    /// Larger documents use malloc: what cmark asks for grows with the text (to 200 times
    /// its size for some hostile text), and none of it is reused before the end.
    static let largestDocument = 16 * 1024

    /// Runs `body` with fresh document memory for this thread, given back when it returns.
    static func use<Result>(_ body: (UnsafeMutablePointer<cmark_mem>) -> Result) -> Result {
        rapport_document_memory_begin()
        defer { rapport_document_memory_end() }
        return body(rapport_document_allocator().assumingMemoryBound(to: cmark_mem.self))
    }
}
