/// The "coming up" recall sheet: for today and the next days, who is booked (with what to
/// know about them), whose birthday or anniversary it is, which follow-ups are due; then
/// open "make it right" items and the regulars not seen in a while.
struct ComingUpView {
    var records: [CustomerRecord]
    var notes: [String: CustomerNote]
    var appointments: [String: [Appointment]]
    /// Customer id → card link from the site root.
    var cardLinks: [String: String]

    func context(in site: SiteContext) -> MustacheValue {
        let today = site.today
        let last = today.adding(days: site.config.comingUpDays)
        // By index: a record is large to copy.
        let byID = Dictionary(uniqueKeysWithValues: records.indices.map { (records[$0].id, $0) })

        var bookings: [CalendarDay: [(Appointment, CustomerRecord)]] = [:]
        for (id, list) in appointments {
            guard let index = byID[id] else { continue }
            let record = records[index]
            for appointment in list where appointment.date >= today && appointment.date <= last {
                bookings[appointment.date, default: []].append((appointment, record))
            }
        }
        var occasions: [CalendarDay: [ViewContext]] = [:]
        var followUps: [CalendarDay: [ViewContext]] = [:]
        // These two can hold an item for most customers: they are kept as what the items
        // are made from, and made as the page reaches them.
        var overdue: [(customer: Int, followUp: CustomerNote.FollowUp)] = []
        var makeItRight: [(customer: Int, html: String)] = []
        for (index, record) in records.enumerated() {
            for (kind, date) in [("birthday", record.birthday), ("anniversary", record.anniversary)] {
                guard let date else { continue }
                let next = date.nextOccurrence(onOrAfter: today)
                guard next <= last else { continue }
                var occasion = person(record)
                occasion.set("kind", kind == "birthday" ? "Birthday" : "Anniversary")
                if let year = date.year, next.year > year {
                    occasion.set("years", kind == "birthday" ? "turns \(next.year - year)" : "\(next.year - year) years")
                }
                if date.month == 2, date.day == 29, next.day == 28 {
                    occasion.set("note", "born on 29 February")
                }
                occasions[next, default: []].append(occasion)
            }
            guard let note = notes[record.id] else { continue }
            for followUp in note.followUps where followUp.date <= last {
                if followUp.date < today {
                    overdue.append((index, followUp))
                } else {
                    var item = person(record)
                    item.set("item_html", followUp.html)
                    followUps[followUp.date, default: []].append(item)
                }
            }
            for html in note.makeItRight { makeItRight.append((index, html)) }
        }

        var days: [MustacheValue] = []
        var date = today
        while date <= last {
            var day = ViewContext()
            day.set("iso", date.description)
            day.set("heading", site.dateStyle.formatWithWeekday(date))
            day.set("relative", date == today ? "Today" : date == today.adding(days: 1) ? "Tomorrow" : "")
            let booked = (bookings[date] ?? []).sorted { ($0.0.time, $0.1.id) < ($1.0.time, $1.1.id) }
            day.setList("bookings", booked.map { booking(appointment: $0.0, record: $0.1, on: date) })
            day.setList("occasions", occasions[date] ?? [])
            day.setList("follow_ups", followUps[date] ?? [])
            day.set("is_quiet", booked.isEmpty && occasions[date] == nil && followUps[date] == nil)
            days.append(day.mustacheValue)
            date = date.adding(days: 1)
        }

        let lapsed = records.indices.compactMap { index -> (absence: Int, customer: Int)? in
            let record = records[index]
            guard let lastVisit = record.lastVisit, (record.visits ?? 0) >= site.config.regularVisits else { return nil }
            let absence = lastVisit.days(until: today)
            return absence > site.config.lapsedDays ? (absence, index) : nil
        }.sorted { ($0.absence, records[$0.customer].id) > ($1.absence, records[$1.customer].id) }

        var page = site.page(depth: 0)
        page.set("days", days)
        page.set("first_day", site.dateContext(today))
        page.set("last_day", site.dateContext(last))
        page.set("coming_up_days", site.config.comingUpDays)
        page.set("lapsed_days", site.config.lapsedDays)
        var context = page
        let view = self
        let (overdueItems, makeItRightItems) = (overdue, makeItRight)
        context.setList("overdue", count: overdue.count) { index in
            let (customer, followUp) = overdueItems[index]
            var item = view.person(view.records[customer])
            item.set("item_html", followUp.html)
            item.set("due", site.dateContext(followUp.date))
            return item.mustacheValue
        }
        context.setList("make_it_right", count: makeItRight.count) { index in
            let (customer, html) = makeItRightItems[index]
            var item = view.person(view.records[customer])
            item.set("item_html", html)
            return item.mustacheValue
        }
        context.setList("lapsed", count: lapsed.count) { index in
            let (absence, customer) = lapsed[index]
            let record = view.records[customer]
            var item = view.person(record)
            item.set("last_visit", site.dateContext(record.lastVisit!))
            item.set("ago", CardView.ago(days: absence))
            item.set("visits", record.visits.map(String.init))
            return item.mustacheValue
        }
        return context.mustacheValue
    }

    /// Who someone is, for a line of the sheet: name, how to say it, link to the card.
    private func person(_ record: CustomerRecord) -> ViewContext {
        ViewContext(capacity: 8).setting("display_name", .text(record.displayName)).setting("full_name", .text(record.fullName))
            .setting("pronunciation", .text(record.pronunciation)).setting("href", .text(cardLinks[record.id] ?? ""))
    }

    /// A booking with the customer's essentials inline.
    private func booking(appointment: Appointment, record: CustomerRecord, on day: CalendarDay) -> MustacheValue {
        var item = person(record)
        item.set("time", appointment.time)
        item.set("service", appointment.service)
        item.set("staff", appointment.staff)
        item.setList("children", record.children)
        item.setList("pets", record.pets)
        item.set("favorite_drink", record.favoriteDrink)
        let note = notes[record.id]
        item.setList("ask_about", (note?.askAbout(on: day) ?? []).map { CardView.item(html: $0.html) })
        item.setList("make_it_right", (note?.makeItRight ?? []).map(CardView.item(html:)))
        return item.mustacheValue
    }
}
