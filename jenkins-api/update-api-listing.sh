#!/bin/sh
# Copies, from the Jenkins API listing in ../shared/jenkins-api (see its README), every line of
# every class the mirror declares into plugin/src/test/resources/api-listing.txt, so the linkage
# tests run from a fresh clone. Run after changing the mirror:
#   mvn -q -pl jenkins-api compile && sh jenkins-api/update-api-listing.sh [path/to/shared/jenkins-api]
set -eu
here=$(cd "$(dirname "$0")" && pwd)
listing=${1:-$here/../../../shared/jenkins-api}
[ -d "$listing" ] || listing=$here/../../shared/jenkins-api
out=$here/../plugin/src/test/resources/api-listing.txt
classes=$(cd "$here/target/classes" && find . -name '*.class' | sed 's#^\./##; s#\.class$##' | grep -v '^io/jenkins/plugins/reliably/' | sort)
: > "$out.tmp"
for c in $classes; do
  grep -h -F "$c | " "$listing"/*.txt | awk -F' [|] ' -v c="$c" '$1 == c' >> "$out.tmp"
done
sort -u "$out.tmp" > "$out"
rm "$out.tmp"
echo "$(wc -l < "$out") lines for $(echo "$classes" | wc -w) classes -> $out"
