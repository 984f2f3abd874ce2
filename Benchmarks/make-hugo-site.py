#!/usr/bin/env python3
"""Writes the Hugo site equivalent to a Rapport site made by make-corpus.py.

    Benchmarks/make-hugo-site.py CORPUS_DIR OUT_DIR

One page per customer (the recall card), one page per customer and letter with the merge
fields filled in by Hugo templates, the directory with its search data and the coming-up
sheet. The records go into each page's YAML front matter and the note into its body, so
Hugo renders the markdown and does the merging itself. The layouts are the files in
Benchmarks/hugo/ (copied); the stylesheet and search script are Rapport's own. This step
is not timed: it stands for the data being in Hugo's format to begin with.
"""
import argparse
import csv
import json
import os
import re
import shutil
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
TODAY = "2026-11-22"

CONFIG = """baseURL = "/"
title = {title}
languageCode = "en-gb"
uglyURLs = true
# Only what Rapport makes: no taxonomies, feeds, sitemap, robots.txt, 404 or section lists.
disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404", "section"]
disableHugoGeneratorInject = true
enableGitInfo = false
timeout = "3600s"

[taxonomies]

# CommonMark as cmark renders it for Rapport: safe, no extensions, no heading ids.
[markup.goldmark.renderer]
  unsafe = false
[markup.goldmark.parser]
  autoHeadingID = false
[markup.goldmark.extensions]
  definitionList = false
  footnote = false
  linkify = false
  strikethrough = false
  table = false
  taskList = false
  typographer = false

[params]
  today = "{today}"
  business_name = {title}
  address = {address}
  signature = {signature}
  letters = {letters}
  coming_up_days = 7
  lapsed_days = 90
  regular_visits = 3
  soon_days = 30
"""


def yaml_value(value):
    """JSON is YAML: flow style keeps the writer short and the quoting exact."""
    return json.dumps(value, ensure_ascii=False)


def toml_string(text):
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a TOML basic string


def front_matter(fields):
    lines = ["---"]
    for key, value in fields.items():
        if value in ("", [], None):
            continue
        lines.append(f"{key}: {yaml_value(value)}")
    lines.append("---")
    return "\n".join(lines) + "\n"


def read_config(path):
    """The few keys make-corpus.py writes to rapport.yml."""
    config = {"name": "Rapport", "address": [], "signature": ""}
    with open(path, encoding="utf-8") as f:
        for line in f:
            key, _, value = line.strip().partition(":")
            value = value.strip()
            if key == "name" and value:
                config["name"] = value
            elif key == "address" and value.startswith("["):
                config["address"] = [part.strip() for part in value.strip("[]").split(",")]
            elif key == "signature":
                config["signature"] = value.strip('"')
    return config


def header_value(header, key, default=""):
    """A `key: value` line of a letter's front matter."""
    match = re.search(rf"^{key}:\s*(.*)$", header, re.M)
    return match.group(1).strip() if match else default


def is_east_asian(text):
    return all(0x3040 <= ord(c) <= 0x30FF or 0x3400 <= ord(c) <= 0x4DBF or 0x4E00 <= ord(c) <= 0x9FFF
               or 0xAC00 <= ord(c) <= 0xD7AF or 0xF900 <= ord(c) <= 0xFAFF for c in text)


def full_name(first, last):
    if not first or not last:
        return first + last
    return last + first if is_east_asian(first) and is_east_asian(last) else f"{first} {last}"


def fold(text):
    bare = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return bare.casefold()


def people(text, inner):
    """`Maya (7);Leo (4)` → [{"name": "Maya", inner: "7"}, ...]."""
    result = []
    for part in filter(None, (p.strip() for p in text.split(";"))):
        match = re.fullmatch(r"(.*?)\s*\((.*)\)", part)
        name, value = (match.group(1), match.group(2)) if match else (part, "")
        result.append({"name": name, inner: value})
    return result


LIST_LABELS = {"ask about:": "ask_about", "follow up:": "follow_ups", "make it right:": "make_it_right"}


def split_note(text):
    """Front matter, the labelled lists, and the rest of the body (notes and visit log)."""
    lines = text.split("\n")
    fields = {"ask_about": [], "follow_ups": [], "make_it_right": []}
    if lines and lines[0] == "---":
        end = lines.index("---", 1)
        for line in lines[1:end]:
            key, _, value = line.partition(":")
            if key.strip() == "follow_up":
                fields["follow_ups"].append(follow_up(value.strip()))
        lines = lines[end + 1:]
    body = []
    index = 0
    while index < len(lines):
        label = LIST_LABELS.get(lines[index].strip().lower())
        if label and (index == 0 or not lines[index - 1].strip()) and index + 1 < len(lines) \
                and lines[index + 1].startswith("- "):
            index += 1
            while index < len(lines) and lines[index].startswith("- "):
                item = lines[index][2:].strip()
                if label == "ask_about":
                    match = re.fullmatch(r"(.*?)\s*\(until (\d{4}-\d{2}-\d{2})\)", item)
                    fields[label].append({"text": match.group(1), "until": match.group(2)} if match else {"text": item})
                elif label == "follow_ups":
                    fields[label].append(follow_up(item))
                else:
                    fields[label].append(item)
                index += 1
            continue
        body.append(lines[index])
        index += 1
    return fields, "\n".join(body).strip("\n") + "\n"


def follow_up(text):
    return {"date": text[:10], "text": text[10:].lstrip(" —–-:")}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus")
    parser.add_argument("out")
    args = parser.parse_args()
    corpus, out = args.corpus, args.out

    layouts = os.path.join(HERE, "hugo", "layouts")
    letters_dir = os.path.join(corpus, "content", "letters")
    letters = []
    for name in sorted(os.listdir(letters_dir)):
        if not name.endswith(".md"):
            continue
        slug = name[:-3]
        with open(os.path.join(letters_dir, name), encoding="utf-8") as f:
            header = f.read().split("---")[1]
        if not os.path.exists(os.path.join(layouts, "partials", "letter-body", f"{slug}.html")):
            sys.exit(f"make-hugo-site: no Hugo body for letter '{slug}': add "
                     f"Benchmarks/hugo/layouts/partials/letter-body/{slug}.html")
        letters.append({"name": slug, "title": header_value(header, "title", slug),
                        "kind": header_value(header, "kind", "letter"),
                        "greeting": header_value(header, "greeting"), "closing": header_value(header, "closing")})

    if os.path.exists(out):
        shutil.rmtree(out)
    shutil.copytree(layouts, os.path.join(out, "layouts"))
    os.makedirs(os.path.join(out, "static", "assets"))
    for asset in ("rapport.css", "search.js"):
        shutil.copy(os.path.join(REPO, "Templates", asset), os.path.join(out, "static", "assets", asset))

    config = read_config(os.path.join(corpus, "rapport.yml"))
    with open(os.path.join(out, "config.toml"), "w", encoding="utf-8") as f:
        f.write(CONFIG.format(title=json.dumps(config["name"], ensure_ascii=False), today=TODAY,
                              address=json.dumps(config["address"], ensure_ascii=False),
                              signature=json.dumps(config["signature"], ensure_ascii=False),
                              letters="[" + ", ".join(f"{{ name = {toml_string(l['name'])}, title = {toml_string(l['title'])} }}"
                                                      for l in letters) + "]"))

    appointments = {}
    with open(os.path.join(corpus, "content", "schedule.csv"), encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            appointments.setdefault(row["customer_id"], []).append(
                {"date": row["date"], "time": row["time"], "service": row["service"], "staff": row["staff"]})
    for items in appointments.values():
        items.sort(key=lambda a: (a["date"], a["time"]))

    content = os.path.join(out, "content")
    os.makedirs(os.path.join(content, "customers"))
    for letter in letters:
        os.makedirs(os.path.join(content, "letters", letter["name"]))
    with open(os.path.join(content, "_index.md"), "w", encoding="utf-8") as f:
        f.write(front_matter({"title": "Customers"}))
    with open(os.path.join(content, "coming-up.md"), "w", encoding="utf-8") as f:
        f.write(front_matter({"title": "Coming up", "layout": "coming-up"}))

    with open(os.path.join(corpus, "content", "customers.csv"), encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            cid = row["id"]
            slug = re.sub(r"[^a-z0-9]+", "-", cid.lower()).strip("-")
            display = row["preferred_name"] or row["first_name"] or full_name(row["first_name"], row["last_name"]) or cid
            name = full_name(row["first_name"], row["last_name"]) or display
            children, pets = people(row["children"], "age"), people(row["pets"], "species")
            address = [row[key] for key in ("address_line1", "address_line2") if row[key]]
            address.append(" ".join(p for p in (row["city"], row["region"], row["postal_code"]) if p))
            if row["country"]:
                address.append(row["country"])
            booked = appointments.get(cid, [])
            record = {
                "title": display, "id": cid, "display_name": display, "full_name": name,
                "first_name": row["first_name"], "last_name": row["last_name"],
                "preferred_name": row["preferred_name"], "pronunciation": row["pronunciation"],
                "email": row["email"], "phone": row["phone"], "birthday": row["birthday"],
                "anniversary": row["anniversary"], "customer_since": row["customer_since"],
                "last_visit": row["last_visit"], "visits": int(row["visits"]) if row["visits"] else None,
                "favorite_drink": row["favorite_drink"], "favorite_flower": row["favorite_flower"],
                "labels": [t for t in row["tags"].split(";") if t], "city": row["city"],
                "address_lines": address, "children": children, "pets": pets,
                "sort_key": fold(f"{row['last_name']} {row['first_name']} {cid}" if row["last_name"] else f"{display} {cid}"),
                "appointments": booked,
            }
            note_path = os.path.join(corpus, "content", "notes", f"{cid}.md")
            body = ""
            if os.path.exists(note_path):
                with open(note_path, encoding="utf-8") as note:
                    lists, body = split_note(note.read())
                record.update(lists)
            with open(os.path.join(content, "customers", f"{slug}.md"), "w", encoding="utf-8") as page:
                page.write(front_matter(record) + body)

            # A letter sees the customer-facing fields only, as in Rapport.
            upcoming = [a for a in booked if a["date"] >= TODAY]
            for letter in letters:
                fields = {
                    "title": f"{letter['title']} — {display}", "letter": letter["name"], "kind": letter["kind"],
                    "greeting": letter["greeting"], "closing": letter["closing"],
                    "preferred_name": display, "first_name": row["first_name"], "last_name": row["last_name"],
                    "full_name": name, "favorite_drink": row["favorite_drink"],
                    "favorite_flower": row["favorite_flower"], "children": children, "pets": pets,
                    "address_lines": [name] + address, "id": cid,
                    "next_appointment": upcoming[0] if upcoming else None,
                }
                with open(os.path.join(content, "letters", letter["name"], f"{slug}.md"), "w", encoding="utf-8") as page:
                    page.write(front_matter(fields))


if __name__ == "__main__":
    main()
