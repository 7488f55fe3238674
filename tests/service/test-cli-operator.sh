#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# provisio-cli operators, operator and numbers against the in-process
# sandbox on a private state: an operator added (with its exports), a
# country removal refused while numbers remain there, a release refused
# while the number is assigned, then both done in order; unusable input
# refused before anything is sent.
# usage: test-cli-operator.sh PROVISIO-CLI SEED XSD
set -u
cli=$1 seed=$2 xsd=$3
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
export XDG_DATA_HOME="$dir/data" XDG_STATE_HOME="$dir/state" PROVISIO_SANDBOX_SEED="$seed"
export LANGUAGE=C LC_ALL=C.UTF-8
n=0
ok () { n=$((n + 1)); echo "ok $n - $1"; }
not_ok () { n=$((n + 1)); echo "not ok $n - $1"; failed=1; }
failed=0
check () { if eval "$2"; then ok "$1"; else not_ok "$1"; fi; }
# Numbers as CSV carry an apostrophe that keeps spreadsheets from
# reading them as formulas.
numbers_of () { "$cli" numbers --csv "$@" | tail -n +2 | cut -d, -f1 | tr -d "'"; }

# The catalogue and its filters.
"$cli" operators --csv >"$dir/all.csv"
check "the catalogue lists 14 operators" '[ "$(tail -n +2 "$dir/all.csv" | wc -l)" -eq 14 ]'
"$cli" operators --region Europe --service teamsPhoneMobile >"$dir/some.csv"
check "filters by region and service" '[ "$(tail -n +2 "$dir/some.csv" | cut -d, -f1 | sort | tr "\n" " ")" = "deutsche-telekom swisscom telefonica " ]'
"$cli" operators --service video >/dev/null 2>"$dir/err"
check "an unknown service is refused with exit 2" '[ $? -eq 2 ] && grep -q "teamsPhoneMobile" "$dir/err"'

# Input checked before anything is sent.
add=(operator add --operator bt --countries GB,IE --name "Camille Administratrice"
     --email camille.admin@contoso.com --company-size 250)
"$cli" "${add[@]}" >/dev/null 2>"$dir/err"
check "no accepted notice: exit 2, and what is shared" '[ $? -eq 2 ] && grep -q "call quality data" "$dir/err"'
"$cli" "${add[@]}" --phone "+44 20 7946 0000" --accept-data-transfer-notice >/dev/null 2>"$dir/err"
check "a phone number not in E.164: exit 2" '[ $? -eq 2 ] && grep -q "E.164" "$dir/err"'
"$cli" operator add --operator bt --countries GB,XX --name A --email a@contoso.com --company-size 9 \
  --accept-data-transfer-notice >/dev/null 2>"$dir/err"
check "an unknown country code: exit 2" '[ $? -eq 2 ] && grep -q "XX" "$dir/err"'
"$cli" operator add --operator bt --countries GB --name A --email a@contoso.com --company-size lots \
  --accept-data-transfer-notice >/dev/null 2>"$dir/err"
check "a company size that is not a number: exit 2" '[ $? -eq 2 ]'
check "nothing was added" '! "$cli" operator list --csv | grep -q "^bt,"'

# The service's refusals.
"$cli" operator add --operator bt --countries GB,FR --name A --email a@contoso.com --company-size 9 \
  --accept-data-transfer-notice >/dev/null 2>"$dir/err"
check "a country the operator does not serve: exit 3, with what it serves" \
  '[ $? -eq 3 ] && grep -q "BT does not serve France" "$dir/err" && grep -q "Ireland" "$dir/err"'

# Added, with both exports.
"$cli" "${add[@]}" --phone +442079460000 --accept-data-transfer-notice --export "$dir/bt.xml" >"$dir/out"
check "BT added" '[ $? -eq 0 ] && grep -q "a3f1c2d4-5b6e-4f70-8a91-b2c3d4e5f607" "$dir/out"'
check "listed as active in GB and IE" '"$cli" operator list --csv | grep -q "^bt,active,GB IE,"'
check "the XML export is valid against the schema" 'xmllint --noout --schema "$xsd" "$dir/bt.xml" 2>/dev/null'
check "and records the operator and its contact" 'grep -q "<companySize>250</companySize>" "$dir/bt.xml"'
"$cli" "${add[@]}" --accept-data-transfer-notice >/dev/null 2>"$dir/err"
check "adding it again: exit 3" '[ $? -eq 3 ] && grep -q "already one of your operators" "$dir/err"'
"$cli" operator remove bt >/dev/null
"$cli" "${add[@]}" --accept-data-transfer-notice --export "$dir/bt.txt" >/dev/null
check "the text summary has the tenant ID" 'grep -q "Tenant ID (to order numbers): a3f1c2d4-5b6e-4f70-8a91-b2c3d4e5f607" "$dir/bt.txt"'

# Suspend and resume.
check "suspend" '"$cli" operator suspend bt | grep -q "Suspended"'
check "resume" '"$cli" operator resume bt | grep -q "Active"'
"$cli" operator suspend nobody >/dev/null 2>&1
check "an operator the tenant does not have: exit 3" '[ $? -eq 3 ]'

# Orange serves the tenant in France, where it has numbers (one assigned).
"$cli" operator countries orange-business --remove FR >/dev/null 2>"$dir/err"
check "removing France is refused: exit 3" '[ $? -eq 3 ]'
check "naming the assigned number and what to do" \
  'grep -q "+33180009998" "$dir/err" && grep -q "Unassign them, then release them with the operator" "$dir/err"'
check "naming the operator by its name, not its id" \
  'grep -q "Orange Business still has phone numbers in France" "$dir/err" && ! grep -q "orange-business still" "$dir/err"'
"$cli" numbers release +33180009998 >/dev/null 2>"$dir/err"
check "releasing the assigned number is refused: exit 3" '[ $? -eq 3 ] && grep -q "Unassign it first" "$dir/err"'
"$cli" numbers release "tel:+33180009998" >/dev/null 2>"$dir/err"
check "a tel: number is refused before sending: exit 2" '[ $? -eq 2 ]'

check "unassign it" '"$cli" numbers unassign +33180009998 >/dev/null'
check "it is unassigned" '"$cli" numbers --csv --status unassigned --operator orange-business | grep -q "33180009998"'
"$cli" operator countries orange-business --remove FR >/dev/null 2>&1
check "France still cannot go while numbers remain" '[ $? -eq 3 ]'
for number in $(numbers_of --operator orange-business --country FR); do
  "$cli" numbers release "$number" >/dev/null || not_ok "release $number"
done
check "every French number of Orange released" '[ -z "$(numbers_of --operator orange-business)" ]'
"$cli" operator countries orange-business --remove FR --add be >"$dir/out"
check "now France can be removed" '[ $? -eq 0 ] && grep -q "in BE" "$dir/out"'
check "and Orange removed" '"$cli" operator remove orange-business >/dev/null && ! "$cli" operator list --csv | grep -q "^orange-business,"'

# Assigning, with the person's prerequisites checked by the service.
check "assign a number to a TeamsOnly person with Phone System" \
  '"$cli" numbers assign +49309000000 --user chloe.nuage@contoso.onmicrosoft.com >/dev/null'
check "it is assigned to her" '"$cli" numbers --csv --status userAssigned | grep -q "49309000000,operatorConnect,deutsche-telekom,DE,userAssigned,8fc71796-820e-5607-94a7-57aa611f1a69"'
"$cli" numbers assign +49309000001 --user emilie.lefevre@contoso.com >/dev/null 2>"$dir/err"
check "a person who is not TeamsOnly: exit 3, and what to do" '[ $? -eq 3 ] && grep -q "TeamsOnly" "$dir/err"'
"$cli" numbers assign +49309000001 --user chloe.nuage@contoso.onmicrosoft.com --type callingPlan >/dev/null 2>&1
check "the wrong number type: exit 3" '[ $? -eq 3 ]'
"$cli" numbers assign +49309000001 >/dev/null 2>&1
check "no --user: exit 2" '[ $? -eq 2 ]'

echo "1..$n"
exit $failed
