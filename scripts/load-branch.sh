#!/usr/bin/env bash
# Loads a small party branch through the gateway, the way the secretary would by hand: the organisation tree, an
# election, members, the committee, a study session with attendance, a person in the development pipeline, a
# rectification item; then prints the membership statistics, which count exactly what was loaded.
#
#   scripts/load-branch.sh [gateway-url]        (default http://localhost:8080; needs ./run up)
#
# Running it again changes nothing: it stops if the branch already exists.
set -euo pipefail

gateway="${1:-http://localhost:8080}"
today=$(date -u +%F)
years_ago() { date -u -d "$today -$1 years" +%F; }

token=$(curl -sf -X POST "$gateway/connect/token" \
  -d grant_type=password -d client_id=community-cli -d username=secretary -d 'password=Community@2026' \
  -d 'scope=community-api roles' | sed -n -E 's/.*"access_token": *"([^"]+)".*/\1/p')
auth="Authorization: Bearer $token"

post() { # path json → response body; fails loudly on anything but 2xx
  local body status
  body=$(curl -s -w '\n%{http_code}' -X POST "$gateway$1" -H "$auth" -H 'Content-Type: application/json' -d "$2")
  status=${body##*$'\n'}
  body=${body%$'\n'*}
  if [[ $status != 2* ]]; then echo "POST $1 answered $status: $body" >&2; exit 1; fi
  printf '%s' "$body"
}
id_of() { sed -E 's/.*"id":"([^"]+)".*/\1/'; }

if [[ $(curl -s -o /dev/null -w '%{http_code}' "$gateway/api/membership/organisations/CQ-DZB" -H "$auth") == 200 ]]; then
  echo "The branch is already loaded (organisation CQ-DZB exists); its statistics:"
  curl -s "$gateway/api/membership/statistics" -H "$auth"; echo
  exit 0
fi

echo "Organisation tree: 常青社区党总支 → 网格党支部, 物业服务企业党支部, 业委会党支部 → 第一党小组"
post /api/membership/organisations '{"code":"CQ-DZB","name":"常青社区党总支","kind":"党总支"}' >/dev/null
post /api/membership/organisations '{"code":"WG-DZB","name":"网格党支部","kind":"党支部","parentCode":"CQ-DZB"}' >/dev/null
post /api/membership/organisations '{"code":"WY-DZB","name":"物业服务企业党支部","kind":"党支部","parentCode":"CQ-DZB"}' >/dev/null
post /api/membership/organisations '{"code":"YWH-DZB","name":"业委会党支部","kind":"党支部","parentCode":"CQ-DZB"}' >/dev/null
post /api/membership/organisations '{"code":"WG-DZB-1","name":"第一党小组","kind":"党小组","parentCode":"WG-DZB"}' >/dev/null
post /api/membership/organisations/CQ-DZB/elections "{\"heldOn\":\"$(years_ago 4)\"}" >/dev/null

echo "Members:"
register() { # name gender age education organisation grid
  local born; born=$(years_ago "$3")
  post /api/membership/members "{\"name\":\"$1\",\"gender\":\"$2\",\"birthDate\":\"$born\",\"education\":\"$4\",\"organisationCode\":\"$5\",\"gridCode\":\"$6\",\"joinedOn\":\"$(years_ago 5)\"}" | id_of
}
secretary=$(register 王建华 男 48 本科 CQ-DZB G01)
deputy=$(register 李秀兰 女 41 大专 CQ-DZB G02)
organiser=$(register 张伟 男 33 本科 WG-DZB G01)
propaganda=$(register 刘芳 女 29 研究生 WG-DZB G03)
discipline=$(register 陈国强 男 55 大专 WY-DZB G02)
m6=$(register 杨桂英 女 67 初中及以下 YWH-DZB G04)
m7=$(register 赵志刚 男 62 高中 WY-DZB G04)
m8=$(register 黄晓燕 女 27 本科 WG-DZB G03)
echo "  8 members registered"

echo "Committee of the general branch (书记, 副书记, 组织委员, 宣传委员, 纪检委员)"
for pair in "$secretary:书记" "$deputy:副书记" "$organiser:组织委员" "$propaganda:宣传委员" "$discipline:纪检委员"; do
  post /api/membership/organisations/CQ-DZB/committee "{\"memberId\":\"${pair%%:*}\",\"post\":\"${pair##*:}\",\"startOn\":\"$(years_ago 4)\"}" >/dev/null
done
curl -s -X PUT "$gateway/api/membership/members/$m8/reserve-cadre" -H "$auth" -H 'Content-Type: application/json' \
  -d "{\"since\":\"$today\",\"preparedFor\":\"社区党委委员\"}" >/dev/null

echo "A study session on the 20th Party Congress, held yesterday, with attendance"
start=$(date -u -d "$today -1 day 06:30" +%FT%T+00:00)
end=$(date -u -d "$today -1 day 08:30" +%FT%T+00:00)
meeting=$(post /api/membership/meetings "{\"organisationCode\":\"CQ-DZB\",\"kind\":\"学习\",\"title\":\"学习贯彻党的二十大精神\",\"startsAt\":\"$start\",\"endsAt\":\"$end\",\"location\":\"常青说事室\"}" | id_of)
attendance=""
for member in "$secretary" "$deputy" "$organiser" "$propaganda" "$discipline" "$m7" "$m8"; do
  attendance+="{\"memberId\":\"$member\",\"status\":\"出席\"},"
done
attendance+="{\"memberId\":\"$m6\",\"status\":\"缺席\",\"reason\":\"住院治疗\"}"
post "/api/membership/meetings/$meeting/record" "{\"topic\":\"学习党的二十大报告\",\"minutes\":\"书记领学报告原文，党员交流学习体会。\",\"attendance\":[$attendance]}" >/dev/null

echo "An activist in the development pipeline"
applicant=$(post /api/membership/pipeline "{\"name\":\"周晓雯\",\"gender\":\"女\",\"birthDate\":\"$(years_ago 26)\",\"education\":\"本科\",\"organisationCode\":\"WG-DZB\",\"gridCode\":\"G02\",\"appliedOn\":\"$(years_ago 2)\"}" | id_of)
post "/api/membership/pipeline/$applicant/activist" "{\"on\":\"$(years_ago 1)\",\"contactMemberIds\":[\"$organiser\",\"$propaganda\"]}" >/dev/null

echo "A rectification item from the county inspection tour"
post /api/membership/rectifications "{\"source\":\"县委巡察反馈\",\"category\":\"组织建设\",\"finding\":\"三会一课记录不规范\",\"owner\":\"组织委员\",\"deadline\":\"$today\",\"measures\":\"统一会议记录模板，逐月检查\"}" >/dev/null

echo
echo "Statistics (8 members: 6 with 大专 or above, 3 under 35; the study session's attendance 7 of 8):"
curl -s "$gateway/api/membership/statistics" -H "$auth"; echo
