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
    var addressLines: [String]

    init(_ record: CustomerRecord) {
        preferredName = record.displayName
        firstName = record.firstName
        lastName = record.lastName
        fullName = record.fullName.isEmpty ? record.displayName : record.fullName
        favoriteDrink = record.favoriteDrink
        favoriteFlower = record.favoriteFlower
        children = record.children
        pets = record.pets
        addressLines = CardView.addressLines(record.address)
    }

    /// The merge fields a letter's markdown may use, and nothing else.
    static let mergeFields: Set = [
        "preferred_name", "first_name", "last_name", "full_name", "favorite_drink", "favorite_flower",
        "business_name", "today", "pets", "children",
    ]
    /// Fields of the items of `{{#pets}}` and `{{#children}}`.
    static let itemFields: [String: Set<String>] = ["pets": ["name", "species"], "children": ["name", "age"]]

    func mergeContext(in site: SiteContext) -> [String: Any] {
        var context = ViewContext()
        context["preferred_name"] = preferredName
        context["first_name"] = firstName
        context["last_name"] = lastName
        context["full_name"] = fullName
        context["favorite_drink"] = favoriteDrink
        context["favorite_flower"] = favoriteFlower
        context["business_name"] = site.config.businessName
        context["today"] = site.dateStyle.format(site.today)
        context["children"] = children.map { ViewContext(["name": $0.name, "age": $0.age]).values }
        context["pets"] = pets.map { ViewContext(["name": $0.name, "species": $0.species]).values }
        return context.values
    }
}

/// One printable letter page: the letter's merged body, addressed to one recipient.
struct LetterView {
    var letter: LetterTemplate
    var recipient: LetterRecipient

    func context(in site: SiteContext) -> [String: Any] {
        var page = site.page(depth: 2)
        page["letter"] = ViewContext([
            "title": letter.title, "greeting": letter.greeting, "closing": letter.closing,
            "body_html": letter.body.render(recipient.mergeContext(in: site)),
        ]).values
        page["recipient"] = ViewContext([
            "preferred_name": recipient.preferredName, "full_name": recipient.fullName,
            "address_lines": recipient.addressLines,
        ]).values
        return page.values
    }
}
