#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# provisio-sandbox's command line: help, refusals of bad options, French
# messages, and a start that serves then stops on SIGTERM.
# Usage: test-sandbox-cli.sh PROVISIO_SANDBOX SEED LOCALE_DIR
# Prints TAP.

exe=$1
seed=$2
localedir=$3
tmp=$(mktemp -d)
pid=
trap 'if [ -n "$pid" ]; then kill "$pid" 2>/dev/null; fi; rm -rf "$tmp"' EXIT
n=0
failed=0
export LANGUAGE=en

check () {
  n=$((n + 1))
  if [ "$1" = 0 ]; then
    echo "ok $n - $2"
  else
    failed=1
    echo "not ok $n - $2"
    sed 's/^/# /' "$tmp/out" "$tmp/err" 2>/dev/null
  fi
}

# status EXPECTED ARGS...: runs the command, checks its exit status.
status () {
  expected=$1
  shift
  "$exe" "$@" >"$tmp/out" 2>"$tmp/err"
  got=$?
  [ "$got" -eq "$expected" ]
  check $? "$* exits with $expected (got $got)"
}

status 0 --help
grep -q "127.0.0.1 and ::1" "$tmp/out"
check $? "--help says it binds loopback only"
grep -q -- "--faults" "$tmp/out"
check $? "--help lists --faults"
grep -q -- "--port-delay" "$tmp/out"
check $? "--help lists --port-delay"

status 2 --faults rate=7
grep -q "Invalid fault specification" "$tmp/err"
check $? "a bad fault specification is explained"
status 2 --port 70000
status 2 --users -3
status 2 --port-delay -1
grep -q "The port delay must be 0 or more milliseconds" "$tmp/err"
check $? "a negative port delay is explained"
status 2 --no-such-option
status 1 --state /proc/no/such/dir/state.db --seed "$seed"

LANGUAGE=fr PROVISIO_LOCALEDIR="$localedir" "$exe" --faults rate=7 >"$tmp/out" 2>"$tmp/err"
grep -q "Spécification de pannes" "$tmp/err"
check $? "the refusal is in French"
LANGUAGE=fr PROVISIO_LOCALEDIR="$localedir" "$exe" --help >"$tmp/out" 2>"$tmp/err"
grep -q "interfaces de bouclage" "$tmp/out"
check $? "the help is in French"

# Serves, answers, and stops cleanly on SIGTERM.
"$exe" --port 0 --state "$tmp/state.db" --seed "$seed" --users 50 >"$tmp/serve" 2>"$tmp/err" &
pid=$!
i=0
while [ $i -lt 100 ] && ! grep -q "http://127.0.0.1:" "$tmp/serve"; do
  sleep 0.1
  i=$((i + 1))
done
grep -q "(loopback only)" "$tmp/serve"
check $? "it says where it listens"
kill -TERM "$pid"
wait "$pid"
got=$?
pid=
[ "$got" -eq 0 ]
check $? "SIGTERM stops it with status 0 (got $got)"
[ -s "$tmp/state.db" ]
check $? "the state file exists"

echo "1..$n"
exit $failed
