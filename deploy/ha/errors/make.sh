#!/usr/bin/env bash
# Writes the responses haproxy sends when no chitieu server can answer (haproxy.cfg:
# errorfile for browsers, http-request return for JSON clients): our 503 in
# Vietnamese first, then English, with Retry-After, never haproxy's own page.
# The files are committed; run this again after changing the text.
set -euo pipefail
cd "$(dirname "$0")"
vi="Hệ thống tạm thời không phục vụ được: các máy chủ đang khởi động lại hoặc bảo trì. Chưa ghi được gì từ yêu cầu này; vui lòng thử lại sau ít phút."
en="The service is unavailable for the moment: its servers are restarting or in maintenance. Nothing from this request was written; please try again in a few minutes."
retry=30
html="<!doctype html>
<html lang=\"vi\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">
<title>Tạm thời không phục vụ được · Service unavailable — chitieu</title>
<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem;color:#222}h1{font-size:1.3rem}p{line-height:1.5}</style>
</head><body><main class=\"error\">
<h1>$vi</h1>
<p lang=\"en\">$en</p>
<p><a href=\"/\">Thử lại · Try again</a></p>
</main></body></html>
"
json="{\"error\":\"$vi\",\"error_en\":\"$en\"}
"
response() { # content-type, body
  printf 'HTTP/1.1 503 Service Unavailable\r\nContent-Type: %s\r\nContent-Length: %d\r\nRetry-After: %d\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n%s' \
    "$1" "$(printf '%s' "$2" | wc -c)" "$retry" "$2"
}
response "text/html; charset=utf-8" "$html" > 503.http
printf '%s' "$json" > 503.json
