/// What a Mustache template can show: text, a flag for `{{#has_pets}}`, a list to repeat
/// a section for, or an object whose keys are looked up by name. Views build these
/// directly, so rendering never inspects a value's type at run time.
enum MustacheValue: Sendable, Equatable {
    case text(String)
    case flag(Bool)
    case list([MustacheValue])
    case object(MustacheObject)

    /// False, an empty list: what `{{#name}}` skips and `{{^name}}` shows. Empty text is
    /// true, as the Mustache spec has it (views leave empty text out instead).
    var isFalsey: Bool {
        switch self {
        case .flag(let value): !value
        case .list(let items): items.isEmpty
        case .text, .object: false
        }
    }

    /// The value of key `name`, when this is an object that has it.
    subscript(name: String) -> MustacheValue? {
        if case .object(let object) = self { object[name] } else { nil }
    }
}

/// The keys and values of a Mustache object, in the order they were set. A view's object
/// has a few dozen keys at most, so finding one by comparing names is quicker than
/// hashing it, and building the object costs one array.
struct MustacheObject: Sendable, Equatable, ExpressibleByDictionaryLiteral {
    private(set) var members: [(key: String, value: MustacheValue)] = []

    init() {}

    init(_ dictionary: [String: MustacheValue]) {
        members = dictionary.map { ($0.key, $0.value) }
    }

    init(dictionaryLiteral elements: (String, MustacheValue)...) {
        members.reserveCapacity(elements.count)
        for (key, value) in elements { self[key] = value }
    }

    var isEmpty: Bool { members.isEmpty }
    var keys: [String] { members.map(\.key) }

    /// The value of `key`; setting nil removes it, setting a key again replaces its value.
    subscript(key: String) -> MustacheValue? {
        get {
            for member in members where member.key == key { return member.value }
            return nil
        }
        set {
            let index = members.firstIndex { $0.key == key }
            switch (index, newValue) {
            case (let index?, let value?): members[index].value = value
            case (let index?, nil): members.remove(at: index)
            case (nil, let value?): members.append((key, value))
            case (nil, nil): break
            }
        }
    }

    /// Equal when they hold the same keys with equal values, in any order.
    static func == (left: MustacheObject, right: MustacheObject) -> Bool {
        left.members.count == right.members.count && left.members.allSatisfy { right[$0.key] == $0.value }
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
        for (key, value) in elements { object[key] = value }
        self = .object(object)
    }
}
