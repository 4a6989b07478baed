"""Turn gpforge's Samba restore folder back into binary files with Samba's own code (python3-samba).

Usage:
  python3 samba_xml_restore.py load FILE.xml...
      For each file: the parser samba-tool picks by name (find_parser), load_xml on the parsed
      document, write_binary to FILE without ".xml". Prints a JSON list of
      {"file", "ok", "error"} (error: the exception, when load_xml or write_binary failed).
  python3 samba_xml_restore.py restore SOURCE_DIR TARGET_DIR [SOURCE_DIR TARGET_DIR]...
      For each pair: samba-tool gpo restore's own routine
      (cmd_restore.restore_from_backup_to_local_dir), which writes what restore copies to the
      DC, without a DC. Prints a JSON list of what it told the user for each (fallback warnings).
"""
import io
import json
import sys
import traceback
import xml.etree.ElementTree as ET

from samba.netcmd.gpo import cmd_restore, find_parser

XML_HEAD = '<?xml version="1.0" encoding="utf-8"?>'


def load(files):
    results = []
    for name in files:
        try:
            with open(name, "r", encoding="utf-8") as handle:
                data = handle.read()
            parser = find_parser(name.rsplit("/", 1)[-1][: -len(".xml")])
            parser.load_xml(ET.fromstring(data))
            parser.write_binary(name[: -len(".xml")])
            results.append({"file": name, "ok": True, "error": None})
        except Exception as error:  # reported, as restore would report it
            results.append({"file": name, "ok": False, "error": "%s: %s" % (type(error).__name__, error)})
    print(json.dumps(results))


def restore(pairs):
    outputs = []
    for source, target in zip(pairs[0::2], pairs[1::2]):
        command = cmd_restore()
        command.outf = io.StringIO()
        saved = sys.stderr
        sys.stderr = io.StringIO()  # restore prints a traceback before each fallback
        try:
            command.restore_from_backup_to_local_dir(source, target)
        finally:
            sys.stderr = saved
        outputs.append(command.outf.getvalue())
    print(json.dumps(outputs))


if __name__ == "__main__":
    if sys.argv[1] == "load":
        load(sys.argv[2:])
    elif sys.argv[1] == "restore":
        restore(sys.argv[2:])
    else:
        traceback.print_stack()
        sys.exit(2)
