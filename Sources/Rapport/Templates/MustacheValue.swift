/// What a Mustache template can show: text, a flag for `{{#has_pets}}`, a list to repeat
/// a section for, or an object whose keys are looked up by name. Views build these
/// directly, so rendering never inspects a value's type at run time.
enum MustacheValue: Sendable, Equatable {
    case text(String)
    case flag(Bool)
    case list([MustacheValue])
    case object([String: MustacheValue])

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
        if case .object(let values) = self { values[name] } else { nil }
    }
}

extension MustacheValue: ExpressibleByStringLiteral, ExpressibleByBooleanLiteral, ExpressibleByArrayLiteral,
    ExpressibleByDictionaryLiteral
{
    init(stringLiteral value: String) { self = .text(value) }
    init(booleanLiteral value: Bool) { self = .flag(value) }
    init(arrayLiteral elements: MustacheValue...) { self = .list(elements) }
    init(dictionaryLiteral elements: (String, MustacheValue)...) {
        self = .object(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }
}
