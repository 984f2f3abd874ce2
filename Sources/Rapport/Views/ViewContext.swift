/// A Mustache context under construction. Empty text is left out rather than stored, so
/// `{{#name}}` skips it like a missing key.
struct ViewContext {
    private(set) var values = MustacheObject()

    init() {}

    /// Keys and values written out: text as `.text`, flags as `.flag`. Values, not
    /// `any MustacheConvertible`. For objects made once per page or less: an object made
    /// for every item is written with `setting`, as the array of pairs here is built and
    /// destroyed through the runtime's generic tuple code, which cost more than the object.
    init(_ values: KeyValuePairs<String, MustacheValue?>) {
        self.values.reserveCapacity(values.count)
        for (key, value) in values { set(key, value) }
    }

    /// An empty context with room for `capacity` keys.
    init(capacity: Int) {
        values.reserveCapacity(capacity)
    }

    /// Continues an object built elsewhere. Labelled, so that a dictionary literal always
    /// means the keys and values above (whose empty text is left out), never an object.
    init(continuing object: MustacheValue) {
        if case .object(let values) = object { self.values = values }
    }

    /// Any value by key, for keys known only at run time (a record's extra columns);
    /// views set their own keys with `set`.
    subscript(key: String) -> (any MustacheConvertible)? {
        get { values[key] }
        set { set(key, newValue?.mustacheValue) }
    }

    /// Sets `key` to `value` as a Mustache value, or leaves it out when it is nil or empty
    /// text. Generic rather than through the subscript's existential: views set a few
    /// dozen keys per customer, and boxing each value cost about as much as storing it.
    mutating func set<Value: MustacheConvertible>(_ key: String, _ value: Value?) {
        set(key, value?.mustacheValue)
    }

    /// This context with `key` set as `set` does, for an item written as one expression:
    /// `ViewContext(capacity: 2).setting("name", …).setting("age", …)`.
    consuming func setting(_ key: String, _ value: MustacheValue?) -> ViewContext {
        set(key, value)
        return self
    }

    /// Sets `key`, leaving empty text out: as missing, which `{{#name}}` skips. An empty
    /// value is set as nil rather than searched for (and removed) among the keys set
    /// before: an object of a few dozen keys has many empty fields.
    mutating func set(_ key: String, _ value: MustacheValue?) {
        if let value, !value.isEmptyText {
            values[key] = value
        } else {
            values[key] = nil
        }
    }

    /// Stores a list, and `has_<key>` when it is not empty (for `{{#has_pets}}` wrappers).
    mutating func setList<Item: MustacheConvertible>(_ key: String, _ items: [Item]) {
        setList(key, items.map { $0.mustacheValue })
    }

    /// The same for values, stored as they are.
    mutating func setList(_ key: String, _ items: [MustacheValue]) {
        values[key] = .list(items)
        values["has_" + key] = .flag(!items.isEmpty)
    }

    /// Stores a list whose items are made as they are rendered, and `has_<key>`: for lists
    /// with an item per customer, which would otherwise all be held at once.
    mutating func setList(_ key: String, count: Int, item: @escaping @Sendable (Int) -> MustacheValue) {
        values[key] = .items(MustacheItems(count: count, item: item))
        values["has_\(key)"] = .flag(count > 0)
    }
}

/// What a view can put in a context: text, numbers (as text), flags, lists and objects.
protocol MustacheConvertible {
    var mustacheValue: MustacheValue { get }
}

extension MustacheValue: MustacheConvertible {
    var mustacheValue: MustacheValue { self }
}

extension String: MustacheConvertible {
    var mustacheValue: MustacheValue { .text(self) }
}

extension Int: MustacheConvertible {
    var mustacheValue: MustacheValue { .text(String(self)) }
}

extension Bool: MustacheConvertible {
    var mustacheValue: MustacheValue { .flag(self) }
}

extension ViewContext: MustacheConvertible {
    var mustacheValue: MustacheValue { .object(values) }
}

extension Array: MustacheConvertible where Element: MustacheConvertible {
    var mustacheValue: MustacheValue { .list(map { $0.mustacheValue }) }
}

extension Dictionary: MustacheConvertible where Key == String, Value: MustacheConvertible {
    var mustacheValue: MustacheValue { .object(MustacheObject(mapValues { $0.mustacheValue })) }
}

extension CalendarDay {
    /// `{iso, long}`: the machine form for `<time datetime>` and the form people read.
    func context(_ style: DateStyle) -> MustacheValue {
        ["iso": .text(description), "long": .text(style.format(self))]
    }
}
