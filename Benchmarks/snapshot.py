#!/usr/bin/env python3
"""Lists an output folder's files, and counts the files a build wrote.

    Benchmarks/snapshot.py list DIR > LISTING
    Benchmarks/snapshot.py written BEFORE AFTER [--paths]

`list` writes one line per regular file: inode, modification time in nanoseconds, size
and the path relative to DIR (nothing when DIR does not exist). `written` prints how
many files of AFTER are new or differ from BEFORE in inode, modification time or size;
with --paths, their paths too, one a line after the count. A file that a build left as
it was, or hard-linked unchanged into the folder it swapped in, keeps its inode and
time, so it does not count.
"""
import argparse
import os
import sys


def listing(root):
    if not os.path.isdir(root):
        return
    for folder, _, files in os.walk(root):
        for name in files:
            path = os.path.join(folder, name)
            info = os.lstat(path)
            if (info.st_mode & 0o170000) == 0o100000:  # regular files only
                yield f"{info.st_ino} {info.st_mtime_ns} {info.st_size} {os.path.relpath(path, root)}"


def read(path):
    entries = {}
    with open(path, encoding="utf-8", errors="surrogateescape") as f:
        for line in f:
            inode, mtime, size, name = line.rstrip("\n").split(" ", 3)
            entries[name] = (inode, mtime, size)
    return entries


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    list_command = commands.add_parser("list")
    list_command.add_argument("dir")
    written_command = commands.add_parser("written")
    written_command.add_argument("before")
    written_command.add_argument("after")
    written_command.add_argument("--paths", action="store_true")
    args = parser.parse_args()

    if args.command == "list":
        out = open(sys.stdout.fileno(), "w", encoding="utf-8", errors="surrogateescape", closefd=False)
        for line in listing(args.dir):
            out.write(line + "\n")
        out.flush()
        return
    before, after = read(args.before), read(args.after)
    changed = sorted(name for name, entry in after.items() if before.get(name) != entry)
    print(len(changed))
    if args.paths:
        for name in changed:
            print(name)


if __name__ == "__main__":
    main()
