#!/usr/bin/env bash
# Pins the overlays to a release: rewrites deploy/components/images/kustomization.yaml (included by every overlay)
# with the version's tag, the digests the registry returned for it and the app.kubernetes.io/version label.
# The release workflow (.github/workflows/release.yml) runs it with the pushed digests; deploy-checks runs it on a
# copy of deploy/ (ReleaseWorkflowTest) and renders the result.
#
#   scripts/release-pin-images.sh [--deploy DIR] VERSION SERVICE=sha256:DIGEST...
#   scripts/release-pin-images.sh 1.2.0 partnership-service=sha256:ab… assessment-service=sha256:cd… reporting-service=sha256:ef…
#
# Every image of the file must get a digest (a release never mixes images of two versions). PULSE_IMAGE_PREFIX
# (default ghcr.io/partnership-pulse) is the registry path the images were pushed to.
set -Eeuo pipefail

deploy="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/deploy"
if [[ ${1:-} == --deploy ]]; then
  deploy=$2
  shift 2
fi
prefix=${PULSE_IMAGE_PREFIX:-ghcr.io/partnership-pulse}
file="$deploy/components/images/kustomization.yaml"
usage() { echo "usage: $0 [--deploy DIR] VERSION SERVICE=sha256:DIGEST..." >&2; exit 2; }
(($# >= 2)) || usage
version=$1
shift
[[ $version =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]] || { echo "version '$version' is not X.Y.Z" >&2; exit 2; }
[[ -f $file ]] || { echo "no $file" >&2; exit 1; }

declare -A digest=()
for arg in "$@"; do
  [[ $arg =~ ^([a-z0-9-]+)=(sha256:[0-9a-f]{64})$ ]] || { echo "'$arg' is not SERVICE=sha256:<64 hex>" >&2; exit 2; }
  [[ ${BASH_REMATCH[2]} != "sha256:$(printf '0%.0s' {1..64})" ]] || { echo "$arg: the placeholder is not a digest" >&2; exit 2; }
  digest[${BASH_REMATCH[1]}]=${BASH_REMATCH[2]}
done

# The services the file names (entries "- name: partnership-pulse/<service>"): each needs a digest, and only they.
mapfile -t services < <(sed -n 's|^  - name: partnership-pulse/\([a-z0-9-]*\)$|\1|p' "$file")
((${#services[@]} > 0)) || { echo "$file names no image partnership-pulse/<service>" >&2; exit 1; }
for s in "${services[@]}"; do [[ -n ${digest[$s]:-} ]] || { echo "no digest given for $s" >&2; exit 2; }; done
for s in "${!digest[@]}"; do
  printf '%s\n' "${services[@]}" | grep -qx -- "$s" || { echo "$s is not an image of $file" >&2; exit 2; }
done

# Rewrite only the values (comments and order stay): the version label, and per image entry newName/newTag/digest.
tmp=$(mktemp "$file.XXXXXX")
pairs=""
for s in "${services[@]}"; do pairs+="$s=${digest[$s]} "; done
awk -v version="$version" -v prefix="$prefix" -v pairs="$pairs" '
  BEGIN { n = split(pairs, kv, " "); for (i = 1; i <= n; i++) { split(kv[i], p, "="); d[p[1]] = p[2] } }
  /^      app\.kubernetes\.io\/version: / { sub(/: .*/, ": " version); print; next }
  /^  - name: partnership-pulse\// { svc = substr($0, index($0, "/") + 1); print; next }
  svc != "" && /^    newName: / { print "    newName: " prefix "/" svc; next }
  svc != "" && /^    newTag: /  { print "    newTag: " version; next }
  svc != "" && /^    digest: /  { print "    digest: " d[svc]; next }
  { print }
' "$file" >"$tmp"
mv "$tmp" "$file"

# Every image now carries this version and its digest, or the release stops here.
for s in "${services[@]}"; do
  grep -qx "    digest: ${digest[$s]}" "$file" || { echo "pinning $s failed: $file" >&2; exit 1; }
done
[[ $(grep -c "^    newTag: $version\$" "$file") == "${#services[@]}" ]] || { echo "setting the tag failed: $file" >&2; exit 1; }
echo "pinned ${#services[@]} images to $version in $file"
