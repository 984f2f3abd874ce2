/// A customer's notes file, read and rendered: the parts a recall card shows.
@dynamicMemberLookup
public struct CustomerNote: Sendable {
    /// One dated section of the notes: a visit.
    public struct Visit: Sendable {
        public var date: CalendarDay
        /// The heading's words after the date ("cut and gloss"), rendered inline.
        public var titleHTML: String
        public var html: String
    }

    /// A talking point; with `until`, it is dropped from cards and sheets after that day.
    public struct TalkingPoint: Sendable {
        public var html: String
        public var until: CalendarDay?

        public func isCurrent(on day: CalendarDay) -> Bool { until.map { day <= $0 } ?? true }
    }

    /// A call or message that is due on a day.
    public struct FollowUp: Sendable {
        public var date: CalendarDay
        public var html: String
    }

    /// What the file says, kept in one shared box (`SharedFields`): a note is read for its
    /// card, its letters and the site pages.
    public struct Fields: Sendable {
        public var customerID: String
        /// Where `customer:` is written, for diagnostics about it.
        public var customerLocation: SourceLocation
        public var path: String
        /// Everything that is not a visit or one of the recognised lists, rendered.
        public var html: String
        public var askAbout: [TalkingPoint]
        public var followUps: [FollowUp]
        /// Open "make it right" items (items marked done with `[x]` are left out).
        public var makeItRight: [String]
        /// Newest first.
        public var visits: [Visit]
        /// Letter name → this customer's own text for it (a `## Letter: NAME` section), with
        /// the number of lines before it in the file, for diagnostics.
        public var letterTexts: [String: (source: String, lineOffset: Int, location: SourceLocation)] = [:]
        /// A hash of the file's name and bytes: equal hashes, with the same config, make the
        /// same note. Nil for a note made some other way.
        var sourceHash: UInt64?
    }

    private var shared: SharedFields<Fields>

    public init(_ fields: Fields) {
        shared = SharedFields(fields)
    }

    /// `note.html` and the like: the field, read or set in the shared box.
    public subscript<Value>(dynamicMember field: WritableKeyPath<Fields, Value>) -> Value {
        get { shared[field] }
        set { shared[field] = newValue }
    }

    /// All the talking points. Spelled out, where the other fields are looked up, because
    /// `askAbout(on:)` would otherwise take the name.
    public var askAbout: [TalkingPoint] {
        get { shared[\.askAbout] }
        set { self[dynamicMember: \.askAbout] = newValue }
    }

    /// The talking points still current on `day`.
    public func askAbout(on day: CalendarDay) -> [TalkingPoint] { shared[\.askAbout].filter { $0.isCurrent(on: day) } }
}
