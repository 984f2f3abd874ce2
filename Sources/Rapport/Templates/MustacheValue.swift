/// What a Mustache template can show: text, a flag for `{{#has_pets}}`, a list to repeat
/// a section for, or an object whose keys are looked up by name. Views build these
/// directly, so rendering never inspects a value's type at run time.
enum MustacheValue: Sendable, Equatable {
    case text(String)
    case flag(Bool)
    case list([MustacheValue])
    /// A list whose items are made as the section reaches them, for lists as long as the
    /// customers: only the item being rendered is held.
    case items(MustacheItems)
    case object(MustacheObject)

    /// False, an empty list: what `{{#name}}` skips and `{{^name}}` shows. Empty text is
    /// true, as the Mustache spec has it (views leave empty text out instead).
    var isFalsey: Bool {
        switch self {
        case .flag(let value): !value
        case .list(let items): items.isEmpty
        case .items(let items): items.count == 0
        case .text, .object: false
        }
    }

    /// Whether this is text, and empty.
    var isEmptyText: Bool {
        if case .text(let text) = self { text.isEmpty } else { false }
    }

    /// The value of key `name`, when this is an object that has it.
    subscript(name: String) -> MustacheValue? {
        if case .object(let object) = self { object[name] } else { nil }
    }
}

/// The keys and values of a Mustache object. A view's object has a few dozen keys at
/// most, so finding one by comparing names is quicker than hashing it, and building the
/// object costs one array. Setting a key appends it, and the last
/// setting wins: views set each key once, and a key set again (or removed, kept as nil) is
/// rare enough that searching for it on every set would cost more than the entries it saves.
struct MustacheObject: Sendable, Equatable, ExpressibleByDictionaryLiteral {
    /// A struct, not a tuple: an array of tuples is copied and destroyed element by element
    /// through the runtime's generic tuple code, which cost several percent of a build.
    private struct Member: Sendable, Equatable {
        var key: String
        /// The key's length in UTF-8, compared before the key: most names differ in length,
        /// and a stored length is quicker to compare than the string's own.
        var length: Int
        var value: MustacheValue?
    }

    private var members: [Member] = []

    init() {}

    init(_ dictionary: [String: MustacheValue]) {
        members = dictionary.map { Member(key: $0.key, length: $0.key.utf8.count, value: $0.value) }
    }

    init(dictionaryLiteral elements: (String, MustacheValue)...) {
        members = elements.map { Member(key: $0.0, length: $0.0.utf8.count, value: $0.1) }
    }

    /// The keys that have a value, each once.
    var keys: Set<String> {
        Set(members.lazy.map(\.key).filter { self[$0] != nil })
    }

    /// The value of `key`; setting nil removes it, setting a key again replaces its value.
    subscript(key: String) -> MustacheValue? {
        get { self[key, length: key.utf8.count] }
        set { members.append(Member(key: key, length: key.utf8.count, value: newValue)) }
    }

    /// The value of `key`, which is `length` bytes long in UTF-8: for names looked up over
    /// and over, such as a template's, whose lengths are worked out once.
    subscript(key: String, length length: Int) -> MustacheValue? {
        // From the end: the last setting wins. Through the buffer, so that no member is
        // copied and no index checked on the way: a card's object has some 60 keys.
        members.withUnsafeBufferPointer { members in
            var index = members.count
            while index > 0 {
                index -= 1
                if members[index].length == length, members[index].key == key { return members[index].value }
            }
            return nil
        }
    }

    mutating func reserveCapacity(_ capacity: Int) {
        members.reserveCapacity(capacity)
    }

    /// An empty object with room for `capacity` keys.
    init(capacity: Int) {
        members.reserveCapacity(capacity)
    }

    /// This object with `key` set to `value` (empty text included), for an item written as
    /// one expression without an array of pairs: `.object(MustacheObject(capacity: 1).setting("name", …))`.
    consuming func setting(_ key: String, _ value: MustacheValue) -> MustacheObject {
        self[key] = value
        return self
    }

    /// Equal when they hold the same keys with equal values, in any order.
    static func == (left: MustacheObject, right: MustacheObject) -> Bool {
        let keys = left.keys
        return keys == right.keys && keys.allSatisfy { left[$0] == right[$0] }
    }
}

/// The items of a list made one at a time: `count` of them, item `i` made by `item(i)`.
struct MustacheItems: Sendable, Equatable {
    let count: Int
    let item: @Sendable (Int) -> MustacheValue

    init(count: Int, item: @escaping @Sendable (Int) -> MustacheValue) {
        self.count = count
        self.item = item
    }

    /// Equal when they make equal items.
    static func == (left: MustacheItems, right: MustacheItems) -> Bool {
        left.count == right.count && (0..<left.count).allSatisfy { left.item($0) == right.item($0) }
    }
}

extension MustacheValue: ExpressibleByStringLiteral, ExpressibleByBooleanLiteral, ExpressibleByArrayLiteral,
    ExpressibleByDictionaryLiteral
{
    init(stringLiteral value: String) { self = .text(value) }
    init(booleanLiteral value: Bool) { self = .flag(value) }
    init(arrayLiteral elements: MustacheValue...) { self = .list(elements) }
    init(dictionaryLiteral elements: (String, MustacheValue)...) {
        var object = MustacheObject()
        object.reserveCapacity(elements.count)
        for (key, value) in elements { object[key] = value }
        self = .object(object)
    }
}
