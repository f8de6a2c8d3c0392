#!/usr/bin/env bash
# A tileset's first frame (issue 15, performance), run by hand: tools/bench/tileset_first_frame.sh [BUILD_DIR]
# On ../shared/data/legion-of-honor-3dtiles (a Matterport museum interior, levels 0-2; skipped when
# absent), `axisview render` at 1280x720 of
#   tileset  mesh_tiles/tileset.json, streamed: only the tiles the view selects are opened
#   merged   level 2 merged into one plain glTF (axis_merge_tiles): the whole scan opened at once
# each cold (empty bake cache: what a first open costs) and warm (caches written), seconds and peak
# RSS, from two views: the framed interior (--view 30,35) and from afar (--view 30,35,6: the view
# needs coarse tiles only). The tiles a run opened are counted from its "baking" lines (cold). F3D
# 1.3 on the merged glTF is the reference when installed (xvfb-run's own start-up subtracted).
# Caches go to a temporary $AXIS_CACHE_DIR, removed at the end.
set -euo pipefail
BUILD=${1:-build}
DATA=$(cd "$(dirname "$0")/../../.." && pwd)/shared/data
TILESET=$DATA/legion-of-honor-3dtiles/mesh_tiles/tileset.json
AXIS="$BUILD/axisview"
MERGE="$BUILD/tools/bench/axis_merge_tiles"
for tool in "$AXIS" "$MERGE"; do
    if [[ ! -x $tool ]]; then
        echo "tileset_first_frame.sh: no $tool; build it: cmake --build $BUILD --target axisview axis_merge_tiles" >&2
        exit 2
    fi
done
if [[ ! -f $TILESET ]]; then
    echo "tileset_first_frame.sh: $TILESET is absent; nothing to measure" >&2
    exit 0
fi
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
export AXIS_CACHE_DIR=$WORK/cache

measure() {
    if ! /usr/bin/time -o "$WORK/time" -f "%e %M" "$@" >"$WORK/stdout" 2>"$WORK/stderr"; then
        echo "tileset_first_frame.sh: failed: $*" >&2
        tail -5 "$WORK/stderr" >&2
        return 1
    fi
    tail -1 "$WORK/time"
}

"$MERGE" "$(dirname "$TILESET")/2" "$WORK/merged" 2>"$WORK/merge.log" || { cat "$WORK/merge.log" >&2; exit 1; }

printf '%-34s %9s %10s %7s\n' "run (1280x720)" "seconds" "peak MB" "tiles"
for view in 30,35 30,35,6; do
    for input in "tileset:$TILESET" "merged:$WORK/merged/merged.gltf"; do
        name=${input%%:*} file=${input#*:}
        rm -rf "$AXIS_CACHE_DIR"
        for state in cold warm; do
            r=$(measure "$AXIS" render "$file" -o "$WORK/$name.png" --size 1280x720 --view "$view")
            read -r t kb <<<"$r"
            tiles=$(grep -c "baking" "$WORK/stderr" || true)
            [[ $state == warm ]] && tiles=-
            printf '%-34s %9.2f %10.0f %7s\n' "$name $state, view $view" "$t" "$((kb / 1024))" "$tiles"
        done
    done
done
if command -v f3d >/dev/null && command -v xvfb-run >/dev/null; then
    r=$(measure xvfb-run -a -s "-screen 0 1920x1080x24" true); read -r xvfb _ <<<"$r"
    r=$(measure xvfb-run -a -s "-screen 0 1920x1080x24" f3d --output "$WORK/f3d.png" --resolution 1280,720 \
            "$WORK/merged/merged.gltf")
    read -r t kb <<<"$r"
    printf '%-34s %9.2f %10.0f %7s\n' "F3D 1.3, merged glTF" "$(python3 -c "print(max($t - $xvfb, 0))")" "$((kb / 1024))" -
fi
