#!/usr/bin/env python3
"""Writes a realistic Rapport site folder with N customers, deterministic from a seed.

    Benchmarks/make-corpus.py OUT_DIR N [--seed S]

International names (accents, Greek, Japanese, Korean, Arabic), 1-3 KB notes with dated
visits and talking points, tags, children, pets, a schedule for the next two weeks and
two letters. The same N and seed always give the same bytes.
"""
import argparse
import os
import random

FIRST = ["Ana", "José", "Zoë", "Siobhán", "Niamh", "Margaret", "Théo", "Ifeoma", "Arthur", "Rachel",
         "Ελένη", "花子", "지민", "Fatima", "Lukas", "Chloé", "Mateo", "Aisha", "Björn", "Mei",
         "Priya", "Tomás", "Oluwaseun", "Ingrid", "Kenji", "Małgorzata", "Søren", "Leilani", "Yusuf", "Camille"]
LAST = ["Álvarez", "Müller", "Ní Bhriain", "O'Connell", "Whitfield", "Fontaine", "Okafor", "Bennett",
        "Goldberg", "Παπαδοπούλου", "山田", "김", "Haddad", "Schneider", "Dubois", "García", "Khan",
        "Lindqvist", "Chen", "Sharma", "Nowak", "Jensen", "Kahale", "Yılmaz", "Rossi", "Novák", "Silva"]
PETS = ["Biscuit", "Mochi", "Humphrey", "Pickle", "Kinako", "Pretzel", "Captain", "Rex", "Tig", "Luna",
        "Olive", "Pepper", "Miso", "Juniper", "Bramble", "Nori", "Waffles", "Ziggy"]
SPECIES = ["dog", "cat", "rabbit", "budgie", "guinea pig", "tortoise"]
KIDS = ["Maya", "Leo", "Sora", "Chidi", "Noa", "Lucía", "Mateo", "Florence", "Amir", "Hana", "Otto", "Iris"]
TAGS = ["vip", "colour", "cut", "regular", "sensitive-scalp", "bridal", "kids", "new", "lapsed"]
DRINKS = ["Flat white, oat milk", "Earl Grey, no milk", "Sparkling water with lemon", "Green tea", "Espresso"]
FLOWERS = ["Peonies", "Ranunculus", "Sweet peas", "Tulips", "Jasmine", "Camellias"]
CITIES = [("London", "", "N1 2NQ", "United Kingdom"), ("Berlin", "", "10119", "Germany"),
          ("Paris", "", "75009", "France"), ("Brooklyn", "NY", "11238", "United States"),
          ("渋谷区", "東京都", "150-0001", "Japan")]
SERVICES = ["Cut and blow-dry", "Full head colour", "Balayage", "Kids' cut", "Gloss and trim"]
STAFF = ["Camille", "Priya", "Tomás"]
WORDS = ("she he they likes prefers loves asked about the holiday garden new job wedding puppy "
         "recital marathon colour fringe layers gloss tone warm cool ash copper blonde roots trim "
         "appointment coffee book group grandchildren move office anniversary surprise quiet chatty").split()


def sentence(rng, words=14):
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def day(rng, start_year=2024, end_year=2026):
    return f"{rng.randint(start_year, end_year)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"


def csv_field(value):
    if any(c in value for c in ',"\n'):
        return '"' + value.replace('"', '""') + '"'
    return value


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out")
    parser.add_argument("count", type=int)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    os.makedirs(os.path.join(args.out, "content", "notes"), exist_ok=True)
    os.makedirs(os.path.join(args.out, "content", "letters"), exist_ok=True)

    with open(os.path.join(args.out, "rapport.yml"), "w", encoding="utf-8") as f:
        f.write("business:\n  name: Benchmark Salon\n  address: [1 High Street, London N1 1AA, United Kingdom]\n"
                "signature: The Benchmark team\nlocale: en_GB\npaper: A4\noutput: _site\n")

    header = ("id,first_name,last_name,preferred_name,pronunciation,email,phone,birthday,anniversary,"
              "customer_since,last_visit,visits,favorite_drink,favorite_flower,tags,address_line1,"
              "address_line2,city,region,postal_code,country,children,pets")
    rows = [header]
    ids = []
    for n in range(1, args.count + 1):
        cid = f"C-{n:06d}"
        ids.append(cid)
        first, last = rng.choice(FIRST), rng.choice(LAST)
        city, region, postcode, country = rng.choice(CITIES)
        kids = ";".join(f"{rng.choice(KIDS)} ({rng.randint(1, 16)})" for _ in range(rng.randint(0, 2)))
        pets = ";".join(f"{rng.choice(PETS)} ({rng.choice(SPECIES)})" for _ in range(rng.randint(0, 2)))
        birthday = day(rng, 1940, 2005) if rng.random() < 0.8 else f"--{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        fields = [cid, first, last, first if rng.random() < 0.3 else "", "", f"customer{n}@example.com",
                  f"+44 20 7946 {n % 10000:04d}", birthday, day(rng, 1990, 2020) if rng.random() < 0.3 else "",
                  day(rng, 2015, 2024), day(rng, 2025, 2026), str(rng.randint(1, 140)), rng.choice(DRINKS),
                  rng.choice(FLOWERS), ";".join(sorted(set(rng.sample(TAGS, rng.randint(0, 3))))),
                  f"{rng.randint(1, 200)} Example Road", "", city, region, postcode, country, kids, pets]
        rows.append(",".join(csv_field(value) for value in fields))

        note = [f"---\ncustomer: {cid}\n---\n"]
        size = rng.randint(1000, 3000)
        body = []
        while sum(len(p) for p in body) < size * 0.5:
            body.append(" ".join(sentence(rng) for _ in range(3)) + "\n")
        note.append("\n".join(body))
        note.append("\nAsk about:\n" + "".join(f"- {sentence(rng, 6)}\n" for _ in range(rng.randint(1, 3))))
        visits = sorted({day(rng, 2024, 2026) for _ in range(rng.randint(2, 5))}, reverse=True)
        while sum(len(p) for p in note) < size:
            for visit in visits:
                note.append(f"\n## {visit} — {rng.choice(SERVICES).lower()}\n{sentence(rng, 20)} {sentence(rng, 16)}\n")
        with open(os.path.join(args.out, "content", "notes", f"{cid}.md"), "w", encoding="utf-8") as f:
            f.write("".join(note))

    with open(os.path.join(args.out, "content", "customers.csv"), "w", encoding="utf-8") as f:
        f.write("\n".join(rows) + "\n")

    schedule = ["date,time,customer_id,service,staff"]
    for cid in rng.sample(ids, min(len(ids), max(1, len(ids) // 20))):
        schedule.append(f"2026-11-{rng.randint(22, 30):02d},{rng.randint(9, 17):02d}:{rng.choice(['00', '30'])},"
                        f"{cid},{rng.choice(SERVICES)},{rng.choice(STAFF)}")
    with open(os.path.join(args.out, "content", "schedule.csv"), "w", encoding="utf-8") as f:
        f.write("\n".join(schedule) + "\n")

    letters = {
        "thank-you": "---\ntitle: Thank you\nkind: letter\n---\nThank you for coming in to see us at {{business_name}}.\n"
                     "{{#pets}}Give {{name}} a scratch from us. {{/pets}}\n\nWe look forward to seeing you again.\n",
        "come-back": "---\ntitle: We miss you\nkind: letter\n---\nIt has been a while, {{preferred_name}}.\n"
                     "Your {{favorite_drink}} is waiting, and so is a free fringe trim.\n",
    }
    for name, text in letters.items():
        with open(os.path.join(args.out, "content", "letters", f"{name}.md"), "w", encoding="utf-8") as f:
            f.write(text)


if __name__ == "__main__":
    main()
