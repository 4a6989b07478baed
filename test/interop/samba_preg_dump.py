"""Dump a Registry.pol file as JSON, as Samba's NDR parser (librpc/idl/preg.idl) reads it.

Usage: python3 samba_preg_dump.py FILE

Output: {"signature", "version", "num_entries", "repacked_identical", "entries": [...]}, each
entry {"keyname", "valuename", "type", "size", "data"} with data normalised to one of
{"none": true}, {"str": ...}, {"int": "<decimal>"}, {"hex": "aa bb"}, {"list": [...]}.
REG_MULTI_SZ data (bytes in Samba's binding) is decoded here to {"list": [...]}.
"""
import json
import sys

import samba.dcerpc.preg
import samba.ndr

REG_MULTI_SZ = 7


def decode_multi_sz(raw):
    strings = []
    for item in raw.decode("utf-16-le").split("\0"):
        if item == "":
            break
        strings.append(item)
    return strings


def normalise(entry_type, data):
    if data is None:
        return {"none": True}
    if isinstance(data, int):
        return {"int": str(data)}
    if isinstance(data, str):
        return {"str": data}
    if isinstance(data, (list, tuple)):
        return {"list": [str(item) for item in data]}
    raw = bytes(data)
    if entry_type == REG_MULTI_SZ:
        return {"list": decode_multi_sz(raw)}
    return {"hex": " ".join("%02x" % b for b in raw)}


def main():
    with open(sys.argv[1], "rb") as handle:
        blob = handle.read()
    parsed = samba.ndr.ndr_unpack(samba.dcerpc.preg.file, blob)
    entries = [
        {
            "keyname": entry.keyname,
            "valuename": entry.valuename,
            "type": entry.type,
            "size": entry.size,
            "data": normalise(entry.type, entry.data),
        }
        for entry in parsed.entries
    ]
    print(json.dumps({
        "signature": parsed.header.signature,
        "version": parsed.header.version,
        "num_entries": parsed.num_entries,
        "repacked_identical": samba.ndr.ndr_pack(parsed) == blob,
        "entries": entries,
    }))


if __name__ == "__main__":
    main()
