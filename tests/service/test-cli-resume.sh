#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# provisio-cli enable stopped in the middle of a run, then resumed with
# --resume RUN-ID: once killed with SIGKILL, once interrupted with Ctrl+C
# (SIGINT). The service is a provisio-sandbox of its own, which outlives
# the killed client (as a real service would), with every answer delayed
# so that a run lasts long enough to be stopped half way.
#
# What is checked: the run id is printed at the start; the resumed run
# ends with everyone enabled; nobody the first part finished is sent
# anything again; nobody is enabled twice (the journal has at most one
# "done" a person, and the sandbox answers "already done" to any repeat,
# so a second "done" would mean a second change); the tenant holds exactly
# the planned addresses, and nobody else changed. A dry run first, which
# must change nothing, gives the people and their addresses.
# usage: test-cli-resume.sh PROVISIO-CLI PROVISIO-SANDBOX SEED
set -u
cli=$1 sandbox_exe=$2 seed=$3
dir=$(mktemp -d)
sandbox_pid=
cleanup () {
  if [ -n "$sandbox_pid" ]; then kill "$sandbox_pid" 2>/dev/null; wait "$sandbox_pid" 2>/dev/null; fi
  rm -rf "$dir"
}
trap cleanup EXIT
export XDG_DATA_HOME="$dir/data" XDG_STATE_HOME="$dir/state" LANGUAGE=en
runs="$dir/state/provisio/runs"
n=0
failed=0
ok () { n=$((n + 1)); echo "ok $n - $1"; }
not_ok () { n=$((n + 1)); echo "not ok $n - $1"; failed=1; }
check () { if eval "$2"; then ok "$1"; else not_ok "$1"; fi; }

# start_sandbox STATE: a sandbox tenant on STATE, every answer 80 ms late.
start_sandbox () {
  if [ -n "$sandbox_pid" ]; then kill "$sandbox_pid"; wait "$sandbox_pid" 2>/dev/null; fi
  "$sandbox_exe" --port 0 --state "$1" --seed "$seed" --faults rate=1,kinds=delay,delay=80 \
    >"$dir/sandbox.out" 2>&1 &
  sandbox_pid=$!
  url=
  for _ in $(seq 200); do
    url=$(grep -o 'http://127.0.0.1:[0-9]*' "$dir/sandbox.out" 2>/dev/null)
    [ -n "$url" ] && break
    sleep 0.05
  done
}

# start_run LOG: a run of the planned people in the background, until at
# least 20 of them are finished.
start_run () {
  "$cli" enable --service "$url" --pool pool01.contoso.com --format upn --users "$dir/list.csv" \
    --concurrency 4 >/dev/null 2>"$1" &
  run_pid=$!
  for _ in $(seq 600); do
    [ "$(grep -c '^\[' "$1")" -ge 20 ] && break
    sleep 0.05
  done
}

# check_journal ID: what the journal of the run says about both parts.
check_journal () {
  python3 - "$runs/$1.jsonl" "$dir/plan.csv" <<'PY'
import collections, csv, json, sys
planned = {row["item"]: row["after"] for row in csv.DictReader(open(sys.argv[2], encoding="utf-8-sig"))}
part = 0
first_final, second_started = set(), set()
final, done = {}, collections.Counter()
for line in open(sys.argv[1]):
    try:
        event = json.loads(line)
    except ValueError:
        continue  # a line cut short by the kill
    if event["event"] == "run":
        part += 1
    elif event["event"] == "started" and part > 1:
        second_started.add(event["item"])
    elif event["event"] == "finished":
        result = event["result"]
        if result["status"] == "done":
            done[result["item"]] += 1
        if event["final"]:
            final[result["item"]] = result["status"]
            if part == 1:
                first_final.add(result["item"])
problems = []
if part != 2:
    problems.append(f"{part} run lines, not 2")
if not first_final or len(first_final) >= len(planned):
    problems.append(f"the first part finished {len(first_final)} of {len(planned)}: not stopped half way")
if first_final & second_started:
    problems.append(f"{len(first_final & second_started)} finished people were sent something again")
twice = [item for item, count in done.items() if count > 1]
if twice:
    problems.append(f"{len(twice)} people enabled twice")
if set(final) != set(planned):
    problems.append(f"{len(set(planned) - set(final))} people without a final state")
bad = [item for item, status in final.items() if status not in ("done", "alreadyDone")]
if bad:
    problems.append(f"{len(bad)} people not enabled")
print("; ".join(problems) if problems else "ok")
PY
}

# check_tenant: the planned people hold their planned address on the pool,
# and everyone else is as before the runs.
check_tenant () {
  "$cli" users --service "$url" --output csv >"$dir/after.csv" 2>/dev/null || return 1
  python3 - "$dir/before.csv" "$dir/after.csv" "$dir/plan.csv" <<'PY'
import csv, sys
before = {row["id"]: row for row in csv.DictReader(open(sys.argv[1], encoding="utf-8"))}
after = {row["id"]: row for row in csv.DictReader(open(sys.argv[2], encoding="utf-8"))}
planned = {row["item"]: row["after"] for row in csv.DictReader(open(sys.argv[3], encoding="utf-8-sig"))}
wrong = [i for i, address in planned.items()
         if after[i]["sipAddress"] != address or after[i]["registrarPool"] != "pool01.contoso.com"]
others = [i for i in before if i not in planned and before[i] != after[i]]
sys.exit(1 if wrong or others or set(before) != set(after) else 0)
PY
}

start_sandbox "$dir/first.db"
check "the sandbox started" '[ -n "$url" ]'
"$cli" users --service "$url" --output csv >"$dir/before.csv" 2>/dev/null

# A dry run of everyone not enabled: nothing changes, and its export says
# who would be enabled, with which address.
"$cli" enable --service "$url" --pool pool01.contoso.com --format upn --all --skip-problems \
  --dry-run --concurrency 8 --export "$dir/dry.csv" >/dev/null 2>"$dir/dry.err"
status=$?
check "a dry run with people it would skip exits 1" '[ $status -eq 1 ]'
check "the dry run says what it would do" 'grep -q "Dry run, nothing was changed. Would be enabled: [1-9][0-9]*\. Already enabled: 0\." "$dir/dry.err"'
"$cli" users --service "$url" --output csv >"$dir/after-dry.csv" 2>/dev/null
check "the dry run changed nothing in the tenant" 'cmp -s "$dir/before.csv" "$dir/after-dry.csv"'
python3 - "$dir/dry.csv" "$dir/plan.csv" "$dir/list.csv" <<'PY'
import csv, sys
rows = [row for row in csv.DictReader(open(sys.argv[1], encoding="utf-8-sig")) if row["after"]]
with open(sys.argv[2], "w", encoding="utf-8", newline="") as plan:
    writer = csv.writer(plan)
    writer.writerow(["item", "after"])
    for row in rows:
        writer.writerow([row["item"], row["after"]])
with open(sys.argv[3], "w", encoding="utf-8", newline="") as people:
    people.write("id\n" + "".join(row["item"] + "\n" for row in rows))
PY
planned=$(($(wc -l < "$dir/list.csv") - 1))
check "the dry run would enable the people it counted" 'grep -q "Would be enabled: $planned\." "$dir/dry.err"'
rm -f "$runs"/*.jsonl "$runs"/*.results.json

# Killed in the middle, then resumed.
start_run "$dir/kill.err"
kill -KILL "$run_pid"
wait "$run_pid" 2>/dev/null
id=$(ls "$runs" | sed -n 's/\.jsonl$//p')
check "the killed run left one journal" '[ "$(ls "$runs" | grep -c "\.jsonl$")" -eq 1 ]'
check "the run id was printed when the run started" 'head -n 1 "$dir/kill.err" | grep -q "^Run $id\. If it stops, resume it with: provisio-cli enable --resume $id$"'

"$cli" enable --resume "$id" >/dev/null 2>"$dir/no-service.err"
status=$?
check "resuming without the run's service is refused" '[ $status -eq 2 ] && grep -q -- "add --service $url" "$dir/no-service.err"'
"$cli" enable --resume no-such-run --service "$url" >/dev/null 2>"$dir/unknown.err"
status=$?
check "an unknown run id is refused" '[ $status -eq 2 ] && grep -q "There is no run “no-such-run” to resume." "$dir/unknown.err"'
check "and the runs that can be resumed are listed" 'grep -q "^  $id  started .*, stopped before its end$" "$dir/unknown.err"'
"$cli" enable --resume "$id" --service "$url" --pool pool01.contoso.com >/dev/null 2>"$dir/mixed.err"
check "--resume with plan options is refused" '[ $? -eq 2 ]'

"$cli" enable --resume "$id" --service "$url" --concurrency 4 --export "$dir/resumed.xml" \
  >/dev/null 2>"$dir/resume.err"
status=$?
check "the resumed run exits 0" '[ $status -eq 0 ]'
check "it says it resumes the run" 'grep -q "^Resuming the run $id\.$" "$dir/resume.err"'
check "everyone ended enabled or already enabled" 'grep -q "Enabled or already enabled: $planned. Skipped: 0. Failed: 0." "$dir/resume.err"'
result=$(check_journal "$id")
check "after the kill, nobody was enabled twice nor sent anything once finished ($result)" '[ "$result" = ok ]'
check "the tenant holds the planned addresses after the kill" 'check_tenant'
check "the export covers both parts" '[ "$(grep -o "<item id=" "$dir/resumed.xml" | wc -l)" -eq "$planned" ]'
"$cli" enable --resume "$id" --service "$url" >/dev/null 2>"$dir/finished.err"
check "a finished run is not resumed again" '[ $? -eq 2 ] && grep -q "nothing left to resume" "$dir/finished.err"'

# Interrupted with Ctrl+C, on a fresh tenant, then resumed.
rm -f "$runs"/*.jsonl "$runs"/*.results.json
start_sandbox "$dir/second.db"
"$cli" users --service "$url" --output csv >"$dir/before.csv" 2>/dev/null
start_run "$dir/int.err"
kill -INT "$run_pid"
wait "$run_pid"
status=$?
id=$(ls "$runs" | sed -n 's/\.jsonl$//p')
check "Ctrl+C stops the run with status 130" '[ $status -eq 130 ]'
check "and says how to resume it" 'grep -q "Resume it with: provisio-cli enable --resume $id$" "$dir/int.err"'
check "the journal records the cancellation" 'tail -n 1 "$runs/$id.jsonl" | grep -q "\"event\":\"end\",\"cancelled\":true"'
"$cli" enable --resume no-such-run --service "$url" >/dev/null 2>"$dir/unknown.err"
check "the cancelled run is listed as such" 'grep -q "^  $id  started .*, cancelled$" "$dir/unknown.err"'
"$cli" enable --resume "$id" --service "$url" >/dev/null 2>"$dir/resume2.err"
status=$?
check "the cancelled run resumes and exits 0" '[ $status -eq 0 ]'
check "everyone ended enabled or already enabled after Ctrl+C" 'grep -q "Enabled or already enabled: $planned. Skipped: 0. Failed: 0." "$dir/resume2.err"'
result=$(check_journal "$id")
check "after Ctrl+C, nobody was enabled twice nor sent anything once finished ($result)" '[ "$result" = ok ]'
check "the tenant holds the planned addresses after Ctrl+C" 'check_tenant'

echo "1..$n"
exit $failed
