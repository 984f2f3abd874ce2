import Foundation

/// The recall card of one customer: everything staff may read, notes included.
struct CardView {
    var record: CustomerRecord
    var note: CustomerNote?
    var appointments: [Appointment]
    var letters: [(title: String, href: String)]

    func context(in site: SiteContext) -> MustacheValue {
        // Room for every key below, set once each: the list is not grown as it fills.
        var customer = ViewContext(capacity: 64)
        customer.set("id", record.id)
        customer.set("display_name", record.displayName)
        customer.set("full_name", record.fullName)
        customer.set("first_name", record.firstName)
        customer.set("last_name", record.lastName)
        customer.set("preferred_name", record.preferredName)
        customer.set("pronunciation", record.pronunciation)
        customer.set("email", record.email)
        customer.set("phone", record.phone)
        customer.setList("tags", record.tags.map(Self.tag))
        customer.set("customer_since", record.customerSince.map { site.dateContext($0) })
        if let lastVisit = record.lastVisit {
            var visit = ViewContext(continuing: site.dateContext(lastVisit))
            visit.set("ago", Self.ago(days: lastVisit.days(until: site.today)))
            customer.set("last_visit", visit)
        }
        customer.set("visits", record.visits.map(String.init))
        customer.set("birthday", record.birthday.map { Self.recurring($0, in: site) })
        customer.set("anniversary", record.anniversary.map { Self.recurring($0, in: site) })
        customer.setList("children", record.children.map(\.mustacheValue))
        customer.setList("pets", record.pets.map(\.mustacheValue))
        customer.set("has_family", !record.children.isEmpty || !record.pets.isEmpty)
        var favorites: [MustacheValue] = []
        if !record.favoriteDrink.isEmpty { favorites.append(Self.labelled("Usual drink", record.favoriteDrink)) }
        if !record.favoriteFlower.isEmpty { favorites.append(Self.labelled("Favourite flower", record.favoriteFlower)) }
        customer.setList("favorites", favorites)
        customer.setList("address_lines", Self.addressLines(record.address))
        customer.setList("extra", record.extra.filter { !$0.value.isEmpty }.map { Self.labelled(Self.label($0.name), $0.value) })
        var fields = ViewContext()
        for (name, value) in record.extra { fields[name] = value }
        customer.set("fields", fields)

        customer.setList("ask_about", (note?.askAbout(on: site.today) ?? []).map { Self.item(html: $0.html) })
        customer.setList("make_it_right", (note?.makeItRight ?? []).map(Self.item(html:)))
        customer.setList(
            "follow_ups",
            (note?.followUps ?? []).sorted { $0.date < $1.date }.map { followUp in
                ViewContext(capacity: 3).setting("date", site.dateContext(followUp.date)).setting("item_html", .text(followUp.html))
                    .setting("overdue", .flag(followUp.date < site.today)).mustacheValue
            })
        customer.set("notes_html", note?.html)
        customer.set("has_notes", !(note?.html.isEmpty ?? true))
        customer.setList(
            "visit_log",
            (note?.visits ?? []).map { visit in
                ViewContext(capacity: 4).setting("date", site.dateContext(visit.date)).setting("title_html", .text(visit.titleHTML))
                    .setting("has_title", .flag(!visit.titleHTML.isEmpty)).setting("body_html", .text(visit.html)).mustacheValue
            })
        customer.setList(
            "appointments",
            appointments.filter { $0.date >= site.today }.map { appointment in
                ViewContext(capacity: 4).setting("date", site.dateContext(appointment.date)).setting("time", .text(appointment.time))
                    .setting("service", .text(appointment.service)).setting("staff", .text(appointment.staff)).mustacheValue
            })
        customer.setList("letters", letters.map { MustacheValue.object(MustacheObject(capacity: 2).setting("title", .text($0.title)).setting("href", .text($0.href))) })

        var page = site.page(depth: 1)
        page.set("customer", customer)
        return page.mustacheValue
    }

    /// `{date, in_days, in_words, soon}` for a birthday or anniversary.
    static func recurring(_ date: Anniversary, in site: SiteContext) -> MustacheValue {
        let next = date.nextOccurrence(onOrAfter: site.today)
        let days = site.today.days(until: next)
        let text: String
        if let year = date.year, let full = CalendarDay(year: year, month: date.month, day: date.day) {
            text = site.dateStyle.format(full)
        } else {
            text = site.dateStyle.format(month: date.month, day: date.day)
        }
        return ViewContext(capacity: 4).setting("date", .text(text)).setting("in_days", .text(String(days)))
            .setting("soon", .flag(days <= site.config.soonDays))
            .setting("in_words", .text(days == 0 ? "today" : days == 1 ? "tomorrow" : "in \(days) days")).mustacheValue
    }

    /// `{label, value}`, for the favourites and extra columns.
    static func labelled(_ label: String, _ value: String) -> MustacheValue {
        .object(MustacheObject(capacity: 2).setting("label", .text(label)).setting("value", .text(value)))
    }

    /// `{name}`, for a tag (on the card and in the directory).
    static func tag(_ name: String) -> MustacheValue {
        .object(MustacheObject(capacity: 1).setting("name", .text(name)))
    }

    /// `{item_html}`, for the items of a note's lists.
    static func item(html: String) -> MustacheValue {
        .object(MustacheObject(capacity: 1).setting("item_html", .text(html)))
    }

    /// "yesterday", "5 days ago", "3 weeks ago", "4 months ago", "2 years ago".
    static func ago(days: Int) -> String {
        switch days {
        case ..<0: return ""
        case 0: return "today"
        case 1: return "yesterday"
        case 2..<14: return "\(days) days ago"
        case 14..<60: return "\(days / 7) weeks ago"
        case 60..<730: return "\(days / 30) months ago"
        default: return "\(days / 365) years ago"
        }
    }

    /// The address as lines, in the order the record gives them (country formats come later).
    static func addressLines(_ address: CustomerRecord.PostalAddress) -> [String] {
        let cityLine = [address.city, address.region, address.postalCode].filter { !$0.isEmpty }.joined(separator: " ")
        return [address.line1, address.line2, cityLine, address.country].filter { !$0.isEmpty }
    }

    /// `hair_notes_colour` → "Hair notes colour".
    static func label(_ column: String) -> String {
        let words = column.replacingOccurrences(of: "_", with: " ")
        return words.prefix(1).uppercased() + words.dropFirst()
    }
}

/// `{name, age}`, the age left out when not known.
extension CustomerRecord.Child: MustacheConvertible {
    var mustacheValue: MustacheValue {
        ViewContext(capacity: 2).setting("name", .text(name)).setting("age", .text(age)).mustacheValue
    }
}

/// `{name, species}`, the species left out when not known.
extension CustomerRecord.Pet: MustacheConvertible {
    var mustacheValue: MustacheValue {
        ViewContext(capacity: 2).setting("name", .text(name)).setting("species", .text(species)).mustacheValue
    }
}
