import Foundation

/// A postal address laid out as the destination country's post expects it, for letters
/// and envelopes. The country line is left out for mail inside the business's country,
/// and written in capitals for mail abroad.
enum AddressFormat {
    enum Country {
        case unitedStates, unitedKingdom, germany, france, japan, other
    }

    static func country(_ text: String) -> Country {
        switch text.trimmingSpaces.lowercased() {
        case "us", "usa", "u.s.a.", "united states", "united states of america": return .unitedStates
        case "uk", "gb", "united kingdom", "great britain", "england", "scotland", "wales", "northern ireland": return .unitedKingdom
        case "de", "germany", "deutschland": return .germany
        case "fr", "france": return .france
        case "jp", "japan", "日本", "nippon": return .japan
        default: return .other
        }
    }

    /// The lines of the address block, the recipient's name included.
    static func lines(name: String, address: CustomerRecord.PostalAddress, senderCountry: String) -> [String] {
        // No country is the same as the sender's: nothing to compare (this runs per letter).
        let destination = address.country.isEmpty ? .other : country(address.country)
        let abroad = !address.country.isEmpty
            && address.country.lowercased() != senderCountry.lowercased()
            && (destination == .other || destination != country(senderCountry))
        let countryLine = abroad ? address.country.uppercased() : ""
        let street = [address.line1, address.line2]
        func compact(_ lines: [String]) -> [String] {
            var kept: [String] = []
            kept.reserveCapacity(lines.count)
            for line in lines {
                let trimmed = line.trimmingSpaces
                if !trimmed.isEmpty { kept.append(trimmed) }
            }
            return kept
        }

        switch destination {
        case .unitedStates:
            // "Brooklyn, NY 11215"
            let cityLine = [address.city, [address.region, address.postalCode].filter { !$0.isEmpty }.joined(separator: " ")]
                .filter { !$0.isEmpty }.joined(separator: ", ")
            return compact([name] + street + [cityLine, countryLine])
        case .unitedKingdom:
            // Post town in capitals, postcode on its own line.
            return compact([name] + street + [address.city.uppercased(), address.region, address.postalCode, countryLine])
        case .germany:
            return compact([name] + street + ["\(address.postalCode) \(address.city)", countryLine])
        case .france:
            return compact([name] + street + ["\(address.postalCode) \(address.city.uppercased())", countryLine])
        case .japan where isJapanese(address):
            // Largest to smallest: 〒 postcode, prefecture and city, street, building; then the name.
            let postcode = address.postalCode.isEmpty ? "" : "〒\(address.postalCode)"
            return compact([postcode, address.region + address.city + address.line1, address.line2, "\(name) 様", countryLine])
        case .japan, .other:
            let cityLine = [address.city, address.region, address.postalCode].filter { !$0.isEmpty }.joined(separator: " ")
            return compact([name] + street + [cityLine, countryLine])
        }
    }

    /// Written in Japanese script rather than romanised.
    static func isJapanese(_ address: CustomerRecord.PostalAddress) -> Bool {
        (address.region + address.city + address.line1).unicodeScalars.contains { (0x3040...0x9FFF).contains($0.value) }
    }
}
