#!/bin/sh
# Opens each built-in's HTML reports in headless Chromium, saves a screenshot of each, and fails on a
# console message (an error, a blocked fetch, a refused script), a chart without marks or without size,
# a route label of a flow diagram that overlaps another or a node (as the browser measures the text),
# or a blank page. Skips, saying so, when Chromium is not installed (Debian: apt-get install chromium).
#
#   scripts/check-html.sh [OUTPUT-DIR]       (default: target/html-check)
#
# The pages are the cohort (simulate) and trial (trial) reports of every built-in; aall1121's design is
# phase 1-2, so its escalation (escalate --protocol aall1121) stands in for its trial report; and the
# exploration of examples/sweeps/two-arm-events.yaml. The check
# runs on a copy of each page with a small script added before </body> (and the page's
# Content-Security-Policy widened to let that one inline script run): it logs "check-html: ok N" when
# every chart has marks and a size, no flow label overlaps, and the page has text, and "check-html: FAIL ..." otherwise. Chromium
# logs every console message, and any message but the "ok" line fails the check.
set -eu
cd "$(dirname "$0")/.."
out=${1:-target/html-check}
browser=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$browser" ]; then
    echo "check-html: skipped: chromium is not installed (apt-get install chromium)"
    exit 0
fi
mkdir -p "$out"
out=$(cd "$out" && pwd)

check='<script>
(function () {
  var problems = [];
  var charts = document.querySelectorAll("svg.chart");
  if (document.body.innerText.trim().length < 200) problems.push("the page has almost no text");
  if (charts.length === 0) problems.push("the page has no chart");
  charts.forEach(function (c) {
    var box = c.getBoundingClientRect();
    if (!(box.width > 50 && box.height > 50)) problems.push("chart " + c.id + " has no size");
    if (!(Number(c.getAttribute("data-marks")) > 0) || c.querySelectorAll(".mark").length === 0) problems.push("chart " + c.id + " is empty");
  });
  // no route label of a flow diagram overlaps another or a node, as the browser measures the text
  document.querySelectorAll("svg.flow").forEach(function (f) {
    var labels = Array.prototype.map.call(f.querySelectorAll("text.edge-label"), function (t) { return t.getBBox(); });
    var nodes = Array.prototype.map.call(f.querySelectorAll(".node rect"), function (r) { return r.getBBox(); });
    var over = function (a, b) { return a.x < b.x + b.width - 0.5 && b.x < a.x + a.width - 0.5 && a.y < b.y + b.height - 0.5 && b.y < a.y + a.height - 0.5; };
    labels.forEach(function (a, i) {
      labels.slice(i + 1).forEach(function (b, j) { if (over(a, b)) problems.push("flow " + f.id + ": labels " + i + " and " + (i + 1 + j) + " overlap"); });
      nodes.forEach(function (n, j) { if (over(a, n)) problems.push("flow " + f.id + ": label " + i + " overlaps node " + j); });
    });
  });
  console.log(problems.length === 0 ? "check-html: ok " + charts.length + " charts" : "check-html: FAIL " + problems.join("; "));
})();
</script>'

failed=0
page() { # name, then the trialsim command that writes the page
    name=$1
    shift
    if ! ./trialsim "$@" --format html --out "$out/$name.html" 2>"$out/$name.err"; then
        echo "check-html: $name: trialsim $* failed:"; cat "$out/$name.err"; failed=1; return
    fi
    # the copy that is checked: the page's policy widened for the one inline script, the script added
    sed -e "s/default-src 'none';/default-src 'none'; script-src 'unsafe-inline';/" "$out/$name.html" \
        | awk -v check="$check" '/<\/body>/ { print check } { print }' > "$out/$name.check.html"
    "$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --enable-logging=stderr --v=0 \
        --virtual-time-budget=5000 --window-size=1280,2400 --screenshot="$out/$name.png" \
        "file://$out/$name.check.html" >"$out/$name.log" 2>&1 || true
    console=$(grep 'CONSOLE' "$out/$name.log" || true)
    if ! echo "$console" | grep -q '"check-html: ok'; then
        echo "check-html: $name: FAILED: ${console:-no console line (the check did not run)}"; failed=1
    elif [ "$(echo "$console" | grep -vc '"check-html: ok')" -ne 0 ]; then
        echo "check-html: $name: FAILED: console messages:"; echo "$console" | grep -v '"check-html: ok'; failed=1
    elif [ ! -s "$out/$name.png" ] || [ "$(wc -c < "$out/$name.png")" -lt 20000 ]; then
        echo "check-html: $name: FAILED: the screenshot is blank or missing"; failed=1
    else
        echo "check-html: $name: $(echo "$console" | sed 's/.*"check-html: \([^"]*\)".*/\1/')"
    fi
}

for id in interfant-21 interfant-06-blina aall1331 aall1121 cccg-blina-d19; do
    page "simulate-$id" simulate "$id" -n 20000 -q
    if [ "$id" = aall1121 ]; then
        page "escalate-$id" escalate --protocol "$id" --replicates 2000
    else
        page "trial-$id" trial "$id" -r 400 -q
    fi
done
page explore-two-arm-events explore examples/sweeps/two-arm-events.yaml -r 300 -q
[ "$failed" -eq 0 ] && echo "check-html: every page passed; screenshots in $out" || { echo "check-html: some pages failed (logs in $out)"; exit 1; }
