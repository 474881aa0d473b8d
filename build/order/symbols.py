#!/usr/bin/env python3
"""symbols.py BINARY OBJECT: the managed methods of a NativeAOT BINARY at their link-time addresses, "hexaddr name" a
line. ILC emits every managed method into one section, __managedcode, of its OBJECT (which keeps the symbols the
published binary drops); the linker copies that section whole, so a method's address is the section's address in
BINARY plus the method's offset in OBJECT. Methods folded onto one body share an address; the first name is kept."""
import re
import subprocess
import sys

binary, obj = sys.argv[1], sys.argv[2]


def sections(path):
    out = subprocess.run(["readelf", "-SW", path], capture_output=True, text=True, check=True).stdout
    found = {}
    for m in re.finditer(r"^\s*\[\s*(\d+)\]\s+(\S+)\s+\S+\s+([0-9a-f]+)\s+[0-9a-f]+\s+([0-9a-f]+)", out, re.M):
        found[m[2]] = (int(m[1]), int(m[3], 16), int(m[4], 16))
    return found


linked, compiled = sections(binary)["__managedcode"], sections(obj)["__managedcode"]
if linked[2] != compiled[2]:
    sys.exit(f"symbols.py: __managedcode is {linked[2]} bytes in {binary} but {compiled[2]} in {obj}: not one build")
index, base = str(compiled[0]), linked[1]
seen = set()
out = subprocess.run(["readelf", "-sW", obj], capture_output=True, text=True, check=True).stdout
for line in out.splitlines():
    fields = line.split()
    if len(fields) >= 8 and fields[3] == "FUNC" and fields[6] == index:
        address = base + int(fields[1], 16)
        if address not in seen:
            seen.add(address)
            print(f"{address:x} {fields[7]}")
