#!/usr/bin/env bash
# Builds the Teams app package: manifest.json (placeholders filled) plus color.png and outline.png at the zip root.
# Works offline. Run with --help for the options.
set -euo pipefail

readonly SCRIPT_NAME=build-package.sh
readonly GUID_PATTERN='^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$'
readonly NIL_GUID=00000000-0000-0000-0000-000000000000
readonly VERSION_PATTERN='^(0|[1-9][0-9]{0,8})\.(0|[1-9][0-9]{0,8})\.(0|[1-9][0-9]{0,8})$'
# No quote, backslash or space can get through, so a value can never break out of its JSON string.
readonly URL_PATTERN="^https://[A-Za-z0-9.-]+(:[0-9]{1,5})?(/[A-Za-z0-9._~%!\$&'()*+,;=:@/?#-]*)?$"
readonly NAME_PATTERN="^[A-Za-z0-9][A-Za-z0-9 .,&'()-]{0,31}$"
readonly DEFAULT_WEBSITE_URL=https://example.com/coachingbot
readonly DEFAULT_PRIVACY_URL=https://example.com/coachingbot/privacy
readonly DEFAULT_TERMS_URL=https://example.com/coachingbot/terms
readonly PACKAGE_FILES=(manifest.json color.png outline.png)

usage() {
  cat <<'EOF'
Usage: build-package.sh [options] [BOT_APP_ID]

Builds appPackage.zip for Microsoft Teams from manifest/manifest.json and its two icons.

  BOT_APP_ID                The Azure Bot's Microsoft App ID (a GUID). Required: as the argument or in $BOT_APP_ID.
  -o, --out DIR             Where to write appPackage.zip and the filled manifest.json ($PACKAGE_OUT_DIR;
                            default: manifest/build).
  --teams-app-id GUID       The Teams app's own id ($TEAMS_APP_ID; default: the bot's app id).
  --version X.Y.Z           The app version ($TEAMS_APP_VERSION; default 1.0.0). Raise it for every update you upload.
  --developer-name NAME     Publisher name, up to 32 characters ($TEAMS_APP_DEVELOPER_NAME; default CoachingBot).
  --website-url URL         https URL of the app's support page ($TEAMS_APP_WEBSITE_URL).
  --privacy-url URL         https URL of the privacy statement ($TEAMS_APP_PRIVACY_URL).
  --terms-url URL           https URL of the terms of use ($TEAMS_APP_TERMS_URL).
  -h, --help                Show this help.

The three URLs default to placeholders under https://example.com/: fine for uploading to your own tenant, but set
real pages before you publish the app to your organisation's catalogue.
Zips with `zip`, else python3, else node; set PACKAGE_ZIP_TOOL=zip|python3|node to choose one.
EOF
}

fail() {
  printf '%s: %s\n' "$SCRIPT_NAME" "$*" >&2
  exit 1
}

script_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

bot_app_id=${BOT_APP_ID:-}
teams_app_id=${TEAMS_APP_ID:-}
app_version=${TEAMS_APP_VERSION:-1.0.0}
developer_name=${TEAMS_APP_DEVELOPER_NAME:-CoachingBot}
website_url=${TEAMS_APP_WEBSITE_URL:-}
privacy_url=${TEAMS_APP_PRIVACY_URL:-}
terms_url=${TEAMS_APP_TERMS_URL:-}
out_dir=${PACKAGE_OUT_DIR:-$script_dir/build}
positional_seen=false

require_value() {
  [[ $# -ge 2 && -n $2 ]] || fail "$1 needs a value (see --help)"
}

while [[ $# -gt 0 ]]; do
  case $1 in
    -h | --help) usage; exit 0 ;;
    -o | --out) require_value "$@"; out_dir=$2; shift 2 ;;
    --teams-app-id) require_value "$@"; teams_app_id=$2; shift 2 ;;
    --version) require_value "$@"; app_version=$2; shift 2 ;;
    --developer-name) require_value "$@"; developer_name=$2; shift 2 ;;
    --website-url) require_value "$@"; website_url=$2; shift 2 ;;
    --privacy-url) require_value "$@"; privacy_url=$2; shift 2 ;;
    --terms-url) require_value "$@"; terms_url=$2; shift 2 ;;
    -*) fail "unknown option '$1' (see --help)" ;;
    *)
      [[ $positional_seen == false ]] || fail "only one app id may be given as an argument (see --help)"
      bot_app_id=$1
      positional_seen=true
      shift
      ;;
  esac
done

# A value that fails a check is not echoed: a secret pasted into the wrong place must not end up in a CI log.
check_guid() {
  local what=$1 value=$2
  [[ -n $value ]] || fail "$what is required: pass the Azure Bot's Microsoft App ID as the argument or in BOT_APP_ID"
  [[ $value =~ $GUID_PATTERN ]] \
    || fail "$what must be a GUID like 0a1b2c3d-0000-4000-8000-00000000000e (the value given, ${#value} characters, is not)"
  [[ ${value,,} != "$NIL_GUID" ]] || fail "$what must not be the all-zero GUID"
}

check_url() {
  local what=$1 value=$2
  [[ ${#value} -le 2048 && $value =~ $URL_PATTERN ]] \
    || fail "$what must be an https URL without spaces, quotes or backslashes, at most 2048 characters"
}

check_guid "the bot's app id" "$bot_app_id"
bot_app_id=${bot_app_id,,}
if [[ -z $teams_app_id ]]; then
  teams_app_id=$bot_app_id
else
  check_guid "the Teams app id" "$teams_app_id"
  teams_app_id=${teams_app_id,,}
fi
[[ $app_version =~ $VERSION_PATTERN ]] || fail "the version must be three numbers like 1.0.0 (major.minor.patch)"
[[ $developer_name =~ $NAME_PATTERN ]] \
  || fail "the developer name must be 1 to 32 letters, digits, spaces or . , & ' ( ) - and start with a letter or digit"

placeholder_urls=()
if [[ -z $website_url ]]; then website_url=$DEFAULT_WEBSITE_URL; placeholder_urls+=(website); fi
if [[ -z $privacy_url ]]; then privacy_url=$DEFAULT_PRIVACY_URL; placeholder_urls+=(privacy); fi
if [[ -z $terms_url ]]; then terms_url=$DEFAULT_TERMS_URL; placeholder_urls+=(terms-of-use); fi
check_url "the website URL" "$website_url"
check_url "the privacy URL" "$privacy_url"
check_url "the terms-of-use URL" "$terms_url"

for file in "${PACKAGE_FILES[@]}"; do
  [[ -f $script_dir/$file ]] || fail "missing $script_dir/$file"
done

# With bash 5.2's patsub_replacement on, an '&' in a replacement would stand for the matched text; URLs may hold '&'.
shopt -u patsub_replacement 2>/dev/null || true
manifest=$(<"$script_dir/manifest.json")
manifest=${manifest//'${{BOT_APP_ID}}'/"$bot_app_id"}
manifest=${manifest//'${{TEAMS_APP_ID}}'/"$teams_app_id"}
manifest=${manifest//'${{APP_VERSION}}'/"$app_version"}
manifest=${manifest//'${{DEVELOPER_NAME}}'/"$developer_name"}
manifest=${manifest//'${{WEBSITE_URL}}'/"$website_url"}
manifest=${manifest//'${{PRIVACY_URL}}'/"$privacy_url"}
manifest=${manifest//'${{TERMS_OF_USE_URL}}'/"$terms_url"}
if [[ $manifest == *'${{'* ]]; then
  left=$(grep -o '\${{[A-Za-z0-9_]*}}' <<<"$manifest" | sort -u | tr '\n' ' ')
  fail "manifest.json has placeholders this script does not fill: ${left:-(unreadable)}"
fi

zip_tool=${PACKAGE_ZIP_TOOL:-}
if [[ -z $zip_tool ]]; then
  for candidate in zip python3 node; do
    if command -v "$candidate" >/dev/null 2>&1; then zip_tool=$candidate; break; fi
  done
  [[ -n $zip_tool ]] || fail "no way to write a zip: install zip, python3 or node"
else
  case $zip_tool in zip | python3 | node) ;; *) fail "PACKAGE_ZIP_TOOL must be zip, python3 or node" ;; esac
  command -v "$zip_tool" >/dev/null 2>&1 || fail "PACKAGE_ZIP_TOOL is $zip_tool, but $zip_tool is not installed"
fi

stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
mkdir -p "$stage/files"
printf '%s\n' "$manifest" >"$stage/files/manifest.json"
cp "$script_dir/color.png" "$script_dir/outline.png" "$stage/files/"

# Teams rejects a package whose manifest is not JSON; say so here rather than at upload.
if command -v python3 >/dev/null 2>&1; then
  python3 -c 'import json, sys; json.load(open(sys.argv[1], encoding="utf-8"))' "$stage/files/manifest.json" 2>/dev/null \
    || fail "the filled manifest.json is not valid JSON"
elif command -v node >/dev/null 2>&1; then
  node -e 'JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"))' "$stage/files/manifest.json" 2>/dev/null \
    || fail "the filled manifest.json is not valid JSON"
fi

zip_path=$stage/appPackage.zip
case $zip_tool in
  zip)
    (cd "$stage/files" && zip -q -X -D "$zip_path" "${PACKAGE_FILES[@]}")
    ;;
  python3)
    python3 - "$stage/files" "$zip_path" "${PACKAGE_FILES[@]}" <<'PY'
import os
import sys
import zipfile

source, destination, names = sys.argv[1], sys.argv[2], sys.argv[3:]
with zipfile.ZipFile(destination, "w", compression=zipfile.ZIP_DEFLATED) as archive:
    for name in names:
        archive.write(os.path.join(source, name), arcname=name)
PY
    ;;
  node)
    node - "$stage/files" "$zip_path" "${PACKAGE_FILES[@]}" <<'JS'
// A minimal zip writer: deflated entries, no directories, a fixed 1980-01-01 timestamp.
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const [source, destination, ...names] = process.argv.slice(2);
const table = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (bytes) => {
  let c = 0xffffffff;
  for (const byte of bytes) c = table[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const dosDate = (0 << 9) | (1 << 5) | 1;
const locals = [];
const centrals = [];
let offset = 0;
for (const name of names) {
  const data = fs.readFileSync(path.join(source, name));
  const packed = zlib.deflateRawSync(data, { level: 9 });
  const nameBytes = Buffer.from(name, 'utf8');
  const crc = crc32(data);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt16LE(dosDate, 12);
  local.writeUInt32LE(crc, 14);
  local.writeUInt32LE(packed.length, 18);
  local.writeUInt32LE(data.length, 22);
  local.writeUInt16LE(nameBytes.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt16LE(dosDate, 14);
  central.writeUInt32LE(crc, 16);
  central.writeUInt32LE(packed.length, 20);
  central.writeUInt32LE(data.length, 24);
  central.writeUInt16LE(nameBytes.length, 28);
  central.writeUInt32LE(offset, 42);
  locals.push(local, nameBytes, packed);
  centrals.push(central, nameBytes);
  offset += local.length + nameBytes.length + packed.length;
}
const directory = Buffer.concat(centrals);
const end = Buffer.alloc(22);
end.writeUInt32LE(0x06054b50, 0);
end.writeUInt16LE(names.length, 8);
end.writeUInt16LE(names.length, 10);
end.writeUInt32LE(directory.length, 12);
end.writeUInt32LE(offset, 16);
fs.writeFileSync(destination, Buffer.concat([...locals, directory, end]));
JS
    ;;
esac

mkdir -p "$out_dir"
cp "$stage/files/manifest.json" "$out_dir/manifest.json"
# Replace, never update: zip would otherwise add to an archive left by an earlier run.
rm -f "$out_dir/appPackage.zip"
cp "$zip_path" "$out_dir/appPackage.zip"

if [[ ${#placeholder_urls[@]} -gt 0 ]]; then
  defaults=$(IFS=,; printf '%s' "${placeholder_urls[*]}")
  printf '%s: note: example.com placeholders used for the %s URL; set real pages before publishing beyond your own tenant\n' \
    "$SCRIPT_NAME" "${defaults//,/, }" >&2
fi
printf 'Wrote %s (Teams app id %s, bot %s, version %s, zipped with %s)\n' \
  "$out_dir/appPackage.zip" "$teams_app_id" "$bot_app_id" "$app_version" "$zip_tool"
