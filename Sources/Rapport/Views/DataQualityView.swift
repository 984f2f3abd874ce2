/// The data-quality page: what to tidy in the records and notes.
struct DataQualityView {
    var report: DataQuality
    var warnings: [Diagnostic]
    var cardLinks: [String: String]

    func context(in site: SiteContext) -> MustacheValue {
        let cardLinks = cardLinks
        @Sendable func person(_ record: CustomerRecord) -> MustacheValue {
            ViewContext(capacity: 5).setting("id", .text(record.id)).setting("display_name", .text(record.displayName))
                .setting("full_name", .text(record.fullName)).setting("href", .text(cardLinks[record.id] ?? ""))
                .setting("location", .text(record.location.description)).mustacheValue
        }
        var context = site.page(depth: 0)
        context.setList(
            "duplicates",
            report.duplicates.map { ["first": person($0.first), "second": person($0.second), "reason": .text($0.reason)] })
        // These lists can name most customers: their items are made as the page reaches them.
        let (records, missingPreferredName, missingBirthday) = (report.records, report.missingPreferredName, report.missingBirthday)
        context.setList("missing_preferred_name", count: missingPreferredName.count) { person(records[missingPreferredName[$0]]) }
        context.setList("missing_birthday", count: missingBirthday.count) { person(records[missingBirthday[$0]]) }
        let staleNotes = report.staleNotes
        context.setList("stale_notes", count: staleNotes.count) { index in
            let stale = staleNotes[index]
            var item = ViewContext(continuing: person(records[stale.customer]))
            item.set("newest_visit", stale.newestVisit.map { site.dateContext($0) })
            item.set("ago", stale.newestVisit.map { CardView.ago(days: $0.days(until: site.today)) })
            return item.mustacheValue
        }
        context.setList(
            "warnings",
            warnings.map { ["location": $0.location.description, "message": $0.message] })
        context.set("stale_note_days", site.config.staleNoteDays)
        context.set("all_clear", report.duplicates.isEmpty && warnings.isEmpty)
        return context.mustacheValue
    }
}
