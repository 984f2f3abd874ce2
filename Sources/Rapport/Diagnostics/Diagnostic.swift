/// One problem found in a site, with where it is and, optionally, related places.
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
    public enum Severity: String, Sendable, Comparable {
        case warning, error

        public static func < (lhs: Severity, rhs: Severity) -> Bool {
            lhs == .warning && rhs == .error
        }
    }

    /// A secondary place printed after the diagnostic, e.g. "first defined here".
    public struct Note: Hashable, Sendable {
        public var location: SourceLocation
        public var message: String
    }

    public var severity: Severity
    public var location: SourceLocation
    public var message: String
    public var notes: [Note]

    public init(_ severity: Severity, _ location: SourceLocation, _ message: String, notes: [Note] = []) {
        self.severity = severity
        self.location = location
        self.message = message
        self.notes = notes
    }

    public static func error(_ location: SourceLocation, _ message: String, notes: [Note] = []) -> Diagnostic {
        Diagnostic(.error, location, message, notes: notes)
    }

    public static func warning(_ location: SourceLocation, _ message: String, notes: [Note] = []) -> Diagnostic {
        Diagnostic(.warning, location, message, notes: notes)
    }

    /// Compiler-style text: `path:line:col: error: message`, then one line per note.
    public var description: String {
        var text = "\(location): \(severity.rawValue): \(message)"
        for note in notes {
            text += "\n\(note.location): note: \(note.message)"
        }
        return text
    }
}

/// Collects every problem of a run, so all of them can be reported at once.
public struct Diagnostics: Sendable {
    public private(set) var all: [Diagnostic] = []
    /// Kept as diagnostics arrive: loaders ask "did this step add errors?" once per item.
    public private(set) var errorCount = 0

    public init() {}

    public mutating func append(_ diagnostic: Diagnostic) {
        all.append(diagnostic)
        if diagnostic.severity == .error { errorCount += 1 }
    }
    public mutating func append(contentsOf other: Diagnostics) {
        all.append(contentsOf: other.all)
        errorCount += other.errorCount
    }
    public mutating func error(_ location: SourceLocation, _ message: String, notes: [Diagnostic.Note] = []) {
        append(.error(location, message, notes: notes))
    }
    public mutating func warning(_ location: SourceLocation, _ message: String) {
        append(.warning(location, message))
    }

    public var hasErrors: Bool { errorCount > 0 }
    public var errors: [Diagnostic] { all.filter { $0.severity == .error } }
    public var warnings: [Diagnostic] { all.filter { $0.severity == .warning } }
}

/// Thrown by the pipeline when the input has errors; holds every diagnostic of the run.
public struct BuildFailure: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }

    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
