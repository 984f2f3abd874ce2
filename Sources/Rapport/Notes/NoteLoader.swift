import Foundation

/// Reads `content/notes/<id>.md` files: front matter, general notes, the "Ask about:"
/// list and the dated visit sections (`## 2026-03-14 — haircut`).
public struct NoteLoader: Sendable {
    public var unsafeMarkdown: Bool

    public init(unsafeMarkdown: Bool) {
        self.unsafeMarkdown = unsafeMarkdown
    }

    /// Parses one note. Returns nil (with diagnostics) when it cannot be used at all.
    public func loadNote(_ text: String, path: String, diagnostics: inout Diagnostics) -> CustomerNote? {
        let text = text.withUnixLineEndings
        let parts: FrontMatter
        do {
            parts = try FrontMatter.split(text)
        } catch {
            diagnostics.error(SourceLocation(path: path, line: 1, column: 1), "front matter opened here is never closed with a '---' line")
            return nil
        }
        guard parts.hasFrontMatter else {
            diagnostics.error(
                SourceLocation(path: path, line: 1, column: 1),
                "missing front matter: a note starts with '---', 'customer: <id>', '---'")
            return nil
        }
        guard let entries = Self.frontMatterEntries(parts, path: path, diagnostics: &diagnostics) else { return nil }

        var customerID: String?
        var customerLocation = SourceLocation(path: path, line: 1, column: 1)
        var followUps: [CustomerNote.FollowUp] = []
        for entry in entries {
            switch entry.key {
            case "customer":
                customerLocation = entry.location
                if let id = entry.text, !id.isEmpty {
                    customerID = id
                } else {
                    diagnostics.error(customerLocation, "'customer' must be a customer id")
                    return nil
                }
            case "follow_up":
                let items = entry.text.map { [FrontMatterEntry.Item(text: $0, location: entry.location)] } ?? entry.items
                for item in items {
                    if let followUp = Self.followUp(item.text, htmlText: escapeHTML(item.text), location: item.location, diagnostics: &diagnostics) {
                        followUps.append(followUp)
                    }
                }
            default:
                diagnostics.warning(entry.keyLocation, "unknown front matter key '\(entry.key)' (known: customer, follow_up)")
            }
        }
        guard let customerID else {
            diagnostics.error(SourceLocation(path: path, line: 1, column: 1), "front matter has no 'customer:' naming the customer id")
            return nil
        }

        var note = CommonMark.withBlocks(parts.bodyText, unsafe: unsafeMarkdown) { blocks in
            var note = CustomerNote.Fields(
                customerID: customerID, customerLocation: customerLocation, path: path, html: "", askAbout: [],
                followUps: followUps, makeItRight: [], visits: [])
            read(blocks, of: parts, into: &note, path: path, diagnostics: &diagnostics)
            return note
        }
        note.visits.sort { $0.date > $1.date }
        return CustomerNote(note)
    }

    /// Reads the blocks of a note's body: its letters, visits, lists and the rest.
    private func read(
        _ blocks: [MarkdownBlock], of parts: FrontMatter, into note: inout CustomerNote.Fields, path: String, diagnostics: inout Diagnostics
    ) {
        // The HTML of the note and of its current visit, made strings once they are complete.
        var noteHTML: [UInt8] = []
        var visitHTML: [UInt8] = []
        var currentVisit: CustomerNote.Visit?
        // The body's lines, split once when first needed: splitting them again for every
        // heading made a note of thousands of headings take minutes.
        var bodyLinesCache: [Substring]?
        func bodyLines() -> [Substring] {
            if let lines = bodyLinesCache { return lines }
            let lines = parts.body.split(separator: "\n", omittingEmptySubsequences: false)
            bodyLinesCache = lines
            return lines
        }
        func closeVisit() {
            guard var visit = currentVisit else { return }
            visit.html = String(decoding: visitHTML, as: UTF8.self)
            note.visits.append(visit)
            currentVisit = nil
            visitHTML.removeAll(keepingCapacity: true)
        }
        var index = 0
        while index < blocks.count {
            let block = blocks[index]
            let location = SourceLocation(path: path, line: block.line + parts.bodyLineOffset, column: block.column)
            if case .heading(let level) = block.kind, level <= 2 {
                closeVisit()
                if level == 2, let visit = block.onlyText.flatMap(Self.plainVisitHeading) {
                    currentVisit = .init(date: visit.date, titleHTML: visit.titleHTML, html: "")
                    index += 1
                    continue
                }
                let text = level == 2 ? block.text : ""
                if level == 2, let name = Self.letterName(text) {
                    // Everything up to the next heading of this level is the customer's own letter text.
                    let end = blocks[(index + 1)...].firstIndex { if case .heading(let next) = $0.kind { return next <= 2 } else { return false } }
                    let lines = bodyLines()
                    let firstLine = block.line  // the heading's line; the text starts on the next one
                    let lastLine = end.map { blocks[$0].line - 1 } ?? lines.count
                    let source = firstLine < lastLine ? lines[firstLine..<min(lastLine, lines.count)].joined(separator: "\n") : ""
                    if note.letterTexts[name] != nil {
                        diagnostics.error(location, "a second '## Letter: \(name)' section in this note")
                    }
                    note.letterTexts[name] = (source, firstLine + parts.bodyLineOffset, location)
                    index = end ?? blocks.count
                    continue
                }
                if level == 2, let (date, titleHTML) = datedHeading(block, text: text, location: location, bodyLines: bodyLines, diagnostics: &diagnostics) {
                    currentVisit = .init(date: date, titleHTML: titleHTML, html: "")
                    index += 1
                    continue
                }
            }
            if block.kind == .paragraph, block.leadingTextByte.map(NoteList.mayStart) ?? true,
                let text = block.text(atMost: NoteList.longestLabel), let label = NoteList(label: text)
            {
                if index + 1 < blocks.count, blocks[index + 1].kind == .list {
                    read(blocks[index + 1].items, as: label, into: &note, path: path, lineOffset: parts.bodyLineOffset, diagnostics: &diagnostics)
                    index += 2
                    continue
                }
                diagnostics.warning(location, "'\(text.trimmingSpaces)' is not followed by a list; write each item as a '- ' line below it")
            }
            if currentVisit != nil {
                block.appendHTML(to: &visitHTML)
            } else {
                block.appendHTML(to: &noteHTML)
            }
            index += 1
        }
        closeVisit()
        note.html = String(decoding: noteHTML, as: UTF8.self)
    }

    static let frontMatterKeys: Set<String> = ["customer", "follow_up"]

    /// The front matter's entries, nil when its YAML is invalid (with diagnostics). Plain
    /// `customer:` and `follow_up:` lines, as nearly every note has, are read directly, as
    /// YAML reads them: the YAML reader is many times slower.
    static func frontMatterEntries(_ parts: FrontMatter, path: String, diagnostics: inout Diagnostics) -> [FrontMatterEntry]? {
        if let entries = FrontMatterEntry.plainEntries(parts.yaml, keys: frontMatterKeys, path: path, lineOffset: parts.yamlLineOffset) {
            return entries
        }
        guard let document = YAMLDocument(parts.yaml, path: path, lineOffset: parts.yamlLineOffset, diagnostics: &diagnostics)
        else { return nil }
        return FrontMatterEntry.entries(of: document)
    }

    /// `Letter: thank-you` → "thank-you".
    static func letterName(_ heading: String) -> String? {
        // Lowercasing maps each scalar on its own, and only "L" and "l" become an "l": most
        // headings are told apart by their first byte, without trimming or lowercasing them.
        if let first = heading.utf8.first, first < 0x80, first | 0x20 != UInt8(ascii: "l"), !Substring.isSpace(Unicode.Scalar(first)) {
            return nil
        }
        let text = heading.trimmingSpaces
        guard text.utf8.first.map({ $0 | 0x20 }) == UInt8(ascii: "l"), text.lowercased().hasPrefix("letter:") else { return nil }
        let name = text.dropFirst("letter:".count).trimmingSpaces
        return name.isEmpty ? nil : name
    }

    /// The lists a note may hold, each introduced by a paragraph of its own.
    enum NoteList {
        case askAbout, followUp, makeItRight

        /// The most UTF-8 bytes a label can have without its leading and trailing spaces.
        /// Lowercasing never takes Unicode scalars away (nor does the canonical equivalence
        /// of `==`), and a scalar is at most 4 bytes: longer text cannot match the longest
        /// label, "make it right:" (14).
        static let longestLabel = 4 * 14

        /// Whether a text whose first byte is `first` may be a label. Most paragraphs are no
        /// label, and the first byte tells, without reading, trimming or lowercasing them: a
        /// byte outside ASCII or a space may start one, and of the rest of ASCII, only "A",
        /// "F" and "M" lowercase to a label's first letter.
        static func mayStart(_ first: UInt8) -> Bool {
            guard first < 0x80, !Substring.isSpace(Unicode.Scalar(first)) else { return true }
            switch first | 0x20 {
            case UInt8(ascii: "a"), UInt8(ascii: "f"), UInt8(ascii: "m"): return true
            default: return false
            }
        }

        init?(label: String) {
            if let first = label.utf8.first, !Self.mayStart(first) { return nil }
            let text = label.trimmingSpaces
            guard text.utf8.count <= Self.longestLabel else { return nil }
            switch text.lowercased() {
            case "ask about:": self = .askAbout
            case "follow up:", "follow-up:", "follow ups:", "follow-ups:": self = .followUp
            case "make it right:": self = .makeItRight
            default: return nil
            }
        }
    }

    private func read(
        _ items: [MarkdownBlock.Item], as list: NoteList, into note: inout CustomerNote.Fields,
        path: String, lineOffset: Int, diagnostics: inout Diagnostics
    ) {
        for item in items {
            let location = SourceLocation(path: path, line: item.line + lineOffset, column: item.column)
            switch list {
            case .askAbout:
                note.askAbout.append(Self.talkingPoint(item, location: location, diagnostics: &diagnostics))
            case .followUp:
                if let followUp = Self.followUp(item.text, htmlText: item.html, location: location, diagnostics: &diagnostics) {
                    note.followUps.append(followUp)
                }
            case .makeItRight:
                let text = item.text.trimmingSpaces
                if !(text.hasPrefix("[x]") || text.hasPrefix("[X]") || text.hasPrefix("✓")) {
                    note.makeItRight.append(item.html.hasPrefix("[ ] ") ? String(item.html.dropFirst(4)) : item.html)
                }
            }
        }
    }

    /// `Lisbon trip (until 2026-12-01)`: the point and the last day it is current.
    static func talkingPoint(
        _ item: MarkdownBlock.Item, location: SourceLocation,
        diagnostics: inout Diagnostics
    ) -> CustomerNote.TalkingPoint {
        let text = item.text.trimmingSpaces
        guard text.hasSuffix(")"), let open = Self.lastRange(of: "(until ", in: text) else {
            return .init(html: item.html, until: nil)
        }
        let dateText = text[open.upperBound..<text.index(before: text.endIndex)]
        guard let until = CalendarDay(iso: dateText) else {
            // "(until later)" is just words; "(until 2026-02-30)" is a date gone wrong.
            guard dateText.first?.isNumber == true else { return .init(html: item.html, until: nil) }
            diagnostics.error(location, "invalid date '\(dateText)' in '(until …)': expected a real date as YYYY-MM-DD")
            return .init(html: item.html, until: nil)
        }
        let html = Self.text(Substring(item.html), before: "(until \(dateText))") ?? Substring(item.html)
        return .init(html: html.trimmingSpaces, until: until)
    }

    /// `2026-11-25 — call about the colour`: the day it is due and what to do.
    static func followUp(
        _ text: String, htmlText: String, location: SourceLocation, diagnostics: inout Diagnostics
    ) -> CustomerNote.FollowUp? {
        let trimmed = text.trimmingSpaces
        guard let date = CalendarDay(iso: trimmed.prefix(10)) else {
            diagnostics.error(location, "follow-up '\(trimmed)' must start with its date: '2026-11-25 — call about the colour'")
            return nil
        }
        var html = Substring(htmlText.trimmingSpaces)
        if html.hasPrefix(String(trimmed.prefix(10))) { html = html.dropFirst(10) }
        html = html.drop { $0 == " " || $0 == "—" || $0 == "–" || $0 == "-" || $0 == ":" }
        return .init(date: date, html: String(html))
    }

    /// `2026-03-14 — haircut` → the date and "haircut", for a heading whose plain text is
    /// `text`. A heading that starts like a date but is not a real one is an error; other
    /// headings are not visits.
    private func datedHeading(
        _ block: MarkdownBlock, text: String, location: SourceLocation, bodyLines: () -> [Substring], diagnostics: inout Diagnostics
    ) -> (CalendarDay, String)? {
        let text = text.trimmingSpaces
        guard let prefix = Self.datePrefix(text) else { return nil }
        guard let date = CalendarDay(iso: prefix) else {
            // Point at the date as written: "## " may have more spaces, and a setext heading has none.
            var column = (location.column ?? 1) + 3
            let lines = bodyLines()
            if block.line >= 1, block.line <= lines.count, let range = lines[block.line - 1].range(of: prefix) {
                column = lines[block.line - 1][..<range.lowerBound].unicodeScalars.count + 1
            }
            diagnostics.error(
                SourceLocation(path: location.path, line: location.line, column: column),
                "invalid date '\(prefix)' in a visit heading: expected a real date as YYYY-MM-DD")
            return nil
        }
        var title: Substring
        if let afterDate = Self.text(block.inlineHTML, after: prefix) {
            title = afterDate
        } else {
            // The date is inside markup (`**2026-03-14** — cut`): cutting the HTML there would leave a stray tag.
            title = Substring(escapeHTML(String(text.dropFirst(prefix.count))))
        }
        return (date, String(Self.droppingSeparators(title)))
    }
}

/// Character-exact text checks for visit headings and talking points, done on the bytes:
/// every note has several, and walking them Character by Character was one of the largest
/// costs of reading a note. Where a character outside ASCII could join another (a combining
/// accent), the Characters decide.
extension NoteLoader {
    /// A visit heading read from the bytes of its one text node, when it is plain: a real
    /// date `dddd-dd-dd`, then the end or an ASCII character, and a title starting with an
    /// ASCII character after the separators (or no title). Nil otherwise, and the heading
    /// is read as text (`datedHeading`), which also reports a date gone wrong. Nearly every
    /// heading is plain, and reading it as text made five strings of it.
    static func plainVisitHeading(_ bytes: UnsafeBufferPointer<UInt8>) -> (date: CalendarDay, titleHTML: String)? {
        guard bytes.count >= 10, bytes.count == 10 || bytes[10] < 0x80,
            let date = CalendarDay(iso: UnsafeBufferPointer(rebasing: bytes[0..<10]))
        else { return nil }
        // None of the separators is escaped in HTML: they can be dropped before escaping.
        let start = separatorsEnd(bytes, from: 10)
        guard start < bytes.count else { return (date, "") }
        // A character outside ASCII may join the separator before it: read as text.
        guard bytes[start] < 0x80 else { return nil }
        return (date, CommonMark.escapedText(UnsafeBufferPointer(rebasing: bytes[start...])))
    }

    /// Where the spaces, dashes and colons between a visit's date and its title, from
    /// `start` on, end: the first other byte, or the end.
    static func separatorsEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var index = start
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: " "), UInt8(ascii: "-"), UInt8(ascii: ":"):
                index += 1
            case 0xE2 where index + 2 < bytes.count && bytes[index + 1] == 0x80 && (0x93...0x94).contains(bytes[index + 2]):
                index += 3  // "–" or "—"
            default:
                return index
            }
        }
        return index
    }

    /// `text.prefix(10)` when it reads `dddd-dd-dd`.
    static func datePrefix(_ text: String) -> String? {
        var bytes = text  // `withUTF8` needs a variable; a native string is not copied
        let (shaped, asciiAfter) = bytes.withUTF8 { bytes -> (Bool, Bool) in
            guard bytes.count >= 10 else { return (false, false) }
            let shaped = (0..<10).allSatisfy { offset in
                offset == 4 || offset == 7
                    ? bytes[offset] == UInt8(ascii: "-") : (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[offset])
            }
            return (shaped, bytes.count == 10 || bytes[10] < 0x80)
        }
        guard shaped else { return nil }
        // Digits and hyphens are characters of one byte each, and so is the next one if ASCII.
        if asciiAfter { return String(text[..<text.utf8.index(text.utf8.startIndex, offsetBy: 10)]) }
        let prefix = text.prefix(10)
        return prefix.utf8.count == 10 ? String(prefix) : nil
    }

    /// What follows `prefix` in `text` when `text.hasPrefix(prefix)`, for a prefix of digits,
    /// hyphens and such, which no other character equals: the bytes must match.
    static func text(_ text: String, after prefix: String) -> Substring? {
        var (bytes, prefixBytes) = (text, prefix)  // `withUTF8` needs variables; native strings are not copied
        let (matches, asciiAfter) = bytes.withUTF8 { bytes in
            prefixBytes.withUTF8 { prefix -> (Bool, Bool) in
                guard bytes.starts(with: prefix) else { return (false, false) }
                return (true, bytes.count == prefix.count || bytes[prefix.count] < 0x80)
            }
        }
        guard matches else { return nil }
        // Nothing joins an ASCII character to the one before it.
        if asciiAfter { return text[text.utf8.index(text.utf8.startIndex, offsetBy: prefix.utf8.count)...] }
        return text.hasPrefix(prefix) ? Substring(text).dropFirst(prefix.count) : nil
    }

    /// What precedes `suffix` in `text` when `text.hasSuffix(suffix)`, for a suffix of digits,
    /// letters of "(until )" and such, which no other character equals.
    static func text(_ text: Substring, before suffix: String) -> Substring? {
        var (bytes, suffixBytes) = (text, suffix)  // `withUTF8` needs variables; native strings are not copied
        let (matches, asciiBefore) = bytes.withUTF8 { bytes in
            suffixBytes.withUTF8 { suffix -> (Bool, Bool) in
                guard bytes.count >= suffix.count, bytes.suffix(suffix.count).elementsEqual(suffix) else { return (false, false) }
                return (true, bytes.count == suffix.count || bytes[bytes.count - suffix.count - 1] < 0x80)
            }
        }
        guard matches else { return nil }
        // An ASCII character joins nothing after it.
        if asciiBefore { return text[..<text.utf8.index(text.utf8.endIndex, offsetBy: -suffix.utf8.count)] }
        return text.hasSuffix(suffix) ? text.dropLast(suffix.count) : nil
    }

    /// Where `pattern`, which is ASCII, last occurs in `text`, as Foundation's backward search
    /// finds it. In ASCII text each byte is a Character of its own, and the bytes decide.
    static func lastRange(of pattern: String, in text: String) -> Range<String.Index>? {
        var (bytes, patternBytes) = (text, pattern)  // `withUTF8` needs variables; native strings are not copied
        let (isASCII, start) = bytes.withUTF8 { bytes in
            patternBytes.withUTF8 { pattern -> (Bool, Int?) in
                guard bytes.allSatisfy({ $0 < 0x80 }) else { return (false, nil) }
                let starts = stride(from: bytes.count - pattern.count, through: 0, by: -1)
                return (true, starts.first { UnsafeBufferPointer(rebasing: bytes[$0..<$0 + pattern.count]).elementsEqual(pattern) })
            }
        }
        guard isASCII else { return text.range(of: pattern, options: .backwards) }
        return start.map { start in
            let lowerBound = text.utf8.index(text.utf8.startIndex, offsetBy: start)
            return lowerBound..<text.utf8.index(lowerBound, offsetBy: pattern.utf8.count)
        }
    }

    /// `title` without the spaces, dashes and colons between a visit's date and its title.
    static func droppingSeparators(_ title: Substring) -> Substring {
        var bytes = title  // `withUTF8` needs a variable; a native string is not copied
        let (start, asciiAfter) = bytes.withUTF8 { bytes -> (Int, Bool) in
            let end = separatorsEnd(bytes, from: 0)
            return (end, end == bytes.count || bytes[end] < 0x80)
        }
        // No separator joins the next character, and an ASCII character joins none before it.
        if asciiAfter { return title[title.utf8.index(title.utf8.startIndex, offsetBy: start)...] }
        return title.drop { $0 == " " || $0 == "—" || $0 == "–" || $0 == "-" || $0 == ":" }
    }
}
