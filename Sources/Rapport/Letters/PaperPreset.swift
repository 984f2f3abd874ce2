import Foundation

/// What a letter template prints as.
public enum LetterKind: String, Sendable, CaseIterable {
    /// A one-page letter, addressed for a window envelope.
    case letter
    /// A greeting card: a sheet folded in half, the message on the inside right panel.
    case card
    /// A postcard: the message on the left, the address on the right.
    case postcard
}

/// A sheet size that prints true to size: its CSS `@page` size and its size in points
/// (what `pdfinfo` reports), with which kinds it suits.
public struct PaperPreset: Sendable, Hashable {
    /// As written in front matter and config: `A4`, `Letter`, `A5-folded`...
    public let name: String
    /// CSS-safe identifier, used for the named `@page` and the sheet's class.
    public let id: String
    public let widthMM: Double
    public let heightMM: Double
    public let kind: LetterKind
    /// The envelope that fits it by default.
    public let envelope: String

    public var widthPoints: Double { widthMM / 25.4 * 72 }
    public var heightPoints: Double { heightMM / 25.4 * 72 }

    static let inch = 25.4

    public static let all: [PaperPreset] = [
        PaperPreset(name: "A4", id: "a4", widthMM: 210, heightMM: 297, kind: .letter, envelope: "DL"),
        PaperPreset(name: "Letter", id: "letter", widthMM: 8.5 * inch, heightMM: 11 * inch, kind: .letter, envelope: "US10"),
        // A4 sheet, landscape, folded into an A5 card: the message on the right half.
        PaperPreset(name: "A5-folded", id: "a5-folded", widthMM: 297, heightMM: 210, kind: .card, envelope: "C5"),
        // US Letter sheet, landscape, folded into a 5.5 × 8.5 in card.
        PaperPreset(name: "Letter-folded", id: "letter-folded", widthMM: 11 * inch, heightMM: 8.5 * inch, kind: .card, envelope: "A9"),
        PaperPreset(name: "A6", id: "a6", widthMM: 148, heightMM: 105, kind: .postcard, envelope: "C6"),
        PaperPreset(name: "4x6", id: "postcard-4x6", widthMM: 6 * inch, heightMM: 4 * inch, kind: .postcard, envelope: "A6-envelope"),
    ]

    public static func named(_ name: String) -> PaperPreset? {
        all.first { $0.name.lowercased() == name.lowercased() || $0.id == name.lowercased() }
    }
}

/// An envelope size, with where the addresses go: the recipient's block sits right of
/// centre and below the middle, where franking machines and postal scanners expect it.
public struct EnvelopePreset: Sendable, Hashable {
    public let name: String
    public let id: String
    public let widthMM: Double
    public let heightMM: Double

    public var widthPoints: Double { widthMM / 25.4 * 72 }
    public var heightPoints: Double { heightMM / 25.4 * 72 }

    public static let all: [EnvelopePreset] = [
        EnvelopePreset(name: "DL", id: "dl", widthMM: 220, heightMM: 110),
        EnvelopePreset(name: "C5", id: "c5", widthMM: 229, heightMM: 162),
        EnvelopePreset(name: "C6", id: "c6", widthMM: 162, heightMM: 114),
        EnvelopePreset(name: "US10", id: "us10", widthMM: 9.5 * 25.4, heightMM: 4.125 * 25.4),
        EnvelopePreset(name: "A9", id: "a9", widthMM: 8.75 * 25.4, heightMM: 5.75 * 25.4),
        EnvelopePreset(name: "A6-envelope", id: "a6-envelope", widthMM: 6.5 * 25.4, heightMM: 4.75 * 25.4),
    ]

    public static func named(_ name: String) -> EnvelopePreset? {
        let wanted = name.lowercased().replacingOccurrences(of: "#", with: "").replacingOccurrences(of: " ", with: "")
        return all.first { $0.name.lowercased() == wanted || $0.id == wanted }
    }
}
