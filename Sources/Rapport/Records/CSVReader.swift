/// One field of a CSV file, with where it starts (for diagnostics).
public struct CSVField: Hashable, Sendable {
    public var value: String
    public var line: Int
    public var column: Int
}

/// One record of a CSV file: its fields and the line it starts on.
public struct CSVRow: Hashable, Sendable {
    public var fields: [CSVField]
    public var line: Int
}

/// An RFC 4180 reader that knows where every field came from.
///
/// Written here rather than taken from a library because Rapport must report an
/// unterminated quote, a stray quote or a ragged row with its line and column, which
/// the maintained CSV libraries do not. It reads UTF-8 (a BOM is skipped), accepts CRLF,
/// LF and CR line endings (mixed too), quoted fields with commas, doubled quotes and
/// line breaks, and skips blank lines.
public struct CSVReader {
    public var path: String
    public var delimiter: UInt8

    public init(path: String, delimiter: UInt8 = UInt8(ascii: ",")) {
        self.path = path
        self.delimiter = delimiter
    }

    /// Reads `bytes`; when the header is one field holding semicolons or tabs (a European
    /// spreadsheet's export) and no delimiter was chosen, reads it again with that one and
    /// says so in a warning.
    public func readDetectingDelimiter(_ bytes: [UInt8], diagnostics: inout Diagnostics) -> [CSVRow] {
        var attempt = Diagnostics()
        let rows = read(bytes, diagnostics: &attempt)
        let comma = UInt8(ascii: ",")
        guard delimiter == comma, let header = rows.first, header.fields.count == 1 else {
            diagnostics.append(contentsOf: attempt)
            return rows
        }
        let value = header.fields[0].value
        for (character, name, setting) in [(";", "semicolons", "\";\""), ("\t", "tabs", "tab"), ("|", "'|'", "\"|\"")]
        where value.contains(character) {
            diagnostics.warning(
                SourceLocation(path: path, line: 1, column: 1),
                "the file is separated by \(name), not commas; reading it so (set `csv_delimiter: \(setting)` in rapport.yml to silence this warning)")
            return CSVReader(path: path, delimiter: UInt8(ascii: Unicode.Scalar(character)!)).read(bytes, diagnostics: &diagnostics)
        }
        diagnostics.append(contentsOf: attempt)
        return rows
    }

    /// Splits `bytes` into rows. Problems go to `diagnostics`; the rows read around
    /// them are still returned so that later checks can report their own problems too.
    public func read(_ bytes: [UInt8], diagnostics: inout Diagnostics) -> [CSVRow] {
        let advice = "save it as CSV UTF-8 (\"CSV UTF-8 (Comma delimited)\" in Excel)"
        guard let bytes = TextDecoding.utf8Bytes(bytes, path: path, advice: advice, diagnostics: &diagnostics) else { return [] }
        var rows: [CSVRow] = []
        var fields: [CSVField] = []
        var field: [UInt8] = []
        var index = 0
        var line = 1
        var lineStart = index
        var rowLine = 1
        var fieldLine = 1
        var fieldColumn = 1
        var atFieldStart = true
        var inQuotes = false
        var wasQuoted = false
        var quoteLine = 0
        var quoteColumn = 0
        let quote = UInt8(ascii: "\"")
        let cr = UInt8(ascii: "\r")
        let lf = UInt8(ascii: "\n")

        // The column of the last position asked for, so that a long line is counted once,
        // not once per field (a line of 50,000 fields took 15 s, and 200,000 minutes).
        var countedLineStart = 0
        var countedPosition = 0
        var countedColumn = 1
        func column(at position: Int, lineStart: Int) -> Int {
            // Columns count characters (Unicode scalars), not bytes.
            if countedLineStart != lineStart || countedPosition > position {
                countedLineStart = lineStart
                countedPosition = lineStart
                countedColumn = 1
            }
            while countedPosition < position {
                if bytes[countedPosition] & 0xC0 != 0x80 { countedColumn += 1 }
                countedPosition += 1
            }
            return countedColumn
        }

        func finishField() {
            fields.append(CSVField(value: String(decoding: field, as: UTF8.self), line: fieldLine, column: fieldColumn))
            field.removeAll(keepingCapacity: true)
            atFieldStart = true
            wasQuoted = false
        }

        func finishRow() {
            let quoted = wasQuoted
            finishField()
            let isBlank = fields.count == 1 && fields[0].value.isEmpty && !quoted
            if !isBlank { rows.append(CSVRow(fields: fields, line: rowLine)) }
            fields.removeAll(keepingCapacity: true)
        }

        while index < bytes.count {
            let byte = bytes[index]
            if atFieldStart {
                fieldLine = line
                fieldColumn = column(at: index, lineStart: lineStart)
                if fields.isEmpty { rowLine = line }
                atFieldStart = false
                if byte == quote {
                    inQuotes = true
                    wasQuoted = true
                    quoteLine = line
                    quoteColumn = fieldColumn
                    index += 1
                    continue
                }
            }
            if inQuotes {
                if byte == quote {
                    if index + 1 < bytes.count, bytes[index + 1] == quote {
                        field.append(quote)
                        index += 2
                        continue
                    }
                    inQuotes = false
                    index += 1
                    // After the closing quote only a delimiter or a line end may follow.
                    if index < bytes.count, bytes[index] != delimiter, bytes[index] != cr, bytes[index] != lf {
                        diagnostics.error(
                            SourceLocation(path: path, line: line, column: column(at: index, lineStart: lineStart)),
                            "unexpected text after the closing quote of a field; a quote inside a quoted field must be doubled (\"\")")
                        while index < bytes.count, bytes[index] != delimiter, bytes[index] != cr, bytes[index] != lf {
                            field.append(bytes[index])
                            index += 1
                        }
                    }
                    continue
                }
                if byte == cr || byte == lf {
                    field.append(byte == cr && index + 1 < bytes.count && bytes[index + 1] == lf ? lf : byte)
                    index += byte == cr && index + 1 < bytes.count && bytes[index + 1] == lf ? 2 : 1
                    line += 1
                    lineStart = index
                    continue
                }
                // The rest of a run of plain bytes, at once.
                var end = index + 1
                while end < bytes.count, bytes[end] != quote, bytes[end] != cr, bytes[end] != lf { end += 1 }
                field.append(contentsOf: bytes[index..<end])
                index = end
                continue
            }
            if byte == delimiter {
                finishField()
                index += 1
                if index == bytes.count || bytes[index] == cr || bytes[index] == lf {
                    // A trailing delimiter means one more, empty, field.
                    fieldLine = line
                    fieldColumn = column(at: index, lineStart: lineStart)
                    atFieldStart = false
                }
                continue
            }
            if byte == cr || byte == lf {
                finishRow()
                index += byte == cr && index + 1 < bytes.count && bytes[index + 1] == lf ? 2 : 1
                line += 1
                lineStart = index
                continue
            }
            if byte == quote {
                diagnostics.error(
                    SourceLocation(path: path, line: line, column: column(at: index, lineStart: lineStart)),
                    "stray quote in an unquoted field; quote the whole field and double the quote (\"\")")
                field.append(byte)
                index += 1
                continue
            }
            // The rest of the field up to a delimiter, line end or quote, at once.
            var end = index + 1
            while end < bytes.count, bytes[end] != delimiter, bytes[end] != quote, bytes[end] != cr, bytes[end] != lf { end += 1 }
            field.append(contentsOf: bytes[index..<end])
            index = end
        }
        if inQuotes {
            diagnostics.error(
                SourceLocation(path: path, line: quoteLine, column: quoteColumn),
                "unterminated quoted field: the quote opened here is never closed")
            finishRow()
        } else if !fields.isEmpty || !atFieldStart || !field.isEmpty {
            finishRow()
        }
        return rows
    }
}
