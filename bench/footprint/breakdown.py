#!/usr/bin/env python3
"""breakdown.py SMAPS BINARY: what a run left resident, from smaps-at-exit's snapshot: the binary's own mapping per
ELF section (from the pagemap present bits), each shared library, and anonymous memory (heap, GC, stacks)."""
import collections
import re
import subprocess
import sys

smaps_path, binary = sys.argv[1], sys.argv[2]
page = 4096

# Per-mapping Rss (kB) from smaps, keyed by the mapping's start address.
mappings = []
current = None
for line in open(smaps_path):
    m = re.match(r"^([0-9a-f]+)-([0-9a-f]+) (\S+) ([0-9a-f]+) \S+ \d+\s*(.*)$", line)
    if m:
        current = dict(start=int(m[1], 16), end=int(m[2], 16), perms=m[3], offset=int(m[4], 16), path=m[5].strip(), rss=0)
        mappings.append(current)
    elif line.startswith("Rss:") and current is not None:
        current["rss"] = int(line.split()[1])

groups = collections.OrderedDict()
def add(name, kb):
    groups[name] = groups.get(name, 0) + kb

import os
real = os.path.realpath(binary)
for mp in mappings:
    path = mp["path"]
    if path and os.path.realpath(path) == real:
        add("binary " + os.path.basename(binary), mp["rss"])
    elif path.startswith("/"):
        add(os.path.basename(path), mp["rss"])
    else:
        add("anon " + (path or "(GC heap, runtime)"), mp["rss"])

total = sum(groups.values())
print(f"  {'resident at exit':40s} {total / 1024:8.1f} MB")
for name, kb in sorted(groups.items(), key=lambda kv: -kv[1]):
    if kb >= 64:
        print(f"    {name:38s} {kb / 1024:8.1f} MB")

# The binary per section: present pages of the binary's mappings, attributed to the section that holds the address.
present = {}
for line in open(smaps_path + ".pagemap"):
    rng, bits = line.split()
    start, end = (int(x, 16) for x in rng.split("-"))
    present[start] = bits.strip()
own = [mp for mp in mappings if mp["path"] and os.path.realpath(mp["path"]) == real]
# Load bias: where the first LOAD segment (file offset 0) sits, minus its link-time address (0 for PIE, 0x400000 else).
segments = subprocess.run(["readelf", "-lW", binary], capture_output=True, text=True, check=True).stdout
first_load = min(int(m[1], 16) for m in re.finditer(r"^\s*LOAD\s+0x0+\s+(0x[0-9a-f]+)", segments, re.M))
base = min(mp["start"] for mp in own if mp["offset"] == 0) - first_load
sections = []
out = subprocess.run(["readelf", "-SW", binary], capture_output=True, text=True, check=True).stdout
for line in out.splitlines():
    m = re.match(r"^\s*\[\s*\d+\]\s+(\S+)\s+\S+\s+([0-9a-f]+)\s+([0-9a-f]+)\s+([0-9a-f]+)", line)
    if m and int(m[2], 16) != 0:
        sections.append((m[1], int(m[2], 16), int(m[4], 16)))
counts = collections.Counter()
for mp in own:
    bits = present.get(mp["start"], "")
    for i, b in enumerate(bits):
        if b != "1":
            continue
        vaddr = mp["start"] + i * page - base
        hit = [name for name, addr, size in sections if addr < vaddr + page and vaddr < addr + size]
        for name in hit:
            counts[name] += page / len(hit)
print(f"  binary by section (resident / size)")
for name, addr, size in sorted(sections, key=lambda s: -counts[s[0]]):
    if size >= 64 * 1024 or counts[name] >= 64 * 1024:
        print(f"    {name:38s} {counts[name] / 1048576:6.1f} of {size / 1048576:5.1f} MB")
