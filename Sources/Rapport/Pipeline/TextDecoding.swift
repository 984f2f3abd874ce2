/// Turns an input file's bytes into UTF-8 without a BOM, for every reader of the site.
/// UTF-16 (spreadsheets save it as "Unicode text") is unambiguous and is converted, with a
/// warning. Anything else that is not UTF-8 (Windows-1252, Latin-1...) is an error at the
/// first bad byte: guessing an 8-bit encoding risks mojibake in a printed letter.
enum TextDecoding {
    /// The text of a file's bytes, read as `utf8Bytes` reads them.
    static func text(_ bytes: [UInt8], path: String, advice: String, diagnostics: inout Diagnostics) -> String? {
        if let text = plainUTF8(bytes) { return text }
        return utf8Bytes(bytes, path: path, advice: advice, diagnostics: &diagnostics).map { String(decoding: $0, as: UTF8.self) }
    }

    /// The text of `bytes` (after a UTF-8 BOM) when they are valid UTF-8 without a NUL: nearly
    /// every file. Such bytes are never taken for UTF-16 (that needs a NUL or a BOM of 0xFF and
    /// 0xFE, which UTF-8 never holds), so they are checked once, as the string is made.
    private static func plainUTF8(_ bytes: [UInt8]) -> String? {
        bytes.withUnsafeBufferPointer { buffer in
            guard buffer.firstIndex(ofByte: 0) == nil else { return nil }
            let start = buffer.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
            return String(validating: UnsafeBufferPointer(rebasing: buffer[start...]), as: UTF8.self)
        }
    }

    static func utf8Bytes(_ bytes: [UInt8], path: String, advice: String, diagnostics: inout Diagnostics) -> [UInt8]? {
        if let (text, name) = utf16(bytes) {
            diagnostics.warning(
                SourceLocation(path: path, line: 1, column: 1),
                "the file is \(name) text; reading it as such (\(advice) to silence this warning)")
            // A NUL character is as wrong in UTF-16 as in UTF-8.
            let converted = Array(text.utf8)
            return checkUTF8(converted, path: path, advice: advice, diagnostics: &diagnostics) ? converted : nil
        }
        let content = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
        return checkUTF8(content, path: path, advice: advice, diagnostics: &diagnostics) ? content : nil
    }

    /// UTF-16 with a BOM, or without one when every other byte is NUL (ASCII-heavy text).
    static func utf16(_ bytes: [UInt8]) -> (String, String)? {
        func decode(_ units: [UInt16]) -> String { String(decoding: units, as: UTF16.self) }
        func units(_ body: ArraySlice<UInt8>, bigEndian: Bool) -> [UInt16] {
            stride(from: body.startIndex, to: body.endIndex - 1, by: 2).map { index in
                let (high, low) = bigEndian ? (body[index], body[index + 1]) : (body[index + 1], body[index])
                return UInt16(high) << 8 | UInt16(low)
            }
        }
        if bytes.starts(with: [0xFF, 0xFE]) { return (decode(units(bytes.dropFirst(2), bigEndian: false)), "UTF-16") }
        if bytes.starts(with: [0xFE, 0xFF]) { return (decode(units(bytes.dropFirst(2), bigEndian: true)), "UTF-16") }
        guard bytes.count >= 4, bytes.count % 2 == 0 else { return nil }
        let sample = bytes.prefix(4096)
        let evenNULs = stride(from: sample.startIndex, to: sample.endIndex, by: 2).filter { sample[$0] == 0 }.count
        let oddNULs = stride(from: sample.startIndex + 1, to: sample.endIndex, by: 2).filter { sample[$0] == 0 }.count
        let pairs = sample.count / 2
        if oddNULs * 10 >= pairs * 9, evenNULs == 0 { return (decode(units(bytes[...], bigEndian: false)), "UTF-16 (little-endian)") }
        if evenNULs * 10 >= pairs * 9, oddNULs == 0 { return (decode(units(bytes[...], bigEndian: true)), "UTF-16 (big-endian)") }
        return nil
    }

    /// Reports the first invalid UTF-8 sequence or NUL byte at its line and column.
    private static func checkUTF8(_ bytes: [UInt8], path: String, advice: String, diagnostics: inout Diagnostics) -> Bool {
        // Nearly every file is fine: let the standard library validate it in one pass, and
        // walk it scalar by scalar only to find where a problem is.
        if !bytes.contains(0), String(validating: bytes, as: UTF8.self) != nil { return true }
        var line = 1
        var lineStart = 0
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var position = 0
        func column(_ start: Int) -> Int {
            String(decoding: bytes[lineStart..<start], as: UTF8.self).unicodeScalars.count + 1
        }
        while true {
            let start = position
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                position += UTF8.width(scalar)
                if scalar == "\n" || (scalar == "\r" && (position >= bytes.count || bytes[position] != 0x0A)) {
                    line += 1
                    lineStart = position
                } else if scalar == "\0" {
                    diagnostics.error(
                        SourceLocation(path: path, line: line, column: column(start)),
                        "the file contains a NUL byte; it is probably not a text file")
                    return false
                }
            case .emptyInput:
                return true
            case .error:
                diagnostics.error(
                    SourceLocation(path: path, line: line, column: column(start)),
                    "the file is not valid UTF-8 (it looks like Windows-1252 or Latin-1); \(advice)")
                return false
            }
        }
    }
}
