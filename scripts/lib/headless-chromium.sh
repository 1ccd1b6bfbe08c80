# Headless Chromium with the network cut off, for the page checks (check-report-html.sh,
# check-trend-html.sh). Source it; it defines:
#   chromium_ensure            installs Debian's chromium when it is missing (apt-get; as root or with sudo)
#   chromium_flags WORKDIR     fills the array CHROMIUM_FLAGS: headless, no sandbox, a profile in
#                              WORKDIR, every connection sent to a closed loopback port, no host
#                              name resolved, Chromium's background services off where flags allow
#   chromium_page_requests NETLOG LOG
#                              prints, one per line, the network requests a page initiated (the
#                              browser's own service requests have the initiator "not an origin"
#                              and are left out) and the requests the Content-Security-Policy refused

chromium_ensure() {
  if ! command -v chromium >/dev/null 2>&1; then
    echo "installing Debian's chromium" >&2
    local sudo_cmd=""
    if [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1; then sudo_cmd="sudo"; fi
    $sudo_cmd apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq chromium >/dev/null
  fi
}

chromium_flags() {
  CHROMIUM_FLAGS=(
    --headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run --no-default-browser-check
    --user-data-dir="$1/profile" --proxy-server="socks5://127.0.0.1:9" --host-resolver-rules="MAP * ~NOTFOUND"
    --disable-background-networking --disable-component-update --disable-sync --disable-default-apps
    --disable-extensions --disable-domain-reliability --disable-client-side-phishing-detection
    --disable-features=SpellCheck,Translate,OptimizationHints,MediaRouter
  )
}

chromium_page_requests() {
  python3 - "$1" "$2" <<'NETLOG'
import json, sys
netlog = json.load(open(sys.argv[1], encoding='utf-8'))
types = {value: key for key, value in netlog['constants']['logEventTypes'].items()}
for event in netlog['events']:
    params = event.get('params') or {}
    if types.get(event['type']) != 'URL_REQUEST_START_JOB' or 'url' not in params:
        continue
    url = params['url']
    if url.startswith(('file:', 'data:', 'about:', 'chrome:', 'blob:')) or params.get('initiator') == 'not an origin':
        continue
    print('request: ' + url)
for line in open(sys.argv[2], encoding='utf-8', errors='replace'):
    if 'Refused to' in line:
        print('refused: ' + line.strip()[:200])
NETLOG
}
