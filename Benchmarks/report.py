#!/usr/bin/env python3
"""Turns the runs recorded by scripts/benchmark into Markdown tables.

    Benchmarks/report.py RESULTS.tsv --runs N --letters K --machine TEXT [--written-dir DIR]

RESULTS.tsv has one line per run: tool, customers, build, run, wall seconds, peak RSS in
KiB, files written. Medians are taken per tool, size and build. The goals are those of
the performance issue; hidden bookkeeping files at the top of the output (`.rapport-site`
and the like) do not count against "no file" or "only its card".
"""
import argparse
import csv
import os
import statistics
from collections import defaultdict

CASES = ["full", "unchanged", "one note changed"]
MIB = 1024


def goal(size, case):
    """(text, check(wall, rss_mib, written_paths) → bool) or None."""
    card = f"customers/c-{(size + 1) // 2:06d}.html"
    pages = lambda paths: [p for p in paths if not p.startswith(".")]
    if case == "full" and size == 10_000:
        return "≤ 1.0 s, ≤ 150 MB", lambda wall, rss, paths: wall <= 1.0 and rss <= 150
    if case == "full" and size == 100_000:
        return "≤ 10 s, ≤ 1 GB", lambda wall, rss, paths: wall <= 10 and rss <= 1024
    if case == "unchanged" and size == 10_000:
        return "no file, ≤ 0.3 s", lambda wall, rss, paths: wall <= 0.3 and not pages(paths)
    if case == "unchanged":
        return "no file", lambda wall, rss, paths: not pages(paths)
    if case == "one note changed":
        return "only its card", lambda wall, rss, paths: pages(paths) == [card]
    return None


def number(value, digits=0):
    return f"{value:,.{digits}f}"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("results")
    parser.add_argument("--runs", type=int, required=True)
    parser.add_argument("--letters", type=int, required=True)
    parser.add_argument("--machine", required=True)
    parser.add_argument("--written-dir", help="where written-one-note-N.txt and written-unchanged-N.txt are")
    args = parser.parse_args()

    runs = defaultdict(list)
    with open(args.results, encoding="utf-8") as f:
        for tool, size, case, _, wall, rss, written in csv.reader(f, delimiter="\t"):
            runs[(tool, int(size), case)].append((float(wall), int(rss) / MIB, int(written)))

    def summary(key):
        values = runs.get(key)
        if not values:
            return None
        walls = [v[0] for v in values]
        return {
            "wall": statistics.median(walls), "min": min(walls), "max": max(walls),
            "rss": statistics.median(v[1] for v in values),
            "written": round(statistics.median(v[2] for v in values)),
        }

    def written_paths(size, case):
        name = {"one note changed": "one-note", "unchanged": "unchanged"}.get(case)
        path = os.path.join(args.written_dir or "", f"written-{name}-{size}.txt")
        if not name or not args.written_dir or not os.path.exists(path):
            return None
        with open(path, encoding="utf-8") as f:
            return [line.rstrip("\n") for line in f if line.strip()]

    lines = []
    sizes = sorted({size for tool, size, _ in runs if tool == "rapport"})
    letter_text = {0: "no letters", 1: "1 letter"}.get(args.letters, f"{args.letters} letters")
    median_text = "1 run" if args.runs == 1 else f"median of {args.runs} runs"
    lines.append(f"`rapport build --today 2026-11-22 --quiet`, {median_text}; sites from "
                 f"`Benchmarks/make-corpus.py DIR N --seed 1` ({letter_text} per customer).")
    lines.append("")
    lines.append("| customers | build | wall (s) | min–max (s) | peak RSS (MB) | files written | goal | met |")
    lines.append("|---:|---|---:|---:|---:|---:|---|:-:|")
    notes = []
    for size in sizes:
        for case in CASES:
            s = summary(("rapport", size, case))
            if not s:
                continue
            target = goal(size, case)
            met = ""
            if target:
                paths = written_paths(size, case)
                if paths is None:
                    paths = ["?"] * s["written"]
                met = "yes" if target[1](s["wall"], s["rss"], paths) else "no"
            lines.append(f"| {number(size)} | {case} | {s['wall']:.2f} | {s['min']:.2f}–{s['max']:.2f} | "
                         f"{number(s['rss'])} | {number(s['written'])} | {target[0] if target else ''} | {met} |")
            if case == "one note changed":
                paths = written_paths(size, case)
                if paths is not None and 0 < len(paths) <= 6:
                    notes.append(f"{number(size)}, one note changed: wrote {', '.join(f'`{p}`' for p in paths)}.")

    hugo_sizes = sorted({size for tool, size, _ in runs if tool == "hugo"})
    if hugo_sizes:
        lines.append("")
        lines.append(f"Cold full builds of the same sites, side by side in this run: `hugo --quiet` on the "
                     f"equivalent Hugo site (`Benchmarks/make-hugo-site.py`), {median_text}.")
        lines.append("")
        lines.append("| customers | Rapport (s) | Hugo (s) | Hugo ÷ Rapport | Rapport RSS (MB) | Hugo RSS (MB) "
                     "| Hugo ÷ Rapport RSS | files Rapport | files Hugo | goal | met |")
        lines.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|:-:|")
        for size in hugo_sizes:
            r, h = summary(("rapport", size, "full")), summary(("hugo", size, "full"))
            if not r or not h:
                continue
            time_ratio = h["wall"] / r["wall"] if r["wall"] > 0 else float("inf")
            rss_ratio = h["rss"] / r["rss"] if r["rss"] > 0 else float("inf")
            lines.append(f"| {number(size)} | {r['wall']:.2f} | {h['wall']:.2f} | {time_ratio:.1f}× | "
                         f"{number(r['rss'])} | {number(h['rss'])} | {rss_ratio:.1f}× | {number(r['written'])} | "
                         f"{number(h['written'])} | ≥ 10× faster | {'yes' if time_ratio >= 10 else 'no'} |")

    floor_sizes = sorted({size for tool, size, _ in runs if tool == "floor"})
    if floor_sizes:
        lines.append("")
        lines.append(f"The floor, in the same run: libcmark alone reads each note, renders it and writes it as a "
                     f"page, on every core, then flushes the file system (`Benchmarks/floor.c`), {median_text}. "
                     f"Rapport also renders the records, the letters and the site-wide pages through templates.")
        lines.append("")
        lines.append("| customers | Rapport (s) | floor (s) | Rapport ÷ floor | Rapport RSS (MB) | floor RSS (MB) "
                     "| files Rapport | files floor |")
        lines.append("|---:|---:|---:|---:|---:|---:|---:|---:|")
        for size in floor_sizes:
            r, f = summary(("rapport", size, "full")), summary(("floor", size, "full"))
            if not r or not f:
                continue
            ratio = r["wall"] / f["wall"] if f["wall"] > 0 else float("inf")
            lines.append(f"| {number(size)} | {r['wall']:.2f} | {f['wall']:.2f} | {ratio:.1f}× | "
                         f"{number(r['rss'])} | {number(f['rss'])} | {number(r['written'])} | {number(f['written'])} |")

    if notes:
        lines.append("")
        lines.extend(notes)
    lines.append("")
    lines.append(f"Machine: {args.machine}.")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
