import Foundation

/// Reads the site's text files (config, notes, letters, templates) in one way: UTF-8
/// (UTF-16 converted; anything else an error at its first bad byte), without a BOM, with
/// CRLF and CR line breaks turned into LF, so that lines and columns count alike everywhere.
enum TextFile {
    static func read(_ url: URL, path: String, diagnostics: inout Diagnostics) -> String? {
        decode(SiteInputs.contents(of: url.path), path: path, diagnostics: &diagnostics)
    }

    /// The text of a file already read (`nil`: it could not be read).
    static func decode(_ contents: [UInt8]?, path: String, diagnostics: inout Diagnostics) -> String? {
        guard let contents else {
            diagnostics.error(SourceLocation(path: path), "cannot read file")
            return nil
        }
        return TextDecoding.text(contents, path: path, advice: "save it as UTF-8", diagnostics: &diagnostics)?.withUnixLineEndings
    }
}

extension String {
    /// The text with CRLF and lone CR line breaks as LF.
    var withUnixLineEndings: String {
        // In Swift "\r\n" is one Character; look at the bytes.
        var text = self
        guard let firstCR = text.withUTF8({ $0.firstIndex(ofByte: UInt8(ascii: "\r")) }) else { return self }
        return text.withUTF8 { Self.unixLineEndings($0, firstCR: firstCR) }
            ?? replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
    }

    /// `bytes` with each CRLF and lone CR as LF; nil when a line break is followed by a
    /// non-ASCII character. Foundation's search, which this stands in for, does not match a
    /// break that a combining mark follows (`"\r\u{301}"` stays), so such text is left to it.
    private static func unixLineEndings(_ bytes: UnsafeBufferPointer<UInt8>, firstCR: Int) -> String? {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var start = 0
        var carriageReturn = firstCR
        while true {
            output.append(contentsOf: bytes[start..<carriageReturn])
            output.append(UInt8(ascii: "\n"))
            start = carriageReturn + 1
            if start < bytes.count, bytes[start] == UInt8(ascii: "\n") { start += 1 }
            if start < bytes.count, bytes[start] >= 0x80 { return nil }
            guard let next = bytes.firstIndex(ofByte: UInt8(ascii: "\r"), from: start) else { break }
            carriageReturn = next
        }
        output.append(contentsOf: bytes[start...])
        return String(decoding: output, as: UTF8.self)
    }
}

extension UnsafeBufferPointer<UInt8> {
    /// The first position at or after `start` that holds `byte`, found by `memchr`: a loop
    /// over the bytes in Swift is many times slower, and every input file is searched.
    func firstIndex(ofByte byte: UInt8, from start: Int = 0) -> Int? {
        guard let base = baseAddress, start < count else { return nil }
        guard let found = memchr(base + start, Int32(byte), count - start) else { return nil }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }
}
