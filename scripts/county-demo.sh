#!/usr/bin/env bash
# Plays the county platform (县级平台) against a running suite, as docs/COUNTY.md describes: a client-credentials
# token, a case sent down, the event feed read, and the case's status after the community has signed for it and a
# grid worker has resolved and closed the matter it became. The community's side uses the demo accounts.
#   GATEWAY=http://localhost:8080 scripts/county-demo.sh
set -euo pipefail

gateway="${GATEWAY:-http://localhost:8080}"
grid="${GRID:-G01}"

# JSON from stdin: prints the Python expression $1 evaluated over the document d (python3 is there; jq may not be).
json() { python3 -c "import json, sys; d = json.load(sys.stdin); print($1)"; }

# Calls the gateway and fails with the answer's body on any status but the expected one.
call() {
  local expected="$1"; shift
  local body status
  body=$(mktemp)
  status=$(curl -sS -o "$body" -w '%{http_code}' "$@")
  if [ "$status" != "$expected" ]; then
    echo "error: $* answered $status, expected $expected:" >&2
    cat "$body" >&2; echo >&2
    rm -f "$body"
    return 1
  fi
  cat "$body"; rm -f "$body"
}

person_token() {
  call 200 "$gateway/connect/token" -d grant_type=password -d client_id=community-cli -d username="$1" \
    -d password=Community@2026 -d scope="community-api roles" | json 'd["access_token"]'
}

# Prints a feed page's events, one a line: sequence, type, subject, and a case's state and notes.
print_events() {
  python3 -c '
import json, sys
for e in json.load(sys.stdin)["events"]:
    line = "  %s  %s  %s" % (e["sequence"], e["type"], e["subject"])
    if "state" in e["data"]:
        line += "  %s: %s" % (e["data"]["state"], e["data"]["status_notes"])
    print(line)'
}

# Reads the feed after cursor $1 to its end; prints the events, then the new cursor on the last line.
read_feed() {
  local cursor="$1" page
  while true; do
    page=$(call 200 "$gateway/api/county/events?after=$cursor&limit=200" -H "Authorization: Bearer $county")
    echo "$page" | print_events
    cursor=$(echo "$page" | json 'd["next_cursor"]')
    [ "$(echo "$page" | json 'len(d["events"])')" -lt 200 ] && break
  done
  echo "$cursor"
}

# Polls GET of the case until its state is $1.
wait_for_state() {
  local state="" tries=0
  while [ "$state" != "$1" ]; do
    [ $tries -lt 60 ] || { echo "error: the case did not reach $1 within 30 s (state: $state)" >&2; exit 1; }
    sleep 0.5; tries=$((tries + 1))
    state=$(call 200 "$gateway/api/county/cases/$case_id" -H "Authorization: Bearer $county" | json 'd["state"]')
  done
  call 200 "$gateway/api/county/cases/$case_id" -H "Authorization: Bearer $county" \
    | json '"  state %s, status %s, status_notes %s, updated %s" % (d["state"], d["status"], d["status_notes"], d["updated_datetime"])'
}

echo "== 1. The county platform takes a token (client credentials)"
county=$(call 200 "$gateway/connect/token" -d grant_type=client_credentials -d client_id=county-platform \
  -d client_secret=county-demo-secret -d scope=community-api | json 'd["access_token"]')
call 200 "$gateway/api/county/services" -H "Authorization: Bearer $county" | json '"  service codes: " + ", ".join(s["service_code"] for s in d)'

echo "== 2. It notes where the feed ends now"
cursor=$(read_feed "" | tail -n 1)
echo "  cursor $cursor"

echo "== 3. It sends a case down (Open311 fields and its own id)"
county_case_id="XJ-$(date +%Y%m%d%H%M%S)-$$"
case_json=$(cat <<JSON
{"county_case_id": "$county_case_id", "service_code": "environment",
 "description": "群众反映小区北门垃圾堆放多日无人清运", "address": "幸福小区北门",
 "lat": 27.8123, "long": 112.9456, "requested_datetime": "$(date -u +%Y-%m-%dT%H:%M:%SZ)",
 "expected_datetime": "$(date -u -d '+3 days' +%Y-%m-%dT%H:%M:%SZ)"}
JSON
)
case_id=$(call 201 -X POST "$gateway/api/county/cases" -H "Authorization: Bearer $county" -H 'Content-Type: application/json' \
  -d "$case_json" | json 'd["service_request_id"]')
echo "  service_request_id $case_id (county_case_id $county_case_id)"
again=$(call 200 -X POST "$gateway/api/county/cases" -H "Authorization: Bearer $county" -H 'Content-Type: application/json' \
  -d "$case_json" | json 'd["service_request_id"]')
echo "  sent again: the same case ($again)"

echo "== 4. The community office signs for it (签收) and hands it to grid $grid"
secretary=$(person_token secretary)
curl -sS -o /dev/null -X POST "$gateway/api/grid/grids" -H "Authorization: Bearer $secretary" -H 'Content-Type: application/json' \
  -d "{\"code\":\"$grid\",\"name\":\"第一网格\"}"   # 201 on a fresh suite, 409 if the grid exists
call 200 -X POST "$gateway/api/county/cases/$case_id/sign-for" -H "Authorization: Bearer $secretary" \
  -H 'Content-Type: application/json' -d "{\"grid_code\":\"$grid\"}" > /dev/null
wait_for_state in_progress

echo "== 5. The grid worker handles the matter the case became, resolves it (办结) and closes it (销号)"
gridworker=$(person_token gridworker)
matter_id=""
tries=0
while [ -z "$matter_id" ]; do
  [ $tries -lt 60 ] || { echo "error: no matter for the case in grid $grid" >&2; exit 1; }
  matter_id=$(call 200 "$gateway/api/grid/matters?gridCode=$grid&limit=200" -H "Authorization: Bearer $gridworker" \
    | json "next((m['id'] for m in d['items'] if m['sourceId'] == '$case_id'), '')")
  [ -n "$matter_id" ] || { sleep 0.5; tries=$((tries + 1)); }
done
echo "  matter $matter_id"
call 200 -X POST "$gateway/api/grid/matters/$matter_id/assign" -H "Authorization: Bearer $gridworker" -H 'Content-Type: application/json' \
  -d "{\"handler\":\"环卫所\",\"dueOn\":\"$(date -d '+2 days' +%F)\"}" > /dev/null
call 200 -X POST "$gateway/api/grid/matters/$matter_id/resolve" -H "Authorization: Bearer $gridworker" -H 'Content-Type: application/json' \
  -d '{"resolution":"已联系环卫所清运完毕"}' > /dev/null
wait_for_state resolved
call 200 -X POST "$gateway/api/grid/matters/$matter_id/close" -H "Authorization: Bearer $gridworker" -H 'Content-Type: application/json' \
  -d '{"satisfaction":5,"note":"回访群众满意"}' > /dev/null
wait_for_state closed

echo "== 6. The county reads the feed from its cursor: the case's whole way, among the suite's other events"
read_feed "$cursor" | head -n -1
