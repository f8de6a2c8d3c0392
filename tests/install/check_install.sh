#!/usr/bin/env bash
# check_install.sh CMAKE BUILD_DIR SCRATCH: installs BUILD_DIR into SCRATCH/prefix and checks the
# installed tree works without the build tree's files. Exit 77 (skipped): no Vulkan device.
set -euo pipefail
cmake=$1 build=$2 scratch=$3
prefix=$scratch/prefix

fail() {
  echo "check_install: $*" >&2
  exit 1
}

# A failed earlier run may have left share/ read-only.
[ -d "$scratch" ] && chmod -R u+w "$scratch"
rm -rf "$scratch"
mkdir -p "$scratch/cache" "$scratch/run"
"$cmake" --install "$build" --prefix "$prefix" >"$scratch/install.log" 2>&1 ||
  fail "cmake --install failed: $(cat "$scratch/install.log")"

axisview=$prefix/bin/axisview
site=$prefix/share/axisview/demo/central-axis.site.json
[ -x "$axisview" ] || fail "no $axisview"
version=$("$axisview" --version)
[[ $version =~ ^axisview\ [0-9]+\.[0-9]+\.[0-9]+\ \(commit\ [^\)]+\)$ ]] || fail "--version printed '$version'"
[ -f "$site" ] || fail "no $site"
[ -f "$prefix/share/axisview/demo/central-axis.pois.json" ] || fail "no POI file beside the demo site"
ls "$prefix/share/axisview/demo/models/"*.glb >/dev/null || fail "no demo models"
for lang in en zh-Hans zh-Hant ja; do
  grep -q "\"language\": \"$lang\"" "$prefix/share/axisview/i18n/$lang.json" || fail "no UI strings for $lang"
done

man=$prefix/share/man/man1/axisview.1.gz
[ "$(head -c 2 "$man" | od -An -tx1 | tr -d ' \n')" = 1f8b ] || fail "$man is not gzip"
gzip -t "$man" || fail "$man is corrupt"
page=$(gzip -dc "$man")
grep -q '^\.TH AXISVIEW 1 ' <<<"$page" || fail "$man has no .TH header"
for command in info render record bake poi "poi export" "poi import"; do
  grep -q "^\.SS \"axisview $command\"" <<<"$page" || fail "$man lacks the $command command"
done

desktop=$prefix/share/applications/axisview.desktop
grep -qx 'Exec=axisview %f' "$desktop" || fail "$desktop lacks Exec=axisview %f"
grep -qx 'Icon=axisview' "$desktop" || fail "$desktop lacks Icon=axisview"
[ -f "$prefix/share/icons/hicolor/scalable/apps/axisview.svg" ] || fail "no icon"

unit=$prefix/lib/systemd/user/axisview-kiosk.service
grep -qx "ExecStart=$axisview --kiosk $site" "$unit" ||
  fail "$unit does not start $axisview on $site: $(grep ExecStart "$unit")"
grep -qx 'WantedBy=graphical-session.target' "$unit" || fail "$unit is not wanted by graphical-session.target"

# Render the installed site with share/ read-only, from a folder of our own, the bake cache in
# XDG_CACHE_HOME. chmod stops an ordinary user; root ignores it, so the tree's listing (sizes,
# times) before and after shows that nothing was written beside the site either way.
snapshot() { find "$prefix/share" -printf '%p %s %T@\n' | sort; }
before=$(snapshot)
chmod -R a-w "$prefix/share"
trap 'chmod -R u+w "$prefix/share"' EXIT
png=$scratch/x.png
set +e
(cd "$scratch/run" &&
  env -u AXIS_CACHE_DIR -u AXIS_DEMO_SITE -u AXIS_NO_CACHE XDG_CACHE_HOME="$scratch/cache" AXIS_VALIDATION=1 \
    VK_LOADER_DEBUG=none "$axisview" render "$site" -o "$png" --size 160x90) >"$scratch/render.log" 2>&1
status=$?
set -e
if [ $status -ne 0 ]; then
  grep -q 'no Vulkan' "$scratch/render.log" && { echo "skipped: no Vulkan device" >&2; exit 77; }
  fail "render exited $status: $(cat "$scratch/render.log")"
fi
[ "$(head -c 8 "$png" | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a ] || fail "$png is not a PNG"
ls "$scratch/cache/axisview/"*.axbake >/dev/null 2>&1 || fail "no bake cache in \$XDG_CACHE_HOME/axisview"
[ "$(snapshot)" = "$before" ] || fail "the render changed share/: $(diff <(echo "$before") <(snapshot))"
echo "installed tree in $prefix works"
