
/// What a letter may know about its recipient. It is built from the record's
/// customer-facing fields only; notes, tags and extra columns have no way in.
struct LetterRecipient {
    var preferredName: String
    var firstName: String
    var lastName: String
    var fullName: String
    var favoriteDrink: String
    var favoriteFlower: String
    var children: [CustomerRecord.Child]
    var pets: [CustomerRecord.Pet]
    /// The address block, laid out for the destination country.
    var addressLines: [String]
    var id: String
    /// The next booking on or after the day the letter is for.
    var nextAppointment: Appointment?

    init(_ record: CustomerRecord, nextAppointment: Appointment? = nil, senderCountry: String = "") {
        preferredName = record.displayName
        firstName = record.firstName
        lastName = record.lastName
        fullName = record.fullName.isEmpty ? record.displayName : record.fullName
        favoriteDrink = record.favoriteDrink
        favoriteFlower = record.favoriteFlower
        children = record.children
        pets = record.pets
        addressLines = AddressFormat.lines(name: fullName, address: record.address, senderCountry: senderCountry)
        id = record.id
        self.nextAppointment = nextAppointment
    }

    /// The merge fields a letter's markdown may use, and nothing else.
    static let mergeFields: Set = [
        "preferred_name", "first_name", "last_name", "full_name", "favorite_drink", "favorite_flower",
        "business_name", "today", "pets", "children", "next_appointment", "offer_code",
    ]
    /// Fields of the items of `{{#pets}}`, `{{#children}}` and `{{#next_appointment}}`.
    static let itemFields: [String: Set<String>] = [
        "pets": ["name", "species"], "children": ["name", "age"], "next_appointment": ["date", "time", "service", "staff"],
    ]
    /// What the recall card knows and a letter never may: named in a letter, an error says so.
    static let internalFields: Set = [
        "notes", "notes_html", "ask_about", "follow_ups", "follow_up", "make_it_right", "visit_log", "visits", "tags",
        "fields", "extra", "email", "phone", "id", "last_visit", "customer_since", "pronunciation", "birthday",
        "anniversary", "appointments", "customer", "has_notes",
    ]

    /// A per-customer code for an offer in `letter`: short, unambiguous to read aloud, and
    /// the same on every build (a hash of the business, the letter and the customer id).
    func offerCode(letter: String, site: SiteContext) -> String {
        let alphabet = Self.offerCodeAlphabet
        var hash = Slug.fnv1a("\(site.config.businessName)\u{1F}\(letter)\u{1F}\(id)")
        var code: [UInt8] = []
        for _ in 0..<6 {
            code.append(alphabet[Int(hash % UInt64(alphabet.count))])
            hash /= UInt64(alphabet.count)
        }
        let text = String(decoding: code, as: UTF8.self)
        let prefix = site.offerCodePrefix
        return prefix.isEmpty ? text : "\(prefix)-\(text)"
    }

    /// Letters and digits that cannot be mistaken for one another (no I, L, O, U, 0, 1).
    private static let offerCodeAlphabet = Array("ABCDEFGHJKMNPQRSTVWXYZ23456789".utf8)

    /// `names` are those the letter's text uses (`MustacheTemplate.names`): the offer code
    /// and the date are made only when asked for. Nil means any.
    func mergeContext(in site: SiteContext, letter: String = "", names: Set<String>? = nil) -> MustacheValue {
        var context = ViewContext(capacity: 12)
        context.set("preferred_name", preferredName)
        context.set("first_name", firstName)
        context.set("last_name", lastName)
        context.set("full_name", fullName)
        context.set("favorite_drink", favoriteDrink)
        context.set("favorite_flower", favoriteFlower)
        context.set("business_name", site.config.businessName)
        if names?.contains("today") ?? true { context.set("today", site.todayText) }
        context.set("children", children)
        context.set("pets", pets)
        if names?.contains("offer_code") ?? true { context.set("offer_code", offerCode(letter: letter, site: site)) }
        if let next = nextAppointment {
            context.set(
                "next_appointment",
                ViewContext(capacity: 4).setting("date", .text(site.dateStyle.formatWithWeekday(next.date)))
                    .setting("time", .text(next.time)).setting("service", .text(next.service)).setting("staff", .text(next.staff)))
        }
        return context.mustacheValue
    }
}

/// One letter for one recipient: a sheet of paper, and the envelope it goes in.
struct LetterView {
    var letter: LetterTemplate
    var recipient: LetterRecipient
    /// The letter's body, or the customer's own text for it from their note.
    var body: MustacheTemplate

    init(letter: LetterTemplate, recipient: LetterRecipient, body: MustacheTemplate? = nil) {
        self.letter = letter
        self.recipient = recipient
        self.body = body ?? letter.body
    }

    /// The context of the `letter-sheet` partial: one printed page.
    func sheet(in site: SiteContext) -> MustacheValue {
        let body = Self.droppingEmptyParagraphs(body.renderBytes(recipient.mergeContext(in: site, letter: letter.name, names: body.names)))
        let person = ViewContext(capacity: 3).setting("preferred_name", .text(recipient.preferredName))
            .setting("full_name", .text(recipient.fullName)).setting("address_lines", recipient.addressLines.mustacheValue)
        return ViewContext(capacity: 8).setting("kind", .text(letter.kind.rawValue)).setting("is_\(letter.kind.rawValue)", true)
            .setting("paper", .object(MustacheObject(capacity: 2).setting("id", .text(letter.paper.id)).setting("name", .text(letter.paper.name))))
            .setting("title", .text(letter.title)).setting("greeting", .text(letter.greeting)).setting("closing", .text(letter.closing))
            .setting("body_html", .text(body)).setting("recipient", person.mustacheValue).mustacheValue
    }

    /// A paragraph made only of a section that is empty for this customer (`{{#pets}}…`)
    /// would print as a gap: leave it out.
    static func droppingEmptyParagraphs(_ bytes: [UInt8]) -> String {
        // On bytes: this runs for every letter of every customer, and most letters have no
        // empty paragraph, which one look at each line tells.
        bytes.withUnsafeBufferPointer { bytes in
            var lineStart = 0
            while lineStart <= bytes.count {
                let end = bytes.firstIndex(ofByte: UInt8(ascii: "\n"), from: lineStart) ?? bytes.count
                if isEmptyParagraph(UnsafeBufferPointer(rebasing: bytes[lineStart..<end])) { break }
                lineStart = end + 1
            }
            if lineStart > bytes.count { return String(decoding: bytes, as: UTF8.self) }
            var kept: [UInt8] = []
            kept.reserveCapacity(bytes.count)
            var start = 0
            var isFirst = true
            while start <= bytes.count {
                let end = bytes.firstIndex(ofByte: UInt8(ascii: "\n"), from: start) ?? bytes.count
                let line = UnsafeBufferPointer(rebasing: bytes[start..<end])
                if !isEmptyParagraph(line) {
                    if !isFirst { kept.append(UInt8(ascii: "\n")) }
                    kept.append(contentsOf: line)
                    isFirst = false
                }
                start = end + 1
            }
            return String(decoding: kept, as: UTF8.self)
        }
    }

    /// `<p>` and `</p>` with only spaces and no-break spaces (U+00A0, C2 A0 in UTF-8)
    /// between them. A combining mark on a space makes another character, and its bytes
    /// are neither.
    private static func isEmptyParagraph(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        guard line.count >= 7, line.starts(with: "<p>".utf8), line.suffix(4).elementsEqual("</p>".utf8) else { return false }
        var index = 3
        while index < line.count - 4 {
            if line[index] == UInt8(ascii: " ") {
                index += 1
            } else if line[index] == 0xC2, index + 1 < line.count - 4, line[index + 1] == 0xA0 {
                index += 2
            } else {
                return false
            }
        }
        return true
    }

    /// The context of one envelope of the `envelopes` document.
    func envelope(in site: SiteContext) -> MustacheValue {
        ViewContext([
            "envelope": ["id": .text(letter.envelope.id), "name": .text(letter.envelope.name)],
            "address_lines": recipient.addressLines.mustacheValue,
        ]).mustacheValue
    }

    /// The site's page for this letter (`letters/NAME/SLUG.html`).
    func context(in site: SiteContext) -> MustacheValue {
        var page = site.page(depth: 2)
        page.set("sheet", sheet(in: site))
        page.set("letter_title", letter.title)
        page.set("recipient_name", recipient.fullName)
        page.set("paper_name", letter.paper.name)
        return page.mustacheValue
    }
}
