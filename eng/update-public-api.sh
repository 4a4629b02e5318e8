#!/usr/bin/env bash
# Brings a project's PublicAPI.Unshipped.txt (src/Sdk, or the folder given: eng/update-public-api.sh src/Extensions) in line with the build: adds every undeclared public symbol
# (RS0016) and removes every declared one that no longer exists (RS0017). Run it after an intended API
# change (for example a schema change), then review the diff: that diff is the API change.
set -euo pipefail
cd "$(dirname "$0")/.."
project=${1:-src/Sdk}
file=$project/PublicAPI.Unshipped.txt
log=$(dotnet build "$project" -c Release -m:1 --no-incremental 2>&1 || true)
added=$(echo "$log" | grep -oE "error RS0016: Symbol '[^']*'" | sed -E "s/error RS0016: Symbol '(.*)'/\1/" | sort -u || true)
removed=$(echo "$log" | grep -oE "error RS0017: Symbol '[^']*'" | sed -E "s/error RS0017: Symbol '(.*)'/\1/" | sort -u || true)
body=$( { tail -n +2 "$file"; [ -n "$added" ] && echo "$added"; } | sort -u )
if [ -n "$removed" ]; then body=$(echo "$body" | grep -vxF -f <(echo "$removed") || true); fi
{ head -1 "$file"; echo "$body"; } > "$file.tmp" && mv "$file.tmp" "$file"
echo "added $(echo -n "$added" | grep -c . || true), removed $(echo -n "$removed" | grep -c . || true) symbol(s) in $file"
