"""Times Samba's PReg NDR code on one Registry.pol, for `npm run bench` (test/bench/registry-pol.ts).

Usage: python3 samba_preg_bench.py FILE RUNS
Prints JSON {"unpack_ms", "pack_ms", "entries"}: best of RUNS for ndr_unpack plus reading every
field of every entry in Python, and for ndr_pack of the parsed file.
"""
import json
import sys
import time

import samba.dcerpc.preg
import samba.ndr


def main():
    with open(sys.argv[1], "rb") as handle:
        blob = handle.read()
    runs = int(sys.argv[2])
    unpack = pack = float("inf")
    parsed = None
    for _ in range(runs):
        started = time.perf_counter()
        parsed = samba.ndr.ndr_unpack(samba.dcerpc.preg.file, blob)
        for entry in parsed.entries:
            (entry.keyname, entry.valuename, entry.type, entry.size, entry.data)
        unpack = min(unpack, time.perf_counter() - started)
        started = time.perf_counter()
        samba.ndr.ndr_pack(parsed)
        pack = min(pack, time.perf_counter() - started)
    print(json.dumps({"unpack_ms": unpack * 1000, "pack_ms": pack * 1000, "entries": parsed.num_entries}))


if __name__ == "__main__":
    main()
