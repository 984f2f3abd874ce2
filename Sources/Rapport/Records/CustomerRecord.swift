/// One customer, as read from a row of `content/customers.csv`.
@dynamicMemberLookup
public struct CustomerRecord: Sendable {
    public struct Child: Hashable, Sendable {
        public var name: String
        /// As written between the parentheses ("7", "7 months"), or empty.
        public var age: String
    }

    public struct Pet: Hashable, Sendable {
        public var name: String
        public var species: String
    }

    public struct PostalAddress: Hashable, Sendable {
        public var line1 = ""
        public var line2 = ""
        public var city = ""
        public var region = ""
        public var postalCode = ""
        public var country = ""
    }

    /// What a row says about the customer, kept in one shared box (`SharedFields`).
    public struct Fields: Sendable {
        public var id: String
        public var firstName = ""
        public var lastName = ""
        public var preferredName = ""
        public var pronunciation = ""
        public var email = ""
        public var phone = ""
        public var birthday: Anniversary?
        public var anniversary: Anniversary?
        public var customerSince: CalendarDay?
        public var lastVisit: CalendarDay?
        public var visits: Int?
        public var favoriteDrink = ""
        public var favoriteFlower = ""
        public var tags: [String] = []
        public var address = PostalAddress()
        public var children: [Child] = []
        public var pets: [Pet] = []
        /// Columns Rapport does not know, in file order, keyed by their normalized header.
        public var extra: [(name: String, value: String)] = []
        /// Where the record's row starts.
        public var location: SourceLocation
        /// A hash of the header and the row the record was made from: equal hashes, with the
        /// same config, make the same record. Nil for a record made some other way.
        var sourceHash: UInt64?
    }

    private var shared: SharedFields<Fields>

    public init(id: String, location: SourceLocation) {
        shared = SharedFields(Fields(id: id, location: location))
    }

    /// `record.firstName` and the like: the field, read or set in the shared box.
    public subscript<Value>(dynamicMember field: WritableKeyPath<Fields, Value>) -> Value {
        get { shared[field] }
        set { shared[field] = newValue }
    }

    /// The columns of the default export, in order.
    public static let standardColumns = [
        "id", "first_name", "last_name", "preferred_name", "pronunciation", "email", "phone", "birthday",
        "anniversary", "customer_since", "last_visit", "visits", "favorite_drink", "favorite_flower", "tags",
        "address_line1", "address_line2", "city", "region", "postal_code", "country", "children", "pets",
    ]

    /// What to call them: the preferred name, else the first name, else the full name.
    public var displayName: String {
        if !shared[\.preferredName].isEmpty { return shared[\.preferredName] }
        if !shared[\.firstName].isEmpty { return shared[\.firstName] }
        let fullName = fullName
        return fullName.isEmpty ? shared[\.id] : fullName
    }

    /// First and last name in the order their script uses ("Zoë Müller", "山田花子").
    public var fullName: String {
        let (firstName, lastName) = (shared[\.firstName], shared[\.lastName])
        if firstName.isEmpty || lastName.isEmpty { return firstName + lastName }
        if Self.isEastAsian(firstName) && Self.isEastAsian(lastName) { return lastName + firstName }
        return "\(firstName) \(lastName)"
    }

    /// True when every letter is Han, kana or Hangul: such names go family name first.
    static func isEastAsian(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { scalar in
            switch scalar.value {
            case 0x3040...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xAC00...0xD7AF, 0xF900...0xFAFF, 0x20000...0x2FA1F:
                return true
            default:
                return false
            }
        }
    }
}
