/// A Mustache context under construction. Empty text is left out rather than stored:
/// swift-mustache treats an empty string as true in `{{#name}}`, and a missing key as false.
struct ViewContext {
    private(set) var values: [String: Any] = [:]

    init() {}

    init(_ values: [String: Any]) {
        for (key, value) in values { self[key] = value }
    }

    subscript(key: String) -> Any? {
        get { values[key] }
        set {
            switch newValue {
            case nil: values[key] = nil
            case let text as String where text.isEmpty: values[key] = nil
            default: values[key] = newValue
            }
        }
    }

    /// Stores a list, and `has_<key>` when it is not empty (for `{{#has_pets}}` wrappers).
    mutating func setList(_ key: String, _ items: [Any]) {
        values[key] = items
        values["has_\(key)"] = !items.isEmpty
    }
}

extension CalendarDay {
    /// `{iso, long}`: the machine form for `<time datetime>` and the form people read.
    func context(_ style: DateStyle) -> [String: Any] {
        ["iso": description, "long": style.format(self)]
    }
}
