import Foundation

/// Reads `content/notes/<id>.md` files: front matter, general notes, the "Ask about:"
/// list and the dated visit sections (`## 2026-03-14 — haircut`).
public struct NoteLoader {
    public var unsafeMarkdown: Bool

    public init(unsafeMarkdown: Bool) {
        self.unsafeMarkdown = unsafeMarkdown
    }

    /// Parses one note. Returns nil (with diagnostics) when it cannot be used at all.
    public func loadNote(_ text: String, path: String, diagnostics: inout Diagnostics) -> CustomerNote? {
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
            default:
                diagnostics.warning(document.location(of: keyNode), "unknown front matter key '\(key)' (known: customer)")
            }
        }
        guard let customerID else {
            diagnostics.error(SourceLocation(path: path, line: 1, column: 1), "front matter has no 'customer:' naming the customer id")
            return nil
        }

        var note = CustomerNote(
            customerID: customerID, customerLocation: customerLocation, path: path, html: "", askAbout: [], visits: [])
        let blocks = CommonMark.blocks(parts.body, unsafe: unsafeMarkdown)
        var index = 0
        var currentVisit: CustomerNote.Visit?
        func closeVisit() {
            if let visit = currentVisit { note.visits.append(visit) }
            currentVisit = nil
        }
        while index < blocks.count {
            let block = blocks[index]
            let location = SourceLocation(path: path, line: block.line + parts.bodyLineOffset, column: block.column)
            if case .heading(let level) = block.kind, level <= 2 {
                closeVisit()
                if level == 2, let (date, titleHTML) = datedHeading(block, location: location, diagnostics: &diagnostics) {
                    currentVisit = .init(date: date, titleHTML: titleHTML, html: "")
                    index += 1
                    continue
                }
            }
            if block.kind == .paragraph, Self.isAskAboutLabel(block.text) {
                if index + 1 < blocks.count, blocks[index + 1].kind == .list {
                    note.askAbout.append(contentsOf: blocks[index + 1].items)
                    index += 2
                    continue
                }
                diagnostics.warning(location, "'Ask about:' is not followed by a list; write each talking point as a '- ' line below it")
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

    static func isAskAboutLabel(_ text: String) -> Bool {
        text.trimmingCharacters(in: .whitespaces).lowercased() == "ask about:"
    }

    /// `2026-03-14 — haircut` → the date and "haircut". A heading that starts like a
    /// date but is not a real one is an error; other headings are not visits.
    private func datedHeading(
        _ block: MarkdownBlock, location: SourceLocation, diagnostics: inout Diagnostics
    ) -> (CalendarDay, String)? {
        let text = block.text.trimmingCharacters(in: .whitespaces)
        let prefix = text.prefix(10)
        let shape = prefix.utf8.enumerated().allSatisfy { offset, byte in
            offset == 4 || offset == 7 ? byte == UInt8(ascii: "-") : (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
        }
        guard prefix.count == 10, shape else { return nil }
        guard let date = CalendarDay(iso: prefix) else {
            // The heading text starts after "## ".
            diagnostics.error(
                SourceLocation(path: location.path, line: location.line, column: (location.column ?? 1) + 3),
                "invalid date '\(prefix)' in a visit heading: expected a real date as YYYY-MM-DD")
            return nil
        }
        var title = Substring(block.inlineHTML)
        if let range = title.range(of: String(prefix)) { title = title[range.upperBound...] }
        title = title.drop { $0 == " " || $0 == "—" || $0 == "–" || $0 == "-" || $0 == ":" }
        return (date, String(title))
    }
}
