import Foundation

/// What every page knows: the business, the date of the build, and the way back to the root.
/// A class: each customer's views are handed it, and copying a struct of the whole config
/// retained each of its strings.
final class SiteContext: Sendable {
    let config: SiteConfig
    let today: CalendarDay
    let dateStyle: DateStyle

    /// The business's initials that start every offer code ("LUM-…"), worked out once.
    let offerCodePrefix: String
    /// The day of the build as people read it, for letters' `{{today}}`.
    let todayText: String
    /// `page(depth:)` for the depths of the site's pages, built once.
    private let pages: [ViewContext]
    /// `dateContext` of each day from `firstRecentDay` on, made once: a card shows a dozen
    /// dates, most of them within a few years of the build, and formatting each again for
    /// every card cost a few percent of a build.
    private let recentDays: [MustacheValue]
    private let firstRecentDay: CalendarDay

    init(config: SiteConfig, today: CalendarDay) {
        self.config = config
        self.today = today
        self.dateStyle = DateStyle(localeIdentifier: config.locale)
        todayText = dateStyle.format(today)
        offerCodePrefix = String(Slug.readable(config.businessName).replacingOccurrences(of: "-", with: "").prefix(3)).uppercased()
        // Five years back, for visits, and one ahead, for bookings and follow-ups.
        let firstRecentDay = today.adding(days: -5 * 366)
        let dateStyle = dateStyle
        self.firstRecentDay = firstRecentDay
        recentDays = (0..<(6 * 366)).map { firstRecentDay.adding(days: $0).context(dateStyle) }
        pages = (0...2).map { Self.makePage(depth: $0, config: config, today: today, dateStyle: dateStyle) }
    }

    /// `{iso, long}` for `day` (`CalendarDay.context`).
    func dateContext(_ day: CalendarDay) -> MustacheValue {
        let offset = firstRecentDay.days(until: day)
        return recentDays.indices.contains(offset) ? recentDays[offset] : day.context(dateStyle)
    }

    /// The context shared by all pages, for a page `depth` folders below the site root.
    func page(depth: Int) -> ViewContext {
        depth < pages.count ? pages[depth] : Self.makePage(depth: depth, config: config, today: today, dateStyle: dateStyle)
    }

    private static func makePage(depth: Int, config: SiteConfig, today: CalendarDay, dateStyle: DateStyle) -> ViewContext {
        var site = ViewContext()
        site.set("name", config.businessName)
        site.set("address_lines", config.businessAddress)
        site.set("phone", config.businessPhone)
        site.set("email", config.businessEmail)
        site.set("signature", config.signature)
        // The sender on one line above a window address: the country is not needed at home.
        let returnAddress = config.businessAddress.last == config.businessCountry ? config.businessAddress.dropLast() : config.businessAddress[...]
        site.set("return_line", ([config.businessName] + returnAddress).filter { !$0.isEmpty }.joined(separator: " · "))
        var page = ViewContext()
        page.set("site", site)
        page.set("root", String(repeating: "../", count: depth))
        page.set("today", today.context(dateStyle))
        page.set("lang", config.locale.replacingOccurrences(of: "_", with: "-"))
        page.set("paper", config.paper.rawValue)
        page.set("paper_class", config.paper.rawValue.lowercased())
        return page
    }
}
