/// A value's fields kept in one shared box, copied only when a value that shares it is
/// changed. For records and notes, which are passed to every page and list and rarely
/// changed once loaded: copying their fields one by one retained and released each
/// string and array, several percent of a build.
struct SharedFields<Fields: Sendable>: Sendable {
    /// Holds the fields; replaced by a copy before a change when another value shares it.
    private final class Box: @unchecked Sendable {
        var fields: Fields

        init(_ fields: Fields) {
            self.fields = fields
        }
    }

    private var box: Box

    init(_ fields: Fields) {
        box = Box(fields)
    }

    /// A field, read or set in the box.
    subscript<Value>(field: WritableKeyPath<Fields, Value>) -> Value {
        get { box.fields[keyPath: field] }
        set {
            if !isKnownUniquelyReferenced(&box) { box = Box(box.fields) }
            box.fields[keyPath: field] = newValue
        }
    }
}
