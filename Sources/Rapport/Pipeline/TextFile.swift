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
        guard let bytes = TextDecoding.utf8Bytes(contents, path: path, advice: "save it as UTF-8", diagnostics: &diagnostics)
        else { return nil }
        return String(decoding: bytes, as: UTF8.self).withUnixLineEndings
    }
}

extension String {
    /// The text with CRLF and lone CR line breaks as LF.
    var withUnixLineEndings: String {
        // In Swift "\r\n" is one Character; look at the bytes.
        guard utf8.contains(UInt8(ascii: "\r")) else { return self }
        return replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
    }
}
