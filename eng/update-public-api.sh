#!/usr/bin/env bash
# Adds every public symbol the build reports as undeclared (RS0016) to src/Sdk/PublicAPI.Unshipped.txt.
# Run it after an intended API change, then review the diff: that diff is the API change.
set -euo pipefail
cd "$(dirname "$0")/.."
file=src/Sdk/PublicAPI.Unshipped.txt
new=$(dotnet build src/Sdk -c Release -m:1 --no-incremental 2>&1 | grep -oE "error RS0016: Symbol '[^']*'" | sed -E "s/error RS0016: Symbol '(.*)'/\1/" | sort -u || true)
if [ -z "$new" ]; then echo "no undeclared public API"; exit 0; fi
{ head -1 "$file"; { tail -n +2 "$file"; echo "$new"; } | sort -u; } > "$file.tmp" && mv "$file.tmp" "$file"
echo "$(echo "$new" | wc -l) symbol(s) added to $file"
