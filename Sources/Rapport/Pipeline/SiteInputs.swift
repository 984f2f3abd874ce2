import Foundation
import Glibc

/// Every file a build reads, read once: the config, records, schedule, notes, letters and
/// template overrides, as bytes. Their fingerprint tells a rebuild whether anything changed.
struct SiteInputs: Sendable {
    /// A file of the site folder: its name, and its bytes (nil when it cannot be read).
    struct File: Sendable {
        var name: String
        var bytes: [UInt8]?
        /// A hash of the name and bytes, made when the file is read (on every core for a
        /// folder): the fingerprints and a note's key are made from it, not from the bytes.
        let hash: UInt64

        init(name: String, bytes: [UInt8]?) {
            self.name = name
            self.bytes = bytes
            var hash = StableHash()
            hash.combine(name)
            if let bytes { hash.combine(bytes) } else { hash.combine(-2) }
            self.hash = hash.value
        }
    }

    var config: File?
    var customers: File?
    var schedule: File?
    /// `content/notes/*.md`, by name.
    var notes: [File]
    /// `content/letters/*.md`, by name.
    var letters: [File]
    /// Everything in `Templates/`, by name; nil when there is no such folder.
    var templates: [File]?

    /// The single files of the site folder (the config, the records and the schedule);
    /// the folders are read by `readFolders`.
    init(filesOf siteDirectory: URL) {
        func file(_ path: String) -> File? {
            let full = siteDirectory.appendingPathComponent(path).path
            guard access(full, F_OK) == 0 else { return nil }
            return File(name: path, bytes: Self.contents(of: full))
        }
        config = SiteConfig.fileNames.lazy.compactMap(file).first
        customers = file("content/customers.csv")
        schedule = file("content/schedule.csv")
        notes = []
        letters = []
        templates = nil
    }

    /// Reads the notes, the letters and the templates (`templates` stays nil when there is
    /// no `Templates` folder).
    mutating func readFolders(of siteDirectory: URL) {
        notes = Self.files(in: siteDirectory, "content/notes", only: ".md").map { folder, names in
            names.parallelMap { File(name: $0, bytes: Self.contents(of: folder + "/" + $0)) }
        } ?? []
        readLettersAndTemplates(of: siteDirectory)
    }

    /// The same, handing each note to `parse` as soon as it is read, on the thread that
    /// read it; what `parse` made of each, in the order of `notes`. The notes keep their
    /// names and hashes but not their bytes: on a large site the bytes of every note and
    /// the notes made of them would not both fit in the memory a build may take, and the
    /// memory of one note's bytes, freed at once, is used again for the next.
    mutating func readFolders<Note: Sendable>(of siteDirectory: URL, parsingNotes parse: @Sendable (File) -> Note) -> [Note] {
        let read = Self.files(in: siteDirectory, "content/notes", only: ".md").map { folder, names in
            names.parallelMap { name -> (file: File, note: Note) in
                var file = File(name: name, bytes: Self.contents(of: folder + "/" + name))
                let note = parse(file)
                file.bytes = nil
                return (file: file, note: note)
            }
        } ?? []
        notes = read.map(\.file)
        readLettersAndTemplates(of: siteDirectory)
        return read.map(\.note)
    }

    private mutating func readLettersAndTemplates(of siteDirectory: URL) {
        func read(_ path: String, only suffix: String?) -> [File]? {
            Self.files(in: siteDirectory, path, only: suffix).map { folder, names in
                names.parallelMap { File(name: $0, bytes: Self.contents(of: folder + "/" + $0)) }
            }
        }
        letters = read("content/letters", only: ".md") ?? []
        templates = read("Templates", only: nil)
    }

    /// The folder at `path` in the site folder, and the names in it ending in `suffix`, in
    /// order; nil when there is no such folder. Its path is text: a URL for each file
    /// costs more than reading it.
    private static func files(in siteDirectory: URL, _ path: String, only suffix: String?) -> (folder: String, names: [String])? {
        let folder = siteDirectory.appendingPathComponent(path).path
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return nil }
        return (folder, names.filter { suffix == nil || $0.hasSuffix(suffix!) }.sorted())
    }

    /// A file's bytes, read with one `read` for most files; nil for a folder or an error.
    static func contents(of path: String) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { return nil }
        // One byte more than the file's size, so that a file read whole in one go needs no
        // second read to find its end; any other outcome reads on until the end.
        var bytes = [UInt8](repeating: 0, count: Int(status.st_size) + 1)
        var filled = 0
        while true {
            if filled == bytes.count { bytes.append(contentsOf: repeatElement(0, count: max(4096, bytes.count))) }
            let count = bytes.withUnsafeMutableBytes { read(descriptor, $0.baseAddress! + filled, $0.count - filled) }
            if count < 0 {
                if errno == EINTR { continue }
                return nil
            }
            if count == 0 { break }
            filled += count
            if filled == Int(status.st_size), filled < bytes.count { break }
        }
        bytes.removeSubrange(filled...)
        return bytes
    }

    /// A hash of every input and of `context` (the day, how paths are shown, the program):
    /// equal fingerprints mean an identical build.
    func fingerprint(context: [String]) -> UInt64 {
        fingerprint(context: context, customers: true)
    }

    /// A hash of what every customer's pages are made from: the config, the letters, the
    /// templates and `context`. With a customer's own record, note and appointments it
    /// tells a rebuild whether that customer's pages can be kept.
    func sharedFingerprint(context: [String]) -> UInt64 {
        fingerprint(context: context, customers: false)
    }

    private func fingerprint(context: [String], customers includeCustomers: Bool) -> UInt64 {
        var hash = StableHash()
        for item in context { hash.combine(item) }
        func add(_ file: File?) {
            guard let file else { return hash.combine(-1) }
            hash.combine(Int(bitPattern: UInt(file.hash)))
        }
        func add(_ files: [File]?, _ label: String) {
            hash.combine(label)
            hash.combine(files?.count ?? -1)
            for file in files ?? [] { add(file) }
        }
        add(config)
        if includeCustomers {
            add(customers)
            add(schedule)
            add(notes, "notes")
        }
        add(letters, "letters")
        add(templates, "templates")
        return hash.value
    }
}
