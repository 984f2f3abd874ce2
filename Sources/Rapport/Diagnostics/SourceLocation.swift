/// A place in an input file, printed `path:line:column` (1-based, columns in characters).
public struct SourceLocation: Hashable, Sendable, CustomStringConvertible {
    /// The file, relative to the site folder (e.g. `content/customers.csv`).
    public var path: String
    public var line: Int?
    public var column: Int?

    public init(path: String, line: Int? = nil, column: Int? = nil) {
        self.path = path
        self.line = line
        self.column = column
    }

    public var description: String {
        switch (line, column) {
        case let (line?, column?): return "\(path):\(line):\(column)"
        case let (line?, nil): return "\(path):\(line)"
        default: return path
        }
    }
}
