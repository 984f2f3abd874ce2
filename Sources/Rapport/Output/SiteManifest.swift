import Foundation

/// What the last build wrote, kept in the output folder (`.rapport-manifest`): the
/// fingerprint of its inputs, its warnings, and each file's content hash and size and
/// modification time. The next build links unchanged files instead of writing them, and
/// does nothing at all when no input changed.
struct SiteManifest: Sendable {
    static let fileName = ".rapport-manifest"
    private static let header = "rapport-manifest\t1"

    struct Entry: Sendable, Equatable {
        var contentHash: UInt64
        var size: Int
        var modified: timespec
        /// The key of the customer whose page this is (`PageRenderer.customerKey`): what
        /// the page was made from. Nil for the site-wide pages.
        var source: UInt64? = nil

        static func == (lhs: Entry, rhs: Entry) -> Bool {
            lhs.contentHash == rhs.contentHash && lhs.size == rhs.size && lhs.source == rhs.source
                && lhs.modified.tv_sec == rhs.modified.tv_sec && lhs.modified.tv_nsec == rhs.modified.tv_nsec
        }
    }

    var inputs: UInt64 = 0
    var warnings: [Diagnostic] = []
    /// Path inside the output folder → what was written there.
    var files: [String: Entry] = [:]

    init() {}

    init(inputs: UInt64, warnings: [Diagnostic], files: [String: Entry]) {
        self.inputs = inputs
        self.warnings = warnings
        self.files = files
    }

    /// The manifest of the site in `folder`, or nil when it has none or cannot be read
    /// (then every file is written anew).
    init?(in folder: URL) {
        guard let bytes = SiteInputs.contents(of: folder.appendingPathComponent(Self.fileName).path) else { return nil }
        var lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: true)[...]
        guard let first = lines.popFirst(), String(decoding: first, as: UTF8.self) == Self.header else { return nil }
        files.reserveCapacity(lines.count)
        for line in lines {
            let fields = line.split(separator: UInt8(ascii: "\t"), omittingEmptySubsequences: false)
            let kind = String(decoding: fields[0], as: UTF8.self)
            switch kind {
            case "inputs" where fields.count == 2:
                guard let value = Self.number(fields[1], radix: 16) else { return nil }
                inputs = value
            case "warning" where fields.count == 5, "note" where fields.count == 5:
                let location = SourceLocation(
                    path: Self.unescaped(fields[1]), line: Self.number(fields[2], radix: 10).map(Int.init),
                    column: Self.number(fields[3], radix: 10).map(Int.init))
                let message = Self.unescaped(fields[4])
                if kind == "warning" {
                    warnings.append(.warning(location, message))
                } else {
                    guard !warnings.isEmpty else { return nil }
                    warnings[warnings.count - 1].notes.append(.init(location: location, message: message))
                }
            case "file" where fields.count == 6 || fields.count == 7:
                guard let hash = Self.number(fields[2], radix: 16), let size = Self.number(fields[3], radix: 10),
                    let seconds = Self.number(fields[4], radix: 10), let nanoseconds = Self.number(fields[5], radix: 10)
                else { return nil }
                var source: UInt64?
                if fields.count == 7 {
                    guard let value = Self.number(fields[6], radix: 16) else { return nil }
                    source = value
                }
                files[String(decoding: fields[1], as: UTF8.self)] = Entry(
                    contentHash: hash, size: Int(size), modified: timespec(tv_sec: Int(seconds), tv_nsec: Int(nanoseconds)),
                    source: source)
            default:
                return nil
            }
        }
    }

    /// The manifest as written to disk; paths with a tab or newline are left out (their
    /// files are simply written again next time).
    var bytes: [UInt8] { bytes(pageLines: []) }

    /// The manifest as written to disk, with `pageLines` after the lines of `files`, in
    /// the order given: each is the lines of some pages, made by `appendLine` as the pages
    /// were written, so that a large site's list is not sorted and formatted at the end.
    func bytes(pageLines: [[UInt8]]) -> [UInt8] {
        var text = Self.header + "\n"
        text += "inputs\t\(String(inputs, radix: 16))\n"
        func place(_ location: SourceLocation) -> String {
            "\(Self.escaped(location.path))\t\(location.line.map(String.init) ?? "")\t\(location.column.map(String.init) ?? "")"
        }
        for warning in warnings {
            text += "warning\t\(place(warning.location))\t\(Self.escaped(warning.message))\n"
            for note in warning.notes { text += "note\t\(place(note.location))\t\(Self.escaped(note.message))\n" }
        }
        var bytes = Array(text.utf8)
        bytes.reserveCapacity(bytes.count + files.count * 96 + pageLines.reduce(0) { $0 + $1.count })
        for (path, entry) in files.sorted(by: { $0.key < $1.key }) { Self.appendLine(path, entry, to: &bytes) }
        for lines in pageLines { bytes.append(contentsOf: lines) }
        return bytes
    }

    /// Appends the line of the page at `path`, unless the path has a tab or newline.
    static func appendLine(_ path: String, _ entry: Entry, to bytes: inout [UInt8]) {
        let tab = UInt8(ascii: "\t")
        guard !path.utf8.contains(tab), !path.utf8.contains(UInt8(ascii: "\n")) else { return }
        bytes.append(contentsOf: "file\t".utf8)
        bytes.append(contentsOf: path.utf8)
        bytes.append(tab)
        appendNumber(entry.contentHash, radix: 16, to: &bytes)
        bytes.append(tab)
        appendNumber(UInt64(entry.size), radix: 10, to: &bytes)
        bytes.append(tab)
        // Times before 1970 are written as they always were, with a minus sign.
        if entry.modified.tv_sec < 0 { bytes.append(UInt8(ascii: "-")) }
        appendNumber(UInt64(entry.modified.tv_sec.magnitude), radix: 10, to: &bytes)
        bytes.append(tab)
        appendNumber(UInt64(entry.modified.tv_nsec), radix: 10, to: &bytes)
        if let source = entry.source {
            bytes.append(tab)
            appendNumber(source, radix: 16, to: &bytes)
        }
        bytes.append(UInt8(ascii: "\n"))
    }

    /// `value` in lowercase digits of `radix`, as `String(value, radix:)` writes it.
    private static func appendNumber(_ value: UInt64, radix: UInt64, to bytes: inout [UInt8]) {
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)
        var count = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            var value = value
            repeat {
                let digit = UInt8(value % radix)
                buffer[23 - count] = digit < 10 ? UInt8(ascii: "0") + digit : UInt8(ascii: "a") + digit - 10
                value /= radix
                count += 1
            } while value > 0
            bytes.append(contentsOf: buffer[(24 - count)...])
        }
    }

    /// A non-negative number written in `radix` (10 or 16), without allocating a string.
    private static func number(_ digits: ArraySlice<UInt8>, radix: UInt64) -> UInt64? {
        guard !digits.isEmpty, digits.count <= 20 else { return nil }
        var value: UInt64 = 0
        for digit in digits {
            let number: UInt64
            switch digit {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): number = UInt64(digit - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f") where radix == 16: number = UInt64(digit - UInt8(ascii: "a") + 10)
            default: return nil
            }
            let (product, overflow) = value.multipliedReportingOverflow(by: radix)
            guard !overflow else { return nil }
            value = product &+ number
        }
        return value
    }

    /// Text with backslashes, tabs and newlines escaped, to sit in one tab-separated field.
    private static func escaped(_ text: String) -> String {
        guard text.contains(where: { $0 == "\\" || $0 == "\t" || $0 == "\n" || $0 == "\r" }) else { return text }
        return text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\t", with: "\\t")
            .replacingOccurrences(of: "\r", with: "\\r").replacingOccurrences(of: "\n", with: "\\n")
    }

    private static func unescaped(_ field: ArraySlice<UInt8>) -> String {
        guard field.contains(UInt8(ascii: "\\")) else { return String(decoding: field, as: UTF8.self) }
        var bytes: [UInt8] = []
        var escaping = false
        for byte in field {
            if escaping {
                switch byte {
                case UInt8(ascii: "t"): bytes.append(UInt8(ascii: "\t"))
                case UInt8(ascii: "n"): bytes.append(UInt8(ascii: "\n"))
                case UInt8(ascii: "r"): bytes.append(UInt8(ascii: "\r"))
                default: bytes.append(byte)
                }
                escaping = false
            } else if byte == UInt8(ascii: "\\") {
                escaping = true
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
