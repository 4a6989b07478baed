"""Build a Registry.pol with Samba's own NDR packer (librpc/idl/preg.idl), as gp_pol.py does.

Usage: python3 samba_preg_pack.py IN.json OUT.pol

IN.json: a list of {"keyname", "valuename", "type", "data"} with data one of {"none": true},
{"str": ...} (REG_SZ/REG_EXPAND_SZ), {"int": "<decimal>"} (REG_DWORD/REG_QWORD),
{"hex": "aa bb"} (REG_BINARY and any other type: raw bytes), {"list": [...]} (REG_MULTI_SZ).
`size` is what Samba's NDR computes for the data.
"""
import json
import sys

import samba.dcerpc.preg
import samba.ndr


def make_entry(spec):
    entry = samba.dcerpc.preg.entry()
    entry.keyname = spec["keyname"]
    entry.valuename = spec["valuename"]
    entry.type = spec["type"]
    data = spec["data"]
    if "str" in data:
        entry.data = data["str"]
        entry.size = (len(data["str"].encode("utf-16-le")) + 2)
    elif "int" in data:
        entry.data = int(data["int"])
        entry.size = 8 if spec["type"] == 11 else 4
    elif "list" in data:
        raw = "".join(item + "\0" for item in data["list"]).encode("utf-16-le") + b"\0\0"
        entry.data = raw
        entry.size = len(raw)
    elif "hex" in data:
        raw = bytes.fromhex(data["hex"].replace(" ", ""))
        entry.data = raw
        entry.size = len(raw)
    else:
        entry.size = 0
    return entry


def main():
    with open(sys.argv[1], encoding="utf-8") as handle:
        specs = json.load(handle)
    pol = samba.dcerpc.preg.file()
    pol.header.signature = "PReg"
    pol.header.version = 1
    pol.num_entries = len(specs)
    pol.entries = [make_entry(spec) for spec in specs]
    with open(sys.argv[2], "wb") as handle:
        handle.write(samba.ndr.ndr_pack(pol))


if __name__ == "__main__":
    main()
