import Foundation
import Yams

/// Paper sizes a page can be laid out for when printed.
public enum Paper: String, Sendable, CaseIterable {
    case a4 = "A4"
    case letter = "Letter"

    /// The CSS `@page size` value.
    public var cssSize: String { rawValue }
}

/// The site's `rapport.yml`: who the business is and how to build.
public struct SiteConfig: Sendable {
    public var businessName = "Your business"
    public var businessAddress: [String] = []
    public var businessPhone = ""
    public var businessEmail = ""
    /// Where letters are posted from: `business.country`, else the address's last line.
    public var businessCountry = ""
    public var signature = ""
    public var locale = "en_US"
    public var paper = Paper.letter
    public var output = "_site"
    /// How far ahead a birthday or anniversary counts as "soon" on a card.
    public var soonDays = 30
    /// How many days after today the "coming up" sheet covers.
    public var comingUpDays = 7
    /// A regular not seen for this many days is on the "haven't seen them in a while" list.
    public var lapsedDays = 90
    /// How many visits make a customer a regular.
    public var regularVisits = 3
    /// Notes whose newest visit is older than this are flagged on the data-quality page.
    public var staleNoteDays = 365
    /// Our column name → the header used in the site's export.
    public var columns: [String: String] = [:]
    public var csvDelimiter: UInt8 = UInt8(ascii: ",")
    /// Lets raw HTML and every URL scheme through markdown. Off unless the site opts in.
    public var unsafeMarkdown = false

    public static let fileNames = ["rapport.yml", "rapport.yaml"]
    static let knownKeys: Set = [
        "business", "signature", "locale", "paper", "output", "soon_days", "coming_up_days", "lapsed_days",
        "regular_visits", "stale_note_days", "columns", "csv_delimiter", "unsafe_markdown",
    ]

    public init() {}

    /// Reads the config from `text`; every problem goes to `diagnostics`.
    public init(yaml text: String, path: String, diagnostics: inout Diagnostics) {
        guard let document = YAMLDocument(text, path: path, diagnostics: &diagnostics) else { return }
        var paperWasSet = false
        for (key, keyNode, value) in document.entries {
            func string() -> String? {
                if let text = value.scalarText { return text }
                diagnostics.error(document.location(of: value), "'\(key)' must be a single value")
                return nil
            }
            switch key {
            case "business":
                guard let mapping = value.mapping else {
                    diagnostics.error(document.location(of: value), "'business' must be a mapping with name, address, phone, email")
                    continue
                }
                for (field, fieldValue) in mapping {
                    let name = field.string ?? ""
                    switch name {
                    case "name": businessName = fieldValue.scalarText ?? businessName
                    case "phone": businessPhone = fieldValue.scalarText ?? ""
                    case "email": businessEmail = fieldValue.scalarText ?? ""
                    case "country": businessCountry = fieldValue.scalarText ?? ""
                    case "address":
                        if let line = fieldValue.scalarText {
                            businessAddress = line.split(separator: "\n").map(String.init)
                        } else {
                            businessAddress = fieldValue.array().compactMap(\.scalarText)
                        }
                    default:
                        diagnostics.warning(document.location(of: field), "unknown key 'business.\(name)' (known: name, address, phone, email, country)")
                    }
                }
            case "signature": signature = string() ?? ""
            case "locale":
                if let text = string() {
                    if Locale.availableIdentifiers.contains(text) || Locale.availableIdentifiers.contains(text.replacingOccurrences(of: "-", with: "_")) {
                        locale = text.replacingOccurrences(of: "-", with: "_")
                    } else {
                        diagnostics.error(document.location(of: value), "unknown locale '\(text)' (e.g. en_GB, en_US, de_DE, fr_FR, ja_JP)")
                    }
                }
            case "paper":
                if let text = string() {
                    if let match = Paper.allCases.first(where: { $0.rawValue.lowercased() == text.lowercased() }) {
                        paper = match
                        paperWasSet = true
                    } else {
                        diagnostics.error(document.location(of: value), "unknown paper '\(text)' (use A4 or Letter)")
                    }
                }
            case "output":
                if let text = string() {
                    if text.isEmpty {
                        diagnostics.error(document.location(of: value), "'output' must name a folder")
                    } else {
                        output = text
                    }
                }
            case "soon_days", "coming_up_days", "lapsed_days", "regular_visits", "stale_note_days":
                guard let text = string() else { continue }
                let limits = ["soon_days": 366, "coming_up_days": 62, "regular_visits": 100_000]
                let limit = limits[key] ?? 3660
                guard let number = Int(text), (0...limit).contains(number) else {
                    let unit = key == "regular_visits" ? "" : " of days"
                    diagnostics.error(document.location(of: value), "'\(key)' must be a whole number\(unit) from 0 to \(limit), not '\(text)'")
                    continue
                }
                switch key {
                case "soon_days": soonDays = number
                case "coming_up_days": comingUpDays = number
                case "lapsed_days": lapsedDays = number
                case "regular_visits": regularVisits = number
                default: staleNoteDays = number
                }
            case "columns":
                guard let mapping = value.mapping else {
                    diagnostics.error(document.location(of: value), "'columns' must map Rapport's column names to your export's headers")
                    continue
                }
                for (field, header) in mapping {
                    guard let name = field.string, let headerText = header.scalarText else { continue }
                    if !CustomerRecord.standardColumns.contains(name) {
                        diagnostics.error(document.location(of: field), "'columns' names unknown column '\(name)'")
                    }
                    columns[name] = headerText
                }
            case "csv_delimiter":
                if let text = string() {
                    let bytes = Array(text.utf8)
                    let allowed = [",", ";", "\t", "|"].map { UInt8(ascii: Unicode.Scalar($0)!) }
                    if text == "tab" {
                        csvDelimiter = UInt8(ascii: "\t")
                    } else if bytes.count == 1, allowed.contains(bytes[0]) {
                        csvDelimiter = bytes[0]
                    } else {
                        diagnostics.error(document.location(of: value), "'csv_delimiter' must be one of , ; | or tab")
                    }
                }
            case "unsafe_markdown":
                if let text = string() {
                    switch text {
                    case "true", "yes": unsafeMarkdown = true
                    case "false", "no": unsafeMarkdown = false
                    default: diagnostics.error(document.location(of: value), "'unsafe_markdown' must be true or false")
                    }
                }
            default:
                diagnostics.warning(
                    document.location(of: keyNode),
                    "unknown key '\(key)' (known: \(Self.knownKeys.sorted().joined(separator: ", ")))")
            }
        }
        if businessCountry.isEmpty { businessCountry = businessAddress.last ?? "" }
        if !paperWasSet {
            paper = Self.defaultPaper(for: locale)
        }
    }

    /// US and Canadian sites print on Letter; everyone else on A4.
    static func defaultPaper(for locale: String) -> Paper {
        let region = locale.split(separator: "_").dropFirst().first.map(String.init) ?? ""
        return ["US", "CA", "MX", "PH", "CL", "CO"].contains(region) ? .letter : .a4
    }
}
