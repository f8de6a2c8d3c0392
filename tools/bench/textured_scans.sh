#!/usr/bin/env bash
# Textured photogrammetry benchmarks (issue 14, item 6), run by hand: tools/bench/textured_scans.sh [BUILD_DIR]
# Two inputs, built into a temporary folder:
#   scan    axis_make_textured_scan: 1.1M triangles in 1000 meshes over 40 JPEG atlases of 4096 x 4096
#           (the shape of a real photogrammetry export; ~3 MB per atlas)
#   legion  axis_merge_tiles of ../shared/data/legion-of-honor-3dtiles/mesh_tiles/2 (Matterport, 140k
#           triangles, 8 atlases of 4096 x 4096) as one plain glTF, since neither Assimp nor F3D 1.3
#           reads its Draco and KTX2; skipped when the data is not there
# and for each:
#   1. cold `axisview bake FILE --force` (seconds, peak RSS) against Assimp's import of the same file
#      (axis_bench_assimp: ReadFile with the engine's flags; Assimp decodes no image, the bake does)
#   2. the bake cache's size against the source's (gltf + bin + jpgs)
#   3. warm `axisview render` at 1280x720 against F3D 1.3's first image (optional: `apt-get install
#      f3d`; it needs an X server: xvfb-run, whose start-up is subtracted)
#   4. `axisview record` of the input's 10 s path at 1280x720, 30 fps (seconds, peak RSS), against
#      real time
#   5. the 1080p export rate of 30 frames of that path against render-only and encode-only
#      (axis_bench_record)
# Caches go to $AXIS_CACHE_DIR (default /tmp/axis-bench-cache-textured), never into ~/.cache; this
# run's caches belong to temporary sources and are removed with them.
set -euo pipefail
BUILD=${1:-build}
DATA=$(cd "$(dirname "$0")/../../.." && pwd)/shared/data
export AXIS_CACHE_DIR=${AXIS_CACHE_DIR:-/tmp/axis-bench-cache-textured}
AXIS="$BUILD/axisview"
BENCH="$BUILD/tools/bench"
for tool in "$AXIS" "$BENCH/axis_make_textured_scan" "$BENCH/axis_merge_tiles" "$BENCH/axis_bench_assimp" \
            "$BENCH/axis_bench_record"; do
    if [[ ! -x $tool ]]; then
        echo "textured_scans.sh: no $tool; build it: cmake --build $BUILD --target axisview" \
             "axis_make_textured_scan axis_merge_tiles axis_bench_assimp axis_bench_record" >&2
        exit 2
    fi
done
WORK=$(mktemp -d)
CACHES=()
trap 'rm -rf "$WORK"; rm -f "${CACHES[@]}"' EXIT
HAVE_F3D=0
if command -v f3d >/dev/null && command -v xvfb-run >/dev/null; then HAVE_F3D=1; fi

# Runs a command under /usr/bin/time and prints "SECONDS PEAK_KB"; its stdout is kept in
# $WORK/stdout. A failure prints the command's last lines and fails.
measure() {
    if ! /usr/bin/time -o "$WORK/time" -f "%e %M" "$@" >"$WORK/stdout" 2>"$WORK/stderr"; then
        echo "textured_scans.sh: failed: $*" >&2
        tail -5 "$WORK/stderr" >&2
        return 1
    fi
    tail -1 "$WORK/time"
}
ratio() { python3 -c "import sys; a, b = map(float, sys.argv[1:]); print(f'{a / b:.2f}' if b > 0 else 'nan')" "$@"; }
bytes() { find "$1" -maxdepth 1 -type f ! -name '*.path.json' -printf '%s\n' | awk '{s += $1} END {print s}'; }

ROWS=()
# shellcheck disable=SC2059  # The format is the caller's, like printf's own.
row() { ROWS+=("$(printf "$@")"); }

# bench NAME DIR STEM: the four measures of DIR/STEM.gltf (path DIR/STEM.path.json), as table rows.
bench() {
    local name=$1 dir=$2 file=$2/$3.gltf path=$2/$3.path.json r
    echo "== $name: cold bake, against Assimp's import"
    r=$(measure "$AXIS" bake "$file" --force); read -r bakeT bakeM <<<"$r"
    local cache
    cache=$(awk '$1 == "cache:" {print $2}' "$WORK/stdout")
    CACHES+=("$cache")
    r=$(measure "$BENCH/axis_bench_assimp" "$file"); read -r _ assimpM <<<"$r"
    local assimpT
    assimpT=$(awk '$1 == "assimp_seconds" {print $2}' "$WORK/stdout")
    echo "== $name: warm render 1280x720, against F3D's first image"
    r=$(measure "$AXIS" render "$file" -o "$WORK/axis.png" --size 1280x720)
    read -r renderT renderM <<<"$r"
    local f3dT=nan f3dM=0
    if ((HAVE_F3D)); then
        if r=$(measure xvfb-run -a -s "-screen 0 1920x1080x24" f3d --output "$WORK/f3d.png" --resolution 1280,720 \
                   "$file"); then
            read -r f3dT f3dM <<<"$r"
            f3dT=$(python3 -c "print(max($f3dT - $XVFBT, 0))")
        fi
    fi
    echo "== $name: record 10 s at 1280x720, 30 fps"
    r=$(measure "$AXIS" record "$file" --path "$path" -o "$WORK/out.mp4" --size 1280x720)
    read -r recordT recordM <<<"$r"
    echo "== $name: 1080p export rate against render-only and encode-only (axis_bench_record)"
    measure "$BENCH/axis_bench_record" "$file" 30 1920x1080 medium "$path" >/dev/null
    local renderFps encodeFps combinedFps
    renderFps=$(awk '$1 == "render" {print $3}' "$WORK/stdout")
    encodeFps=$(awk '$1 == "encode" {print $3}' "$WORK/stdout")
    combinedFps=$(awk '$1 == "combined" && $2 != "/" {print $2}' "$WORK/stdout")

    local sourceB cacheB
    sourceB=$(bytes "$dir")
    cacheB=$(stat -c %s "$cache")
    row '%s' "$name"
    row '%-46s %11.2fs %11.2fs %8s' "  cold bake (vs assimp import)" "$bakeT" "$assimpT" \
        "$(ratio "$bakeT" "$assimpT")"
    row '%-46s %10dMB %10dMB %8s' "  peak RSS, bake (vs assimp import)" $((bakeM / 1024)) $((assimpM / 1024)) \
        "$(ratio "$bakeM" "$assimpM")"
    row '%-46s %10dMB %10dMB %8s' "  bake cache (vs source: gltf+bin+jpgs)" $((cacheB >> 20)) $((sourceB >> 20)) \
        "$(ratio "$cacheB" "$sourceB")"
    row '%-46s %11.2fs %11.2fs %8s' "  warm render 1280x720 (vs f3d first image)" "$renderT" "$f3dT" \
        "$(ratio "$renderT" "$f3dT")"
    row '%-46s %10dMB %10dMB %8s' "  peak RSS, render (vs f3d)" $((renderM / 1024)) $((f3dM / 1024)) \
        "$(ratio "$renderM" "$f3dM")"
    row '%-46s %11.2fs %11.2fs %8s' "  record 10 s, 1280x720 (vs real time)" "$recordT" 10 "$(ratio "$recordT" 10)"
    row '%-46s %10dMB' "  peak RSS, record" $((recordM / 1024))
    row '%-46s %9.2ffps %9.2ffps %8s' "  1080p export (vs min of render, encode only)" "$combinedFps" \
        "$(python3 -c "print(min($renderFps, $encodeFps))")" \
        "$(ratio "$combinedFps" "$(python3 -c "print(min($renderFps, $encodeFps))")")"
}

XVFBT=0
if ((HAVE_F3D)); then
    r=$(measure xvfb-run -a -s "-screen 0 1920x1080x24" true); read -r XVFBT _ <<<"$r"
fi

echo "== building the inputs in $WORK"
if ! "$BENCH/axis_make_textured_scan" "$WORK/scan" --atlases 40 --side 4096 --triangles 1100000 --meshes 1000 \
        2>"$WORK/gen.log"; then
    cat "$WORK/gen.log" >&2
    exit 1
fi
bench "scan: 1.1M triangles, 1000 meshes, 40 atlases 4096^2" "$WORK/scan" scan
rm -rf "$WORK/scan"  # Its 130 MB are not needed any more.

TILES=$DATA/legion-of-honor-3dtiles/mesh_tiles/2
if [[ -d $TILES ]]; then
    "$BENCH/axis_merge_tiles" "$TILES" "$WORK/legion" 2>"$WORK/merge.log" || { cat "$WORK/merge.log" >&2; exit 1; }
    bench "legion of honor level 2: 140k triangles, 8 atlases 4096^2" "$WORK/legion" merged
else
    echo "== legion of honor: skipped, no $TILES"
    row '%-46s %12s' "legion of honor level 2" "skipped"
fi

echo
printf '%-46s %12s %12s %8s\n' "measure" "axisview" "reference" "ratio"
printf '%s\n' "${ROWS[@]}"
printf '%-46s %11.2fs\n' "(xvfb-run alone, subtracted from f3d)" "$XVFBT"
((HAVE_F3D)) || echo "(f3d or xvfb-run missing: f3d columns are nan; apt-get install f3d)"
