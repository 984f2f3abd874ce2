/// File names for customer ids. A slug is lowercase ASCII letters, digits and `-` only,
/// so it cannot name a folder, climb out of one, or collide with another on a
/// case-insensitive or normalizing file system. An id whose readable form (`C-0042` →
/// `c-0042`) is shared with no other id keeps that form; the others get the readable
/// part plus a hash of the whole id, so two ids always give two files, deterministically.
enum Slug {
    static let maximumReadableLength = 48
    /// Names Windows refuses and names of the site's own files.
    static let reserved: Set = [
        "con", "prn", "aux", "nul", "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8", "com9",
        "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9", "index", "assets",
    ]

    /// The slug of each id (ids must be unique). Depends only on the set of ids.
    static func slugs(for ids: [String]) -> [String: String] {
        // Each id's readable form, once, on every core.
        let forms = ids.parallelMap { readableForm($0) }
        var readableCount: [String: Int] = [:]
        readableCount.reserveCapacity(ids.count)
        for (form, _) in forms { readableCount[form, default: 0] += 1 }
        var result: [String: String] = [:]
        result.reserveCapacity(ids.count)
        var taken: Set<String> = []
        taken.reserveCapacity(ids.count)
        var others: [(id: String, form: String)] = []
        for (id, (form, isCut)) in zip(ids, forms) {
            // The form is ASCII: its count of bytes is its count of characters.
            if !form.isEmpty, readableCount[form] == 1, !reserved.contains(form), form.utf8.count < maximumReadableLength, !isCut {
                result[id] = form
                taken.insert(form)
            } else {
                others.append((id, form))
            }
        }
        for (id, base) in others.sorted(by: { $0.id < $1.id }) {
            var hashLength = 8
            var slug = ""
            repeat {
                let hash = String(String(fnv1a(id), radix: 16).leftPadded(to: 16).prefix(hashLength))
                slug = base.isEmpty ? "c-\(hash)" : "\(base)-\(hash)"
                hashLength += 2
            } while taken.contains(slug) && hashLength <= 16
            var counter = 2
            let stem = slug
            while taken.contains(slug) {
                slug = "\(stem)-\(counter)"
                counter += 1
            }
            result[id] = slug
            taken.insert(slug)
        }
        return result
    }

    /// Lowercase ASCII letters and digits, other runs as one `-`, trimmed and shortened.
    static func readable(_ text: String) -> String {
        readableForm(text).form
    }

    /// The readable form, and whether the length limit cut letters or digits off it (a
    /// cut form can be shorter than the limit: `ab1-ab1-…` stops before a dash).
    static func readableForm(_ text: String) -> (form: String, isCut: Bool) {
        // Read as bytes: every byte of a character outside ASCII is 0x80 or more, and,
        // like the character, only asks for a dash.
        var slug: [UInt8] = []
        slug.reserveCapacity(min(text.utf8.count, maximumReadableLength))
        var pendingDash = false
        for byte in text.utf8 {
            let isUpper = (0x41...0x5A).contains(byte)
            let isKept = isUpper || (0x30...0x39).contains(byte) || (0x61...0x7A).contains(byte)
            let dash = pendingDash && !slug.isEmpty
            // Stop before a dash and a character would pass the limit.
            if slug.count + (dash ? 1 : 0) >= maximumReadableLength {
                if isKept { return (String(decoding: slug, as: UTF8.self), true) }
                continue
            }
            if isKept {
                if dash { slug.append(UInt8(ascii: "-")) }
                pendingDash = false
                slug.append(isUpper ? byte + 0x20 : byte)
            } else {
                pendingDash = true
            }
        }
        return (String(decoding: slug, as: UTF8.self), false)
    }

    /// 64-bit FNV-1a of the UTF-8 bytes: stable across runs and platforms, unlike `Hasher`.
    static func fnv1a(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x100_0000_01b3
        }
        return hash
    }
}

extension String {
    func leftPadded(to length: Int) -> String {
        count >= length ? self : String(repeating: "0", count: length - count) + self
    }
}
