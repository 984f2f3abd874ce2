import CCmark
import Foundation

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
    /// Headings: the rendered inline content, without the block tag.
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
        withDocument(markdown[...], unsafe: unsafe) { root, rendering in render(root, rendering) }
    }

    /// Parses a document and returns its top-level blocks, each rendered separately.
    static func blocks(_ markdown: Substring, unsafe: Bool = false) -> [MarkdownBlock] {
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
                blocks.append(block(current, rendering))
                node = cmark_node_next(current)
            }
            return blocks
        }
    }

    /// How a parsed tree renders: its options, and the memory its HTML is given back to.
    private struct Rendering {
        var options: Int32
        var memory: UnsafeMutablePointer<cmark_mem>
    }

    private static func options(unsafe: Bool) -> Int32 {
        var options = CMARK_OPT_SMART | CMARK_OPT_VALIDATE_UTF8
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

    private static func render(_ node: OpaquePointer, _ rendering: Rendering) -> String {
        guard let buffer = cmark_render_html(node, rendering.options) else { return "" }
        defer { rendering.memory.pointee.free(buffer) }
        return String(cString: buffer)
    }

    private static func block(_ node: OpaquePointer, _ rendering: Rendering) -> MarkdownBlock {
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
                    items.append((renderChildren(only, rendering), plainText(only), Int(cmark_node_get_start_line(only)), Int(cmark_node_get_start_column(only))))
                } else {
                    items.append((renderChildren(current, rendering), plainText(current), Int(cmark_node_get_start_line(current)), Int(cmark_node_get_start_column(current))))
                }
                item = cmark_node_next(current)
            }
        }
        let isInline = kind == .paragraph || kind != .list && kind != .other
        let html = render(node, rendering)
        var inlineHTML = ""
        if case .heading(let level) = kind {
            inlineHTML = headingContent(html, level: level) ?? renderChildren(node, rendering)
        }
        return MarkdownBlock(
            kind: kind,
            text: isInline ? plainText(node) : "",
            line: Int(cmark_node_get_start_line(node)),
            column: Int(cmark_node_get_start_column(node)),
            html: html,
            inlineHTML: inlineHTML,
            items: items)
    }

    /// What `renderChildren` gives for a heading, cut from the heading's own HTML: cmark
    /// writes `<hN>`, each child as it renders alone, then `</hN>` and a line break. One
    /// render instead of one per child; nil if the HTML is not of that shape.
    private static func headingContent(_ html: String, level: Int) -> String? {
        guard headingTags.indices.contains(level - 1) else { return nil }
        let (open, close) = headingTags[level - 1]
        var bytes = html  // `withUTF8` needs a variable; a native string is not copied
        return bytes.withUTF8 { bytes in
            guard bytes.count >= open.count + close.count, bytes.starts(with: open), bytes.suffix(close.count).elementsEqual(close)
            else { return nil }
            let content = UnsafeBufferPointer(rebasing: bytes[open.count..<bytes.count - close.count])
            return withoutFinalLineBreak(String(decoding: content, as: UTF8.self))
        }
    }

    /// `<h1>` and `</h1>\n` to `<h6>` and `</h6>\n`, as bytes.
    private static let headingTags = (1...6).map { level in (open: Array("<h\(level)>".utf8), close: Array("</h\(level)>\n".utf8)) }

    private static func renderChildren(_ node: OpaquePointer, _ rendering: Rendering) -> String {
        var html = ""
        var child = cmark_node_first_child(node)
        while let current = child {
            html += render(current, rendering)
            child = cmark_node_next(current)
        }
        return withoutFinalLineBreak(html)
    }

    /// Without a final "\n" Character. ("\r\n" is another Character, and stays.)
    private static func withoutFinalLineBreak(_ html: String) -> String {
        var bytes = html  // `withUTF8` needs a variable; a native string is not copied
        let endsInLineFeed = bytes.withUTF8 { bytes in
            bytes.last == UInt8(ascii: "\n") && (bytes.count < 2 || bytes[bytes.count - 2] != UInt8(ascii: "\r"))
        }
        return endsInLineFeed ? String(html.dropLast()) : html
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

/// Memory for cmark while it reads and renders one note-sized document: pieces handed out
/// in order from blocks of 64 KB, all given back at once when the document is done. cmark
/// asks for some 450 pieces for a note of 2 KB, and malloc, which takes a lock for each
/// once a process has threads, cost about as much as the parsing.
private struct DocumentMemory {
    /// Larger documents use malloc: what cmark asks for grows with the text (to 200 times
    /// its size for some hostile text), and none of it is reused before the end.
    static let largestDocument = 16 * 1024
    private static let blockSize = 64 * 1024
    /// Each piece is preceded by its size, and aligned as malloc aligns. A block starts
    /// with the address of the block before it.
    private static let header = 16

    private var block: UnsafeMutableRawPointer?
    private var used = 0
    private var capacity = 0
    /// The piece handed out last, which can grow in place.
    private var lastPiece: UnsafeMutableRawPointer?

    private mutating func allocate(_ size: Int) -> UnsafeMutableRawPointer {
        let length = Self.header + Self.rounded(size)
        if block == nil || used + length > capacity {
            let blockLength = max(Self.blockSize, Self.header + length)
            guard let newBlock = blockLength == Self.blockSize ? Self.takeSpareBlock() : malloc(blockLength) else {
                fatalError("out of memory")
            }
            newBlock.storeBytes(of: block, as: UnsafeMutableRawPointer?.self)
            (block, used, capacity) = (newBlock, Self.header, blockLength)
        }
        let piece = block! + used + Self.header
        (piece - Self.header).storeBytes(of: size, as: Int.self)
        used += length
        lastPiece = piece
        return piece
    }

    private mutating func reallocate(_ piece: UnsafeMutableRawPointer?, to size: Int) -> UnsafeMutableRawPointer {
        guard let piece else { return allocate(size) }
        let oldSize = (piece - Self.header).load(as: Int.self)
        if piece == lastPiece, let block, piece - block + Self.rounded(size) <= capacity {
            (piece - Self.header).storeBytes(of: size, as: Int.self)
            used = piece - block + Self.rounded(size)
            return piece
        }
        let moved = allocate(size)
        moved.copyMemory(from: piece, byteCount: min(oldSize, size))
        return moved
    }

    /// Gives the blocks back; the first (of at least the usual size) is kept for this
    /// thread's next document.
    private func freeBlocks() {
        var next = block
        while let current = next {
            next = current.load(as: UnsafeMutableRawPointer?.self)
            if next == nil {
                Self.keepSpareBlock(current)
            } else {
                free(current)
            }
        }
    }

    /// A block of `blockSize` bytes: this thread's spare one, or a new one. Handing the
    /// same block to each document saves the page faults of memory malloc gave back to
    /// the system in between (a 64 KB block freed at the top of the heap is trimmed).
    private static func takeSpareBlock() -> UnsafeMutableRawPointer? {
        guard let spare = pthread_getspecific(spareKey) else { return malloc(blockSize) }
        pthread_setspecific(spareKey, nil)
        return spare
    }

    private static func keepSpareBlock(_ block: UnsafeMutableRawPointer) {
        if pthread_getspecific(spareKey) == nil {
            pthread_setspecific(spareKey, block)
        } else {
            free(block)
        }
    }

    /// A thread's spare block, freed when the thread ends.
    private static let spareKey: pthread_key_t = {
        var key = pthread_key_t()
        guard pthread_key_create(&key, { free($0) }) == 0 else { fatalError("cannot create a thread-local key") }
        return key
    }()

    private static func rounded(_ size: Int) -> Int { (size + header - 1) / header * header }

    /// cmark's calls carry no context: each thread finds the memory of its document here.
    private static let currentKey: pthread_key_t = {
        var key = pthread_key_t()
        guard pthread_key_create(&key, nil) == 0 else { fatalError("cannot create a thread-local key") }
        return key
    }()

    private static var current: UnsafeMutablePointer<DocumentMemory> {
        pthread_getspecific(currentKey)!.assumingMemoryBound(to: DocumentMemory.self)
    }

    /// What cmark calls: `calloc` and `realloc` hand out the current thread's document memory,
    /// and `free` leaves it all for the end.
    nonisolated(unsafe) private static let allocator: UnsafeMutablePointer<cmark_mem> = {
        let allocator = UnsafeMutablePointer<cmark_mem>.allocate(capacity: 1)
        allocator.initialize(
            to: cmark_mem(
                calloc: { count, size in
                    let (total, overflow) = count.multipliedReportingOverflow(by: size)
                    guard !overflow else { fatalError("cmark asked for too much memory") }
                    let piece = current.pointee.allocate(total)
                    piece.initializeMemory(as: UInt8.self, repeating: 0, count: total)
                    return piece
                },
                realloc: { piece, size in current.pointee.reallocate(piece, to: size) },
                free: { _ in }))
        return allocator
    }()

    /// Runs `body` with fresh document memory for this thread, given back when it returns.
    static func use<Result>(_ body: (UnsafeMutablePointer<cmark_mem>) -> Result) -> Result {
        var memory = DocumentMemory()
        return withUnsafeMutablePointer(to: &memory) { memory in
            let previous = pthread_getspecific(currentKey)
            pthread_setspecific(currentKey, memory)
            defer {
                pthread_setspecific(currentKey, previous)
                memory.pointee.freeBlocks()
            }
            return body(allocator)
        }
    }
}
