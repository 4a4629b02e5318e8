#!/usr/bin/env bash
# Compares schemas/ with an official OpenAPI spec a maintainer downloaded, e.g.
#   curl -sSLo /tmp/openapi.yaml https://raw.githubusercontent.com/openai/openai-openapi/master/openapi.yaml
#   eng/spec-drift.sh /tmp/openapi.yaml
# It runs the same test as CI (SpecDriftTests), against the given file(s) instead of the copies in
# tests/Generator.Tests/Spec. Each difference it prints is either brought level in schemas/ or listed, with its
# reason, in eng/spec-differences.txt; a listed difference that is gone is printed too.
set -euo pipefail
if [ $# -eq 0 ]; then
  echo "usage: eng/spec-drift.sh <openapi.yaml> [more.yaml ...]" >&2
  exit 2
fi
files=()
for f in "$@"; do
  if [ ! -f "$f" ]; then echo "spec-drift: no such file: $f" >&2; exit 2; fi
  files+=("$(cd "$(dirname "$f")" && pwd)/$(basename "$f")")
done
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CREATEIMAGE_SPEC="$(IFS=:; echo "${files[*]}")" \
  dotnet test "$root/tests/Generator.Tests/Generator.Tests.csproj" -c Release \
    --filter "FullyQualifiedName~SpecDriftTests.Schemas_differ_from_the_official_spec_only_where_a_listed_reason_says_so" \
    --logger "console;verbosity=normal"
