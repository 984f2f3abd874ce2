/// A customer's notes file, read and rendered: the parts a recall card shows.
public struct CustomerNote: Sendable {
    /// One dated section of the notes: a visit.
    public struct Visit: Sendable {
        public var date: CalendarDay
        /// The heading's words after the date ("cut and gloss"), rendered inline.
        public var titleHTML: String
        public var html: String
    }

    public var customerID: String
    /// Where `customer:` is written, for diagnostics about it.
    public var customerLocation: SourceLocation
    public var path: String
    /// Everything that is not a visit or the "Ask about" list, rendered.
    public var html: String
    /// Talking points, each rendered inline.
    public var askAbout: [String]
    /// Newest first.
    public var visits: [Visit]
}
