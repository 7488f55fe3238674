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

"$cli" enable --pool pool01.contoso.com --format upn --users "$dir/list.csv" --export "$dir/out.xml" \
  >"$dir/out1" 2>"$dir/err1"
status=$?
check "a run with an unmatched row exits 1" '[ $status -eq 1 ]'
check "the unmatched row is named with its line" 'grep -q "line 8" "$dir/err1"'
check "six people enabled" '[ "$(grep -c ": Done — Enabled as sip:" "$dir/err1")" -eq 6 ]'
check "the summary counts them" 'grep -q "Enabled or already enabled: 6. Skipped: 0. Failed: 0." "$dir/err1"'
check "the export is valid against the schema" 'xmllint --noout --schema "$xsd" "$dir/out.xml" 2>/dev/null'
check "the run was journaled" '[ "$(ls "$dir/state/provisio/runs" | wc -l)" -eq 1 ]'

head -n 7 "$dir/list.csv" > "$dir/clean.csv"
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
"$cli" users --service ftp://nowhere >/dev/null 2>&1
check "a service address that is not http is refused" '[ $? -eq 2 ]'

echo "1..$n"
exit $failed
