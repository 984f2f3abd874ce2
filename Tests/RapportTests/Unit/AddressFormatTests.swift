import XCTest

@testable import Rapport

final class AddressFormatTests: XCTestCase {
    private func address(
        _ line1: String, _ line2: String = "", city: String, region: String = "", postalCode: String, country: String
    ) -> CustomerRecord.PostalAddress {
        var address = CustomerRecord.PostalAddress()
        address.line1 = line1
        address.line2 = line2
        address.city = city
        address.region = region
        address.postalCode = postalCode
        address.country = country
        return address
    }

    private func lines(_ name: String, _ address: CustomerRecord.PostalAddress, from sender: String) -> [String] {
        AddressFormat.lines(name: name, address: address, senderCountry: sender)
    }

    // MARK: United States

    private let brooklyn = CustomerRecord.PostalAddress(
        line1: "421 Prospect Place", line2: "Apt 3B", city: "Brooklyn", region: "NY", postalCode: "11238", country: "United States")

    func testUnitedStatesDomestic() {
        XCTAssertEqual(lines("Dana Brooks", brooklyn, from: "United States"), [
            "Dana Brooks", "421 Prospect Place", "Apt 3B", "Brooklyn, NY 11238",
        ])
    }

    func testUnitedStatesDomesticUnderAnotherNameOfTheCountry() {
        // "USA" and "United States" are the same country: no country line.
        XCTAssertEqual(lines("Dana Brooks", brooklyn, from: "USA"), ["Dana Brooks", "421 Prospect Place", "Apt 3B", "Brooklyn, NY 11238"])
    }

    func testUnitedStatesFromAbroad() {
        XCTAssertEqual(lines("Dana Brooks", brooklyn, from: "United Kingdom"), [
            "Dana Brooks", "421 Prospect Place", "Apt 3B", "Brooklyn, NY 11238", "UNITED STATES",
        ])
    }

    func testUnitedStatesWithoutRegion() {
        let address = address("1 Main St", city: "Springfield", postalCode: "62701", country: "US")
        XCTAssertEqual(lines("Al", address, from: "US"), ["Al", "1 Main St", "Springfield, 62701"])
    }

    // MARK: United Kingdom

    func testUnitedKingdomPostTownInCapitalsAndPostcodeOnItsOwnLine() {
        let address = address("7 Canonbury Place", "Flat 2", city: "London", postalCode: "N1 2NQ", country: "United Kingdom")
        XCTAssertEqual(lines("Margaret Whitfield", address, from: "United Kingdom"), [
            "Margaret Whitfield", "7 Canonbury Place", "Flat 2", "LONDON", "N1 2NQ",
        ])
        XCTAssertEqual(lines("Margaret Whitfield", address, from: "Germany"), [
            "Margaret Whitfield", "7 Canonbury Place", "Flat 2", "LONDON", "N1 2NQ", "UNITED KINGDOM",
        ])
    }

    func testUnitedKingdomCountyBetweenTownAndPostcode() {
        let address = address("Rose Cottage", "High Street", city: "Chipping Norton", region: "Oxfordshire", postalCode: "OX7 5AA", country: "UK")
        XCTAssertEqual(lines("Ann Hall", address, from: "England"), [
            "Ann Hall", "Rose Cottage", "High Street", "CHIPPING NORTON", "Oxfordshire", "OX7 5AA",
        ])
    }

    // MARK: Germany and France

    func testGermanyPostcodeBeforeCity() {
        let address = address("Torstraße 12", city: "Berlin", postalCode: "10119", country: "Deutschland")
        XCTAssertEqual(lines("Jonas Weber", address, from: "Germany"), ["Jonas Weber", "Torstraße 12", "10119 Berlin"])
        XCTAssertEqual(lines("Jonas Weber", address, from: "France"), ["Jonas Weber", "Torstraße 12", "10119 Berlin", "DEUTSCHLAND"])
    }

    func testFrancePostcodeBeforeCityInCapitals() {
        let address = address("18 rue de Châteaudun", city: "Paris", postalCode: "75009", country: "France")
        XCTAssertEqual(lines("Élodie Martin", address, from: "FR"), ["Élodie Martin", "18 rue de Châteaudun", "75009 PARIS"])
        XCTAssertEqual(lines("Élodie Martin", address, from: "United Kingdom"), [
            "Élodie Martin", "18 rue de Châteaudun", "75009 PARIS", "FRANCE",
        ])
    }

    // MARK: Japan

    private let tokyoInJapanese = CustomerRecord.PostalAddress(
        line1: "神宮前1-2-3", line2: "メゾン青山 201", city: "渋谷区", region: "東京都", postalCode: "150-0001", country: "日本")

    func testJapanInJapaneseScriptLargestToSmallestWithHonorific() {
        XCTAssertEqual(lines("山田花子", tokyoInJapanese, from: "Japan"), [
            "〒150-0001", "東京都渋谷区神宮前1-2-3", "メゾン青山 201", "山田花子 様",
        ])
    }

    func testJapanInJapaneseScriptFromAbroad() {
        XCTAssertEqual(lines("山田花子", tokyoInJapanese, from: "United Kingdom"), [
            "〒150-0001", "東京都渋谷区神宮前1-2-3", "メゾン青山 201", "山田花子 様", "日本",
        ])
    }

    func testJapanRomanised() {
        let address = address("1-2-3 Jingumae", "Maison Aoyama 201", city: "Shibuya-ku", region: "Tokyo", postalCode: "150-0001", country: "Japan")
        XCTAssertEqual(lines("Hanako Yamada", address, from: "United Kingdom"), [
            "Hanako Yamada", "1-2-3 Jingumae", "Maison Aoyama 201", "Shibuya-ku Tokyo 150-0001", "JAPAN",
        ])
        XCTAssertEqual(lines("Hanako Yamada", address, from: "JP"), [
            "Hanako Yamada", "1-2-3 Jingumae", "Maison Aoyama 201", "Shibuya-ku Tokyo 150-0001",
        ])
    }

    // MARK: Other countries

    func testOtherCountries() {
        let address = address("Rua Garrett 120", city: "Lisboa", postalCode: "1200-205", country: "Portugal")
        XCTAssertEqual(lines("Inês Costa", address, from: "Portugal"), ["Inês Costa", "Rua Garrett 120", "Lisboa 1200-205"])
        XCTAssertEqual(lines("Inês Costa", address, from: "portugal"), ["Inês Costa", "Rua Garrett 120", "Lisboa 1200-205"])
        XCTAssertEqual(lines("Inês Costa", address, from: "Spain"), ["Inês Costa", "Rua Garrett 120", "Lisboa 1200-205", "PORTUGAL"])
        XCTAssertEqual(lines("Inês Costa", address, from: "United Kingdom"), [
            "Inês Costa", "Rua Garrett 120", "Lisboa 1200-205", "PORTUGAL",
        ])
    }

    func testOtherCountryWithRegion() {
        let address = address("200 Bay St", city: "Toronto", region: "ON", postalCode: "M5J 2J2", country: "Canada")
        XCTAssertEqual(lines("Lee Chan", address, from: "United States"), ["Lee Chan", "200 Bay St", "Toronto ON M5J 2J2", "CANADA"])
    }

    // MARK: The country line

    func testNoCountryMeansDomestic() {
        let address = address("7 Canonbury Place", city: "London", postalCode: "N1 2NQ", country: "")
        XCTAssertEqual(lines("Peggy", address, from: "Germany"), ["Peggy", "7 Canonbury Place", "London N1 2NQ"])
    }

    func testUnknownSenderCountryWritesTheCountry() {
        let address = address("7 Canonbury Place", city: "London", postalCode: "N1 2NQ", country: "United Kingdom")
        XCTAssertEqual(lines("Peggy", address, from: ""), ["Peggy", "7 Canonbury Place", "LONDON", "N1 2NQ", "UNITED KINGDOM"])
    }

    func testEmptyPartsLeaveNoBlankLines() {
        let address = address("  ", city: "Berlin", postalCode: "", country: "Germany")
        XCTAssertEqual(lines("Jonas", address, from: "Germany"), ["Jonas", "Berlin"])
        XCTAssertEqual(lines("Jonas", CustomerRecord.PostalAddress(), from: "Germany"), ["Jonas"])
    }

    func testCountryNames() {
        let cases: [(String, AddressFormat.Country)] = [
            ("US", .unitedStates), ("u.s.a.", .unitedStates), ("United States of America", .unitedStates),
            ("GB", .unitedKingdom), ("Scotland", .unitedKingdom), (" Northern Ireland ", .unitedKingdom),
            ("DE", .germany), ("deutschland", .germany), ("fr", .france), ("日本", .japan), ("Nippon", .japan),
            ("Portugal", .other), ("", .other),
        ]
        for (name, country) in cases {
            XCTAssertEqual(AddressFormat.country(name), country, name)
        }
    }
}
