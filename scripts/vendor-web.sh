#!/usr/bin/env bash
# Vendor the web app's JavaScript libraries and map data from the npm registry into the
# package's static folder, with their licences. Run again only to change a version; the
# result is committed, so installing actorgraph needs no npm and the app needs no network.
#   usage: scripts/vendor-web.sh
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
dest="$here/src/actorgraph/web/static/vendor"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# package@version  then the files to keep (relative to the package folder)
packages=(
  "cytoscape@3.34.4 dist/cytoscape.min.js LICENSE"
  "leaflet@1.9.4 dist/leaflet.js dist/leaflet.css LICENSE"
  "topojson-client@3.1.0 dist/topojson-client.min.js LICENSE"
  "world-atlas@2.0.2 countries-50m.json LICENSE"
)
for entry in "${packages[@]}"; do
  read -r spec files <<<"$entry"
  name="${spec%@*}"
  (cd "$work" && npm pack --silent "$spec" >/dev/null)
  mkdir -p "$work/$name" "$dest/$name"
  tar -xzf "$work/$name"-*.tgz -C "$work/$name"
  for f in $files; do
    cp "$work/$name/package/$f" "$dest/$name/$(basename "$f")"
  done
  echo "$spec" > "$dest/$name/VERSION"
done
echo "vendored into $dest:"
(cd "$dest" && find . -type f | sort)
