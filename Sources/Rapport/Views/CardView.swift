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
        customer["id"] = record.id
        customer["display_name"] = record.displayName
        customer["full_name"] = record.fullName
        customer["first_name"] = record.firstName
        customer["last_name"] = record.lastName
        customer["preferred_name"] = record.preferredName
        customer["pronunciation"] = record.pronunciation
        customer["email"] = record.email
        customer["phone"] = record.phone
        customer.setList("tags", record.tags.map { ["name": .text($0)] as MustacheValue })
        customer["customer_since"] = record.customerSince.map(site.dateContext)
        if let lastVisit = record.lastVisit {
            var visit = ViewContext(continuing: site.dateContext(lastVisit))
            visit["ago"] = Self.ago(days: lastVisit.days(until: site.today))
            customer["last_visit"] = visit
        }
        customer["visits"] = record.visits.map(String.init)
        customer["birthday"] = record.birthday.map { Self.recurring($0, in: site) }
        customer["anniversary"] = record.anniversary.map { Self.recurring($0, in: site) }
        customer.setList("children", record.children.map { ViewContext(["name": .text($0.name), "age": .text($0.age)]).mustacheValue })
        customer.setList("pets", record.pets.map { ViewContext(["name": .text($0.name), "species": .text($0.species)]).mustacheValue })
        customer["has_family"] = !record.children.isEmpty || !record.pets.isEmpty
        var favorites: [MustacheValue] = []
        if !record.favoriteDrink.isEmpty { favorites.append(["label": "Usual drink", "value": .text(record.favoriteDrink)]) }
        if !record.favoriteFlower.isEmpty { favorites.append(["label": "Favourite flower", "value": .text(record.favoriteFlower)]) }
        customer.setList("favorites", favorites)
        customer.setList("address_lines", Self.addressLines(record.address))
        customer.setList("extra", record.extra.filter { !$0.value.isEmpty }.map { ["label": .text(Self.label($0.name)), "value": .text($0.value)] as MustacheValue })
        var fields = ViewContext()
        for (name, value) in record.extra { fields[name] = value }
        customer["fields"] = fields

        customer.setList("ask_about", (note?.askAbout(on: site.today) ?? []).map { ["item_html": .text($0.html)] as MustacheValue })
        customer.setList("make_it_right", (note?.makeItRight ?? []).map { ["item_html": .text($0)] as MustacheValue })
        customer.setList(
            "follow_ups",
            (note?.followUps ?? []).sorted { $0.date < $1.date }.map { followUp in
                ViewContext([
                    "date": site.dateContext(followUp.date), "item_html": .text(followUp.html),
                    "overdue": .flag(followUp.date < site.today),
                ]).mustacheValue
            })
        customer["notes_html"] = note?.html
        customer["has_notes"] = !(note?.html.isEmpty ?? true)
        customer.setList(
            "visit_log",
            (note?.visits ?? []).map { visit in
                ViewContext([
                    "date": site.dateContext(visit.date), "title_html": .text(visit.titleHTML),
                    "has_title": .flag(!visit.titleHTML.isEmpty), "body_html": .text(visit.html),
                ]).mustacheValue
            })
        customer.setList(
            "appointments",
            appointments.filter { $0.date >= site.today }.map { appointment in
                ViewContext([
                    "date": site.dateContext(appointment.date), "time": .text(appointment.time),
                    "service": .text(appointment.service), "staff": .text(appointment.staff),
                ]).mustacheValue
            })
        customer.setList("letters", letters.map { ["title": .text($0.title), "href": .text($0.href)] as MustacheValue })

        var page = site.page(depth: 1)
        page["customer"] = customer
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
        var context = ViewContext(["date": .text(text), "in_days": .text(String(days)), "soon": .flag(days <= site.config.soonDays)])
        context["in_words"] = days == 0 ? "today" : days == 1 ? "tomorrow" : "in \(days) days"
        return context.mustacheValue
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
