import CCmark

/// A top-level block of a markdown document, already rendered, with what the note
/// reader needs to recognise dated sections and "Ask about:" lists.
struct MarkdownBlock: Sendable {
    enum Kind: Equatable, Sendable {
        case heading(level: Int)
        case paragraph
        case list
        case other
    }

    var kind: Kind
    /// The block's plain text (headings and paragraphs), for recognising patterns.
    var text: String
    /// 1-based, relative to the markdown text given to the parser.
    var line: Int
    var column: Int
    var html: String
    /// Headings and paragraphs: the rendered inline content, without the block tag.
    var inlineHTML: String
    /// Lists: each item's inline content (a one-paragraph item loses its `<p>`), plain text and
    /// where the item's text starts.
    var items: [(html: String, text: String, line: Int, column: Int)]
}

/// The one place that talks to libcmark. Everything it returns is a Swift value;
/// trees never leave this file, and each is freed by `defer` in the function that made it.
enum CommonMark {
    /// Renders a whole document to HTML. Raw HTML and unsafe links (`javascript:` and
    /// the like) are dropped unless `unsafe`; quotes and dashes become typographic.
    static func html(_ markdown: String, unsafe: Bool = false) -> String {
        withDocument(markdown, unsafe: unsafe) { root, options in render(root, options) }
    }

    /// Parses a document and returns its top-level blocks, each rendered separately.
    static func blocks(_ markdown: String, unsafe: Bool = false) -> [MarkdownBlock] {
        withDocument(markdown, unsafe: unsafe) { root, options in
            var blocks: [MarkdownBlock] = []
            var node = cmark_node_first_child(root)
            while let current = node {
                blocks.append(block(current, options))
                node = cmark_node_next(current)
            }
            return blocks
        }
    }

    private static func options(unsafe: Bool) -> Int32 {
        var options = CMARK_OPT_SMART | CMARK_OPT_VALIDATE_UTF8
        if unsafe { options |= CMARK_OPT_UNSAFE }
        return Int32(options)
    }

    private static func withDocument<Result>(
        _ markdown: String, unsafe: Bool, _ body: (OpaquePointer, Int32) -> Result
    ) -> Result {
        let options = options(unsafe: unsafe)
        var text = markdown
        let root = text.withUTF8 { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                cmark_parse_document(chars.baseAddress, chars.count, options)
            }
        }!
        defer { cmark_node_free(root) }
        return body(root, options)
    }

    private static func render(_ node: OpaquePointer, _ options: Int32) -> String {
        guard let buffer = cmark_render_html(node, options) else { return "" }
        defer { free(buffer) }
        return String(cString: buffer)
    }

    private static func block(_ node: OpaquePointer, _ options: Int32) -> MarkdownBlock {
        let type = cmark_node_get_type(node)
        let kind: MarkdownBlock.Kind
        switch type {
        case CMARK_NODE_HEADING: kind = .heading(level: Int(cmark_node_get_heading_level(node)))
        case CMARK_NODE_PARAGRAPH: kind = .paragraph
        case CMARK_NODE_LIST: kind = .list
        default: kind = .other
        }
        var items: [(html: String, text: String, line: Int, column: Int)] = []
        if kind == .list {
            var item = cmark_node_first_child(node)
            while let current = item {
                let only = cmark_node_first_child(current)
                if let only, cmark_node_next(only) == nil, cmark_node_get_type(only) == CMARK_NODE_PARAGRAPH {
                    items.append((renderChildren(only, options), plainText(only), Int(cmark_node_get_start_line(only)), Int(cmark_node_get_start_column(only))))
                } else {
                    items.append((renderChildren(current, options), plainText(current), Int(cmark_node_get_start_line(current)), Int(cmark_node_get_start_column(current))))
                }
                item = cmark_node_next(current)
            }
        }
        let isInline = kind == .paragraph || kind != .list && kind != .other
        return MarkdownBlock(
            kind: kind,
            text: isInline ? plainText(node) : "",
            line: Int(cmark_node_get_start_line(node)),
            column: Int(cmark_node_get_start_column(node)),
            html: render(node, options),
            inlineHTML: isInline ? renderChildren(node, options) : "",
            items: items)
    }

    private static func renderChildren(_ node: OpaquePointer, _ options: Int32) -> String {
        var html = ""
        var child = cmark_node_first_child(node)
        while let current = child {
            html += render(current, options)
            child = cmark_node_next(current)
        }
        return html.hasSuffix("\n") ? String(html.dropLast()) : html
    }

    /// The text of `node`'s descendants. Walked with cmark's iterator, not by recursion: a
    /// note may nest lists or quotes tens of thousands deep, and would overflow the stack.
    private static func plainText(_ node: OpaquePointer) -> String {
        var text = ""
        guard let iterator = cmark_iter_new(node) else { return text }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let current = cmark_iter_get_node(iterator), current != node else { continue }
            switch cmark_node_get_type(current) {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                if let literal = cmark_node_get_literal(current) { text += String(cString: literal) }
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                text += " "
            default:
                break
            }
        }
        return text
    }
}
