
/// A site folder, loaded and checked: what rendering and printing start from.
struct LoadedSite {
    var config: SiteConfig
    var records: [CustomerRecord]
    var notes: [String: CustomerNote]
    /// Customer id → appointments, by date and time.
    var appointments: [String: [Appointment]]
    var letters: [LetterTemplate]
    /// Customer id → letter name → the customer's own text for that letter.
    var letterTexts: [String: [String: MustacheTemplate]]
    var templates: TemplateSet
    var quality: DataQuality
    /// The records in the directory's order (`DirectoryView.sorted`).
    var directoryOrder: [CustomerRecord]
    /// Each customer id's slug, the name of their pages (`Slug.slugs`).
    var slugs: [String: String]

    /// `letter` for `record`, with the customer's own text when their note has one.
    /// `appointments` are the customer's, when already looked up.
    func letterView(
        _ letter: LetterTemplate, for record: CustomerRecord, on today: CalendarDay, appointments: [Appointment]? = nil
    ) -> LetterView {
        let next = (appointments ?? self.appointments[record.id])?.first { $0.date >= today }
        let recipient = LetterRecipient(record, nextAppointment: next, senderCountry: config.businessCountry)
        return LetterView(letter: letter, recipient: recipient, body: letterTexts[record.id]?[letter.name])
    }
}
