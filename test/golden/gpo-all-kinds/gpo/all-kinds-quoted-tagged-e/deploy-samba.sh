#!/bin/sh
# Restores the GPO "All kinds - "quoted" & <tagged> é 日本 🚀" on a Samba Active Directory domain controller from the
# samba/ folder beside this script, and prints the new GPO's GUID. Written by gpforge.
#
#   sh deploy-samba.sh [--replace] ldap://dc.example.com Administrator
#
# The password is read from $PASSWD or asked for, never taken from the command line.
# A GPO of the same display name is an error; --replace deletes it first (its links too:
# link the new GPO again with samba-tool gpo setlink). Needs samba-tool (Samba 4.17 or later).
set -eu

replace=false
if [ "${1-}" = --replace ]; then replace=true; shift; fi
if [ $# -ne 2 ]; then
	echo "usage: $0 [--replace] ldap://DC USER   (password from \$PASSWD or a prompt)" >&2
	exit 2
fi
url=$1
user=$2
name='All kinds - "quoted" & <tagged> é 日本 🚀'
version=262148
here=$(CDPATH='' cd -- "$(dirname -- "$0")" && pwd)

if [ -z "${PASSWD+set}" ]; then
	printf 'Password for %s: ' "$user" >&2
	if [ -t 0 ]; then stty -echo; fi
	IFS= read -r PASSWD || true
	if [ -t 0 ]; then stty echo; echo >&2; fi
fi
export PASSWD

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' HUP INT TERM

# GUIDs of the GPOs with exactly this display name (listall prints "GPO : {GUID}" before it).
samba-tool gpo listall -H "$url" -U "$user" >"$tmp/listall"
existing=$(GPO_NAME=$name awk '
	index($0, "GPO          : ") == 1 { guid = substr($0, 16) }
	index($0, "display name : ") == 1 && substr($0, 16) == ENVIRON["GPO_NAME"] { print guid }
' "$tmp/listall")
if [ -n "$existing" ]; then
	if [ "$replace" != true ]; then
		echo "deploy-samba.sh: a GPO named \"$name\" exists already ($existing); run with --replace to replace it" >&2
		exit 1
	fi
	for guid in $existing; do
		samba-tool gpo del "$guid" -H "$url" -U "$user" >/dev/null
	done
fi

mkdir "$tmp/work"
if ! samba-tool gpo restore "$name" "$here/samba" -H "$url" -U "$user" --restore-metadata --tmpdir "$tmp/work" >"$tmp/restore" 2>&1; then
	cat "$tmp/restore" >&2
	exit 1
fi
guid=$(sed -n 's/^GPO .* created as \({[0-9A-Fa-f-]*}\)$/\1/p' "$tmp/restore" | tail -n 1)
if [ -z "$guid" ]; then
	cat "$tmp/restore" >&2
	echo "deploy-samba.sh: samba-tool gpo restore did not name the new GPO" >&2
	exit 1
fi

# AD's versionNumber = GPT.INI's Version: samba-tool has no command for it, its Python has.
python=$(sed -n '1s/^#![[:space:]]*//p' "$(command -v samba-tool)")
${python:-python3} - "$url" "$user" "$guid" "$version" <<'PYTHON'
import os, sys
import ldb
from samba.auth import system_session
from samba.credentials import Credentials
from samba.param import LoadParm
from samba.samdb import SamDB

url, user, guid, version = sys.argv[1:]
lp = LoadParm()
lp.load_default()
creds = Credentials()
creds.guess(lp)
creds.parse_string(user)
creds.set_password(os.environ["PASSWD"])
samdb = SamDB(url=url, session_info=system_session(), credentials=creds, lp=lp)
message = ldb.Message(ldb.Dn(samdb, "CN=%s,CN=Policies,CN=System,%s" % (guid, samdb.domain_dn())))
message["versionNumber"] = ldb.MessageElement(version, ldb.FLAG_MOD_REPLACE, "versionNumber")
samdb.modify(message)
PYTHON

echo "$guid"
