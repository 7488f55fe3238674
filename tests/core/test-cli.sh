#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# provisio-cli sip on the fixtures in data/: output, messages, exit codes.
# Usage: test-cli.sh PROVISIO_CLI DATA_DIR LOCALE_DIR FIXTURES_DIR
# Prints TAP.

cli=$1
data=$2
localedir=$3
fixtures=$4
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
n=0
failed=0

ok () {
  n=$((n + 1))
  echo "ok $n - $1"
}

not_ok () {
  n=$((n + 1))
  failed=1
  echo "not ok $n - $1"
  if [ -f "$tmp/err" ]; then sed 's/^/# /' "$tmp/err"; fi
}

# run EXPECTED_STATUS DESCRIPTION ARGS... : runs the CLI, keeps stdout and
# stderr in $tmp/out and $tmp/err, checks the exit status.
run () {
  expected=$1
  what=$2
  shift 2
  "$cli" "$@" >"$tmp/out" 2>"$tmp/err"
  status=$?
  if [ "$status" -eq "$expected" ]; then
    ok "$what: exit status $expected"
  else
    not_ok "$what: exit status $status, expected $expected"
  fi
}

check () {
  if eval "$2"; then ok "$1"; else not_ok "$1"; fi
}

export LANGUAGE=en
export LC_ALL=C.UTF-8

run 1 "firstlast with duplicates and problems" \
  sip --format firstlast --domain contoso.com --existing "$data/existing.txt" "$data/users.csv"
tr -d '\r' <"$tmp/out" >"$tmp/out.lf"
check "firstlast output matches" "diff -u '$data/expected-firstlast.csv' '$tmp/out.lf' >&2"
check "output lines end in CRLF (RFC 4180)" "[ \$(grep -c \$(printf '\\r\$') '$tmp/out') -eq 10 ]"
check "nothing on stderr when the input is usable" "[ ! -s '$tmp/err' ]"

run 0 "every row ok" sip -f firstlast -d contoso.com "$data/users-ok.csv"
check "transliterated Vietnamese, Polish, Nordic, German" \
  "grep -q '^1,sip:nguyen.van@contoso.com,ok,,' '$tmp/out' &&
   grep -q '^2,sip:lukasz.zolc@contoso.com,ok,,' '$tmp/out' &&
   grep -q '^3,sip:soren.kierkegaard@contoso.com,ok,,' '$tmp/out' &&
   grep -q '^4,sip:jurgen.gross@contoso.com,ok,,' '$tmp/out'"

run 0 "standard input with -" sip -f firstlast -d contoso.com - <"$data/users-ok.csv"
check "standard input gives four rows" "[ \$(wc -l <'$tmp/out') -eq 5 ]"

"$cli" sip -f firstlast -d contoso.com <"$data/users-ok.csv" >"$tmp/out" 2>"$tmp/err"
check "standard input without a file" "[ \$? -eq 0 ] && [ \$(wc -l <'$tmp/out') -eq 5 ]"

run 1 "email format" sip --format email --domain contoso.com "$data/users.csv"
check "missing e-mail is a problem with the formats that would work" \
  "grep -q '^2,,problem,This person has no e-mail address. Formats that would work for this person: first name.last name.,' '$tmp/out'"
check "e-mail address used as it is" "grep -q '^3,sip:cagri@contoso.com,ok,,' '$tmp/out'"

run 1 "email without --domain accepts any domain" sip "$data/users.csv"
check "default format is email" "grep -q '^1,sip:jean.dupont@contoso.com,ok' '$tmp/out'"

run 1 "unknown domain of an e-mail address" sip -d fabrikam.com "$data/users.csv"
check "unknown domain reported" "grep -q '^1,,problem,“contoso.com” is not one of the SIP domains' '$tmp/out'"

run 2 "broken quoting" sip -f firstlast -d contoso.com "$data/broken-quote.csv"
check "broken quoting names file and line" \
  "grep -q 'broken-quote.csv, line 3: a quoted field is never closed' '$tmp/err'"
check "no output for unusable input" "[ ! -s '$tmp/out' ]"

run 2 "invalid UTF-8" sip -f firstlast -d contoso.com "$data/invalid-utf8.csv"
check "invalid UTF-8 names file and line" \
  "grep -q 'invalid-utf8.csv, line 3: the text is not valid UTF-8' '$tmp/err'"

run 2 "missing column" sip -f firstlast -d contoso.com "$data/missing-column.csv"
check "missing column named" \
  "grep -q 'missing-column.csv, line 1: the header lacks the required column surname' '$tmp/err'"

run 2 "missing file" sip "$data/does-not-exist.csv"
run 2 "unknown format" sip --format nickname "$data/users.csv"
check "unknown format explained" "grep -q 'Unknown format “nickname”' '$tmp/err'"
run 2 "firstlast without a domain" sip --format firstlast "$data/users.csv"
check "domain required explained" "grep -q -- '--domain' '$tmp/err'"
run 2 "invalid domain" sip -d "contoso" "$data/users.csv"
run 2 "two input files" sip "$data/users.csv" "$data/users-ok.csv"
run 2 "unknown option" sip --frobnicate
run 2 "unknown command" frobnicate
run 2 "no command"

run 0 "top-level --help" --help
check "top-level help lists sip" "grep -q '^  sip ' '$tmp/out'"
run 0 "sip --help" sip --help
check "sip help documents options, columns and exit status" \
  "grep -q -- '--format' '$tmp/out' && grep -q -- '--existing' '$tmp/out' &&
   grep -q 'sAMAccountName' '$tmp/out' && grep -q 'Exit status' '$tmp/out'"

# topology ------------------------------------------------------------------

run 0 "topology with Directors and several sites" topology "$fixtures/topology-directors.xml"
check "topology lists every pool with kind and site" \
  "grep -q '^dir.contoso.com  *Director  *Paris  *dir01.contoso.com, dir02.contoso.com\$' '$tmp/out' &&
   grep -q '^pool-mtl.contoso.ca  *Enterprise pool  *Montréal  *fe-mtl1' '$tmp/out' &&
   grep -q '^se-zrh.contoso.ch  *Standard Edition server  *Zürich  *se-zrh.contoso.ch\$' '$tmp/out'"
check "topology says Directors are not targets" "grep -q 'users cannot be enabled on them' '$tmp/out'"
check "topology lists SIP domains and the default" \
  "grep -q '^contoso.ca (default)\$' '$tmp/out' && grep -q '^contoso.ch\$' '$tmp/out'"
check "topology columns line up" \
  "[ \$(grep -c '^[a-z-]*\.contoso\.c[aho]m* ' '$tmp/out' | tr -d ' ') -eq 5 ] &&
   [ \$(awk '/^FQDN/ { print index(\$0, "Kind") }' '$tmp/out') -eq \
     \$(awk '/^dir.contoso.com/ { print index(\$0, "Director") }' '$tmp/out') ]"
run 0 "small topology" topology "$fixtures/topology-small.xml"
check "Standard Edition server listed" "grep -q '^se01.contoso.com  *Standard Edition server' '$tmp/out'"
check "no Director note without Directors" "! grep -q 'Directors only' '$tmp/out'"
run 1 "topology with only a Director" topology "$fixtures/topology-directors-only.xml"
check "only Directors explained, the pool still listed" \
  "grep -q 'only Directors' '$tmp/err' && grep -q '^dir.contoso.com  *Director' '$tmp/out'"
run 2 "topology without a Registrar" topology "$fixtures/topology-no-registrar.xml"
check "no Registrar explained" "grep -q 'lists no Registrar pool' '$tmp/err'"
run 2 "billion laughs topology" topology "$fixtures/topology-billion-laughs.xml"
check "billion laughs refused with a clear error" "grep -q 'declares entities' '$tmp/err'"
run 2 "XXE topology" topology "$fixtures/xxe.xml"
check "XXE refused, nothing read from /etc/passwd" \
  "grep -q 'declares entities' '$tmp/err' && ! grep -q 'root:' '$tmp/out' '$tmp/err'"
run 2 "topology in the wrong namespace" topology "$fixtures/topology-wrong-namespace.xml"
run 2 "topology of a results file" topology "$fixtures/results-good.xml"
run 2 "topology without a file" topology
run 0 "topology --help" topology --help
check "topology help documents exit status" "grep -q 'Exit status' '$tmp/out'"

# export --------------------------------------------------------------------

run 0 "export to PowerShell with -WhatIf" \
  export --format ps1 --what-if --output "$tmp/run.ps1" "$fixtures/results-good.xml"
check "PowerShell export has the cmdlets" \
  "grep -q \"^Enable-CsUser -Identity 'u1' -RegistrarPool 'pool01.contoso.com' -SipAddress 'sip:jean.dupont@contoso.com' -WhatIf\" '$tmp/run.ps1'"
check "PowerShell export starts with a BOM and a header comment" \
  "head -c 5 '$tmp/run.ps1' | od -An -c | grep -q '357 273 277   #'"

run 0 "export to CSV with a BOM" export -f csv --bom -o "$tmp/run.csv" "$fixtures/results-good.xml"
check "CSV export has a BOM, a header and the rows" \
  "head -c 3 '$tmp/run.csv' | od -An -tx1 | grep -q 'ef bb bf' &&
   grep -q 'item,status,message,before,after' '$tmp/run.csv' &&
   grep -q '^u2,failed,The registrar pool did not answer.,,sip:o.brien@contoso.com' '$tmp/run.csv'"

run 0 "export to XML" export -o "$tmp/run.xml" "$fixtures/results-good.xml"
if command -v xmllint >/dev/null; then
  check "XML export validates against the schema" \
    "xmllint --noout --schema '$PROVISIO_RESULTS_XSD' '$tmp/run.xml' 2>'$tmp/err'"
fi
run 0 "export of an export gives the same file" export -o "$tmp/run2.xml" "$tmp/run.xml"
check "XML round trip is byte for byte" "cmp '$tmp/run.xml' '$tmp/run2.xml'"

run 0 "export to standard output" export -f csv -o - "$fixtures/results-good.xml"
check "standard output has the CSV" "grep -q '^u3,alreadyDone' '$tmp/out'"

echo "earlier" >"$tmp/keep.csv"
run 2 "export of a hostile file" export -f csv -o "$tmp/keep.csv" "$fixtures/billion-laughs.xml"
check "hostile input refused, earlier output untouched" \
  "grep -q 'declares entities' '$tmp/err' && [ \"\$(cat '$tmp/keep.csv')\" = earlier ]"
run 1 "export into a missing folder" export -o "$tmp/missing/run.xml" "$fixtures/results-good.xml"
check "unwritable output explained" "grep -q 'Could not export to' '$tmp/err'"
run 2 "export of a truncated file" export -o "$tmp/x.xml" "$fixtures/wrong-encoding.xml"
run 2 "export with an unknown format" export -f pdf -o "$tmp/x" "$fixtures/results-good.xml"
run 2 "export without --output" export "$fixtures/results-good.xml"
run 0 "export --help" export --help
check "export help documents the options" \
  "grep -q -- '--what-if' '$tmp/out' && grep -q -- '--bom' '$tmp/out' && grep -q 'Exit status' '$tmp/out'"
run 0 "top-level help lists topology and export" --help
check "top-level help lists the new commands" "grep -q '^  topology ' '$tmp/out' && grep -q '^  export ' '$tmp/out'"

# Messages follow the user's language.
export PROVISIO_LOCALEDIR="$localedir"
LANGUAGE=fr run 1 "French messages" sip -f firstlast -d contoso.com -e "$data/existing.txt" "$data/users.csv"
check "French duplicate message" "grep -q 'déjà utilisée' '$tmp/out'"
LANGUAGE=fr run 2 "French error" sip -f firstlast -d contoso.com "$data/broken-quote.csv"
check "French error names file and line" "grep -q 'broken-quote.csv, ligne 3' '$tmp/err'"
LANGUAGE=fr run 0 "French topology" topology "$fixtures/topology-medium.xml"
check "French pool kinds and headings" \
  "grep -q '^se02.contoso.com  *Serveur Standard Edition' '$tmp/out' && grep -q 'contoso.com (par défaut)' '$tmp/out'"
LANGUAGE=fr run 2 "French hostile topology" topology "$fixtures/xxe.xml"
check "French DTD refusal" "grep -q 'déclare des entités' '$tmp/err'"
LANGUAGE=fr run 0 "French help" sip --help
check "French help" "grep -q 'Code de sortie' '$tmp/out'"

echo "1..$n"
exit $failed
