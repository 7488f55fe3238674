#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# provisio-cli enable against the in-process sandbox on a private state:
# people enabled, a second run all already done, an exported XML valid
# against the schema, clear refusals of unusable input.
# usage: test-cli-enable.sh PROVISIO-CLI SEED XSD
set -u
cli=$1 seed=$2 xsd=$3
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
export XDG_DATA_HOME="$dir/data" XDG_STATE_HOME="$dir/state" PROVISIO_SANDBOX_SEED="$seed"
n=0
ok () { n=$((n + 1)); echo "ok $n - $1"; }
not_ok () { n=$((n + 1)); echo "not ok $n - $1"; failed=1; }
failed=0
check () { if eval "$2"; then ok "$1"; else not_ok "$1"; fi; }

# Six people synchronised from on-premises and not enabled, and a row
# that matches nobody.
python3 - "$seed" > "$dir/list.csv" <<'PY'
import json, sys
tenant = json.load(open(sys.argv[1]))
people = [u for u in tenant["users"] if u.get("onPremisesSyncEnabled") and not u.get("sipAddress")][:6]
print("id,displayName,givenName,surname,mail,userPrincipalName,sAMAccountName")
for u in people:
    print(u["id"] + ",,,,,,")
print(",Nobody,,,nobody@nowhere.invalid,,")
PY

# A dry run of the same people first: it reads, and changes nothing.
head -n 7 "$dir/list.csv" > "$dir/clean.csv"
"$cli" users --output csv > "$dir/before-dry.csv" 2>/dev/null
"$cli" enable --pool pool01.contoso.com --format upn --users "$dir/clean.csv" --dry-run >/dev/null 2>"$dir/dry.err"
status=$?
check "a dry run where everyone would be enabled exits 0" '[ $status -eq 0 ]'
check "and says so" 'grep -q "Dry run, nothing was changed. Would be enabled: 6. Already enabled: 0. Would be skipped or refused: 0. Failed: 0." "$dir/dry.err"'
check "each person's line says what would be done" '[ "$(grep -c "Dry run: would be enabled as sip:" "$dir/dry.err")" -eq 6 ]'
"$cli" users --output csv > "$dir/after-dry.csv" 2>/dev/null
check "the dry run changed nothing in the tenant" 'cmp -s "$dir/before-dry.csv" "$dir/after-dry.csv"'
"$cli" enable --pool pool01.contoso.com --all --dry-run --resume x >/dev/null 2>&1
check "--resume with --dry-run is refused" '[ $? -eq 2 ]'

"$cli" enable --pool pool01.contoso.com --format upn --users "$dir/list.csv" --export "$dir/out.xml" \
  >"$dir/out1" 2>"$dir/err1"
status=$?
check "a run with an unmatched row exits 1" '[ $status -eq 1 ]'
check "the unmatched row is named with its line" 'grep -q "line 8" "$dir/err1"'
check "six people enabled" '[ "$(grep -c ": Done — Enabled as sip:" "$dir/err1")" -eq 6 ]'
check "the summary counts them" 'grep -q "Enabled or already enabled: 6. Skipped: 0. Failed: 0." "$dir/err1"'
check "the export is valid against the schema" 'xmllint --noout --schema "$xsd" "$dir/out.xml" 2>/dev/null'
check "the run was journaled, as the dry run was" '[ "$(ls "$dir/state/provisio/runs" | grep -c "\.jsonl$")" -eq 2 ]'
check "under the id it printed" 'ls "$dir/state/provisio/runs" | grep -qx "$(sed -n "s/^Run \([^.]*\)\. If it stops.*/\1/p" "$dir/err1").jsonl"'

"$cli" enable --pool pool01.contoso.com --format upn --users "$dir/clean.csv" >"$dir/out2" 2>"$dir/err2"
status=$?
check "the same run again exits 0" '[ $status -eq 0 ]'
check "and finds everyone already enabled" '[ "$(grep -c "Already done" "$dir/err2")" -eq 6 ]'

"$cli" enable --pool dir01.contoso.com --users "$dir/clean.csv" >/dev/null 2>"$dir/err3"
status=$?
check "a Director is refused with exit 2" '[ $status -eq 2 ]'
check "and says why" 'grep -qi "director" "$dir/err3"'

"$cli" enable --pool nowhere.contoso.com --all >/dev/null 2>"$dir/err4"
check "an unknown pool is refused" '[ $? -eq 2 ] && grep -q "nowhere.contoso.com" "$dir/err4"'

"$cli" enable --pool pool01.contoso.com >/dev/null 2>&1
check "no selection is refused" '[ $? -eq 2 ]'

"$cli" enable --pool pool01.contoso.com --all --format nonsense >/dev/null 2>&1
check "an unknown format is refused" '[ $? -eq 2 ]'

# The listings, as CSV.
"$cli" pools > "$dir/pools.csv" 2>/dev/null
check "pools lists the topology, Director included" '[ "$(head -n 1 "$dir/pools.csv" | tr -d "\r")" = "fqdn,kind,site" ] && grep -q "^dir01.contoso.com,Director," "$dir/pools.csv"'
"$cli" domains > "$dir/domains.csv" 2>/dev/null
check "domains marks the default" 'grep -q "^contoso.com,yes" "$dir/domains.csv"'
"$cli" users > "$dir/users.csv" 2>/dev/null
check "users lists the whole directory" '[ "$(wc -l < "$dir/users.csv")" -eq "$(python3 -c "import json,sys; print(len(json.load(open(sys.argv[1]))[\"users\"]) + 1)" "$seed")" ]'
check "and shows who the run enabled" 'grep -q ",pool01.contoso.com" "$dir/users.csv"'
"$cli" users --output csv > "$dir/users-csv.csv" 2>/dev/null
check "CSV is what a pipe gets, and what --output csv gives" 'cmp -s "$dir/users.csv" "$dir/users-csv.csv"'
check "the CSV header is unchanged" '[ "$(head -n 1 "$dir/users.csv" | tr -d "\r")" = "id,displayName,mail,userPrincipalName,sipAddress,registrarPool" ]'
"$cli" users --output table > "$dir/users.txt" 2>/dev/null
check "the table has a line a person and a heading" '[ "$(wc -l < "$dir/users.txt")" -eq "$(wc -l < "$dir/users.csv")" ]'
# Every value starts in its heading's column, counted in terminal cells
# (CJK characters take two), and is whole or cut with an ellipsis.
check "the table's columns are aligned by display width" 'python3 - "$dir/users.txt" "$dir/users.csv" <<'"'"'PY'"'"'
import csv, sys, unicodedata
def width(text):
    return sum(0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)
def cells(line):
    out = []
    for c in line:
        out.append(c)
        if width(c) == 2:
            out.append("")
    return out
lines = open(sys.argv[1], encoding="utf-8").read().splitlines()
rows = list(csv.reader(open(sys.argv[2], encoding="utf-8")))[1:]
heading = cells(lines[0])
starts = [i for i, c in enumerate(heading) if c != " " and (i == 0 or (heading[i - 1] == " " and heading[i - 2] == " "))]
assert len(starts) == 6, starts
wide = False
for line, row in zip(lines[1:], rows):
    line_cells = cells(line)
    wide = wide or len(line_cells) != len(line)
    # Lines end at their last value: no trailing spaces.
    assert not line.endswith(" "), line
    line_cells += [" "] * (starts[-1] + 1 - len(line_cells))
    for c, start in enumerate(starts):
        end = starts[c + 1] - 2 if c + 1 < len(starts) else len(line_cells)
        assert start == 0 or line_cells[start - 1] == " ", (line, c)
        shown = "".join(line_cells[start:end]).rstrip(" ")
        value = row[c]
        if shown.endswith("…") and shown != value:
            assert value.startswith(shown[:-1]) and width(value) > width(shown), (shown, value)
        else:
            assert shown == value, (shown, value)
sys.exit(0 if wide else 1)
PY'
"$cli" users --output xml >/dev/null 2>"$dir/output.err"
check "an unknown output is refused" '[ $? -eq 2 ] && grep -q "use csv or table" "$dir/output.err"'
"$cli" users --service ftp://nowhere >/dev/null 2>&1
check "a service address that is not http is refused" '[ $? -eq 2 ]'

echo "1..$n"
exit $failed
