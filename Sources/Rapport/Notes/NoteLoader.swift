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
        guard let document = YAMLDocument(parts.yaml, path: path, lineOffset: parts.yamlLineOffset, diagnostics: &diagnostics)
        else { return nil }

        var customerID: String?
        var customerLocation = SourceLocation(path: path, line: 1, column: 1)
        var followUps: [CustomerNote.FollowUp] = []
        for (key, keyNode, value) in document.entries {
            switch key {
            case "customer":
                customerLocation = document.location(of: value)
                if let id = value.scalarText, !id.isEmpty {
                    customerID = id
                } else {
                    diagnostics.error(customerLocation, "'customer' must be a customer id")
                    return nil
                }
            case "follow_up":
                let items = value.scalarText.map { [($0, value)] } ?? value.array().map { ($0.scalarText ?? "", $0) }
                for (text, node) in items {
                    if let followUp = Self.followUp(text, htmlText: escapeHTML(text), location: document.location(of: node), diagnostics: &diagnostics) {
                        followUps.append(followUp)
                    }
                }
            default:
                diagnostics.warning(document.location(of: keyNode), "unknown front matter key '\(key)' (known: customer, follow_up)")
            }
        }
        guard let customerID else {
            diagnostics.error(SourceLocation(path: path, line: 1, column: 1), "front matter has no 'customer:' naming the customer id")
            return nil
        }

        var note = CustomerNote(
            customerID: customerID, customerLocation: customerLocation, path: path, html: "", askAbout: [],
            followUps: followUps, makeItRight: [], visits: [])
        let blocks = CommonMark.blocks(parts.body, unsafe: unsafeMarkdown)
        var index = 0
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
            if let visit = currentVisit { note.visits.append(visit) }
            currentVisit = nil
        }
        while index < blocks.count {
            let block = blocks[index]
            let location = SourceLocation(path: path, line: block.line + parts.bodyLineOffset, column: block.column)
            if case .heading(let level) = block.kind, level <= 2 {
                closeVisit()
                if level == 2, let name = Self.letterName(block.text) {
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
                if level == 2, let (date, titleHTML) = datedHeading(block, location: location, bodyLines: bodyLines, diagnostics: &diagnostics) {
                    currentVisit = .init(date: date, titleHTML: titleHTML, html: "")
                    index += 1
                    continue
                }
            }
            if block.kind == .paragraph, let label = NoteList(label: block.text) {
                if index + 1 < blocks.count, blocks[index + 1].kind == .list {
                    read(blocks[index + 1].items, as: label, into: &note, path: path, lineOffset: parts.bodyLineOffset, diagnostics: &diagnostics)
                    index += 2
                    continue
                }
                diagnostics.warning(location, "'\(block.text.trimmingSpaces)' is not followed by a list; write each item as a '- ' line below it")
            }
            if currentVisit != nil {
                currentVisit!.html += block.html
            } else {
                note.html += block.html
            }
            index += 1
        }
        closeVisit()
        note.visits.sort { $0.date > $1.date }
        return note
    }

    /// `Letter: thank-you` → "thank-you".
    static func letterName(_ heading: String) -> String? {
        let text = heading.trimmingSpaces
        guard text.lowercased().hasPrefix("letter:") else { return nil }
        let name = text.dropFirst("letter:".count).trimmingSpaces
        return name.isEmpty ? nil : name
    }

    /// The lists a note may hold, each introduced by a paragraph of its own.
    enum NoteList {
        case askAbout, followUp, makeItRight

        init?(label: String) {
            switch label.trimmingSpaces.lowercased() {
            case "ask about:": self = .askAbout
            case "follow up:", "follow-up:", "follow ups:", "follow-ups:": self = .followUp
            case "make it right:": self = .makeItRight
            default: return nil
            }
        }
    }

    private func read(
        _ items: [(html: String, text: String, line: Int, column: Int)], as list: NoteList, into note: inout CustomerNote,
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
        _ item: (html: String, text: String, line: Int, column: Int), location: SourceLocation,
        diagnostics: inout Diagnostics
    ) -> CustomerNote.TalkingPoint {
        let text = item.text.trimmingSpaces
        guard text.hasSuffix(")"), let open = text.range(of: "(until ", options: .backwards) else {
            return .init(html: item.html, until: nil)
        }
        let dateText = text[open.upperBound..<text.index(before: text.endIndex)]
        guard let until = CalendarDay(iso: dateText) else {
            // "(until later)" is just words; "(until 2026-02-30)" is a date gone wrong.
            guard dateText.first?.isNumber == true else { return .init(html: item.html, until: nil) }
            diagnostics.error(location, "invalid date '\(dateText)' in '(until …)': expected a real date as YYYY-MM-DD")
            return .init(html: item.html, until: nil)
        }
        let suffix = "(until \(dateText))"
        var html = Substring(item.html)
        if html.hasSuffix(suffix) { html = html.dropLast(suffix.count) }
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

    /// `2026-03-14 — haircut` → the date and "haircut". A heading that starts like a
    /// date but is not a real one is an error; other headings are not visits.
    private func datedHeading(
        _ block: MarkdownBlock, location: SourceLocation, bodyLines: () -> [Substring], diagnostics: inout Diagnostics
    ) -> (CalendarDay, String)? {
        let text = block.text.trimmingSpaces
        let prefix = text.prefix(10)
        let shape = prefix.utf8.enumerated().allSatisfy { offset, byte in
            offset == 4 || offset == 7 ? byte == UInt8(ascii: "-") : (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
        }
        guard prefix.count == 10, shape else { return nil }
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
        if block.inlineHTML.hasPrefix(prefix) {
            title = Substring(block.inlineHTML).dropFirst(prefix.count)
        } else {
            // The date is inside markup (`**2026-03-14** — cut`): cutting the HTML there would leave a stray tag.
            title = Substring(escapeHTML(String(text.dropFirst(prefix.count))))
        }
        title = title.drop { $0 == " " || $0 == "—" || $0 == "–" || $0 == "-" || $0 == ":" }
        return (date, String(title))
    }
}
