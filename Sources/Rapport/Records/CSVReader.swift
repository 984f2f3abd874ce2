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

    /// Splits `bytes` into rows. Problems go to `diagnostics`; the rows read around
    /// them are still returned so that later checks can report their own problems too.
    public func read(_ bytes: [UInt8], diagnostics: inout Diagnostics) -> [CSVRow] {
        guard checkEncoding(bytes, diagnostics: &diagnostics) else { return [] }
        var rows: [CSVRow] = []
        var fields: [CSVField] = []
        var field: [UInt8] = []
        var index = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
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

        func column(at position: Int, lineStart: Int) -> Int {
            // Columns count characters (Unicode scalars), not bytes.
            var count = 1
            var position2 = lineStart
            while position2 < position {
                if bytes[position2] & 0xC0 != 0x80 { count += 1 }
                position2 += 1
            }
            return count
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
                field.append(byte)
                index += 1
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
            }
            field.append(byte)
            index += 1
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

    /// Rejects what is not UTF-8 text, naming what it looks like instead.
    private func checkEncoding(_ bytes: [UInt8], diagnostics: inout Diagnostics) -> Bool {
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            diagnostics.error(
                SourceLocation(path: path, line: 1, column: 1),
                "the file is UTF-16 text; save it as CSV UTF-8 (\"CSV UTF-8 (Comma delimited)\" in Excel)")
            return false
        }
        var line = 1
        // A BOM is not a character of the first line.
        var lineStart = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var ok = true
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var position = 0
        // Walk scalars to find the first invalid byte and the first NUL, with their place.
        decode: while true {
            let start = position
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                position += UTF8.width(scalar)
                if scalar == "\n" || (scalar == "\r" && (position >= bytes.count || bytes[position] != 0x0A)) {
                    line += 1
                    lineStart = position
                } else if scalar == "\0" {
                    let column = String(decoding: bytes[lineStart..<start], as: UTF8.self).unicodeScalars.count + 1
                    diagnostics.error(
                        SourceLocation(path: path, line: line, column: column),
                        "the file contains a NUL byte; it is probably not a text file")
                    ok = false
                    break decode
                }
            case .emptyInput:
                break decode
            case .error:
                let column = String(decoding: bytes[lineStart..<start], as: UTF8.self).unicodeScalars.count + 1
                let guess = bytes.contains(0x00) ? "UTF-16" : "Windows-1252 or Latin-1"
                diagnostics.error(
                    SourceLocation(path: path, line: line, column: column),
                    "the file is not valid UTF-8 (it looks like \(guess)); save it as CSV UTF-8")
                ok = false
                break decode
            }
        }
        return ok
    }
}
