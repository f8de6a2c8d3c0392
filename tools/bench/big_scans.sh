#!/usr/bin/env bash
# Big-scan benchmarks, run by hand: tools/bench/big_scans.sh [BUILD_DIR]
#  1. frame time of a 20.9M-triangle street (35 instanced Venus copies) against one Venus, 1280x720
#  2. time to first image of `axisview render` (warm cache) against F3D on the same model and size
#     (F3D is optional: `apt-get install f3d`; Debian's 1.3 cannot read Draco, so igea.ply is used,
#     and it needs an X server: xvfb-run)
#  3. peak resident memory of `axisview render` on a big baked model against the cache's size
#     (a generated heightfield "scan" of GRID x GRID vertices, since no shared scan is that big:
#     AXIS_BENCH_GRID, default 1400 = 3.9M triangles; the process's fixed cost, shown by a 1k-triangle
#     bunny, weighs less the bigger the model: 4000 = 32M triangles, which takes minutes to bake)
#  4. frame time on igea.ply at 1280x720 against F3D. F3D 1.3 prints no frame time, so it plays
#     back a recorded drag (--interaction-test-play): every mouse move rotates the camera and
#     renders a frame, and (time with 200 moves - time with none) / 200 is its frame time.
# Caches go to $AXIS_CACHE_DIR (default /tmp/axis-bench-cache), never into ~/.cache.
set -euo pipefail
BUILD=${1:-build}
DATA=$(cd "$(dirname "$0")/../../.." && pwd)/shared/data
export AXIS_CACHE_DIR=${AXIS_CACHE_DIR:-/tmp/axis-bench-cache}
AXIS="$BUILD/axisview"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

echo "== 1. street of copies vs one scan (axis_bench_lod)"
"$BUILD/tools/bench/axis_bench_lod" "$DATA/venus-gltf-draco/venus.gltf" 35 5

echo "== 2. time to first image, 1280x720, igea.ply (warm cache)"
IGEA=$DATA/igea/igea.ply
"$AXIS" render "$IGEA" -o "$WORK/warm.png" 2>/dev/null  # Bakes once.
seconds() { /usr/bin/time -f "%e %M" "$@" 2>&1 >/dev/null | tail -1; }
read -r axisT axisM <<<"$(seconds "$AXIS" render "$IGEA" -o "$WORK/axis.png")"
if command -v f3d >/dev/null && command -v xvfb-run >/dev/null; then
    read -r f3dT f3dM <<<"$(seconds xvfb-run -a -s "-screen 0 1920x1080x24" f3d --output "$WORK/f3d.png" --resolution 1280,720 "$IGEA")"
    read -r xvfbT _ <<<"$(seconds xvfb-run -a -s "-screen 0 1920x1080x24" true)"
else
    f3dT=nan; f3dM=0; xvfbT=0
fi

echo "== 3. peak memory on a big baked model"
BIG=$WORK/heightfield.ply
GRID=${AXIS_BENCH_GRID:-1400}
python3 - "$BIG" "$GRID" <<'PY'
import math, struct, sys, array
n = int(sys.argv[2])
verts = array.array('f')
for j in range(n):
    for i in range(n):
        x, y = i / (n - 1) * 10.0, j / (n - 1) * 10.0
        verts.extend((x, y, 0.3 * math.sin(3 * x) * math.cos(2 * y) + 0.05 * math.sin(23 * x + 17 * y)))
pack = struct.Struct('<Biii').pack
with open(sys.argv[1], 'wb') as f:
    f.write(f"ply\nformat binary_little_endian 1.0\nelement vertex {n*n}\nproperty float x\nproperty float y\n"
            f"property float z\nelement face {2*(n-1)*(n-1)}\nproperty list uchar int vertex_indices\nend_header\n".encode())
    f.write(verts.tobytes())
    for j in range(n - 1):  # A row at a time: a 4000 grid's faces are 400 MB.
        row = bytearray()
        for i in range(n - 1):
            a = j * n + i
            row += pack(3, a, a + 1, a + n + 1)
            row += pack(3, a, a + n + 1, a + n)
        f.write(row)
PY
"$AXIS" render "$BIG" -o "$WORK/big.png" --up z 2>/dev/null  # Bakes once.
CACHE=$(ls -t "$AXIS_CACHE_DIR"/*.axbake | head -1)
cacheKB=$(( $(stat -c %s "$CACHE") / 1024 ))
read -r bigT bigM <<<"$(seconds "$AXIS" render "$BIG" -o "$WORK/big.png" --up z)"
read -r smallT smallM <<<"$(seconds "$AXIS" render "$DATA/stanford-bunny/bun_zipper_res4.ply" -o "$WORK/small.png")"

echo "== 4. frame time, igea 1280x720, vs F3D (200 camera drags played back)"
# axisview at its default 4x MSAA, and without anti-aliasing like F3D's default.
axisFrame=$("$BUILD/tools/bench/axis_bench_lod" "$IGEA" 1 20 4 2>/dev/null | awk '/^single \(1 px\)/ {print $4}')
axisFrame1=$("$BUILD/tools/bench/axis_bench_lod" "$IGEA" 1 20 1 2>/dev/null | awk '/^single \(1 px\)/ {print $4}')
drag() {  # A VTK interaction log: press, $1 mouse moves (each a rotation and a render), release.
    printf '# StreamVersion 1.1\nExposeEvent 0 719 0 0 0 0 0\nLeftButtonPressEvent 640 360 0 0 0 0 0\n'
    for ((i = 0; i < $1; i++)); do printf 'MouseMoveEvent %d 360 0 0 0 0 0\n' $((640 + (i % 100) * 2)); done
    printf 'LeftButtonReleaseEvent 640 360 0 0 0 0 0\n'
}
if command -v f3d >/dev/null && command -v xvfb-run >/dev/null; then
    drag 0 >"$WORK/drag0.log"
    drag 200 >"$WORK/drag200.log"
    f3dDrag() { seconds xvfb-run -a -s "-screen 0 1920x1080x24" f3d --resolution 1280,720 --output "$WORK/f3d-drag.png" \
                    --interaction-test-play "$1" "$IGEA" | cut -d' ' -f1; }
    f3dFrame=$(python3 -c "print(($(f3dDrag "$WORK/drag200.log") - $(f3dDrag "$WORK/drag0.log")) / 200 * 1000)")
else
    f3dFrame=nan
fi

echo
printf '%-48s %12s %12s %8s\n' "measure" "axisview" "reference" "ratio"
printf '%-48s %11.2fs %11.2fs %8.2f\n' "time to first image, igea 1280x720 (vs f3d)" "$axisT" "$f3dT" \
    "$(python3 -c "print($axisT / max($f3dT - $xvfbT, 1e-9))" 2>/dev/null || echo nan)"
printf '%-48s %11.2fs\n' "  (xvfb-run alone, subtracted from f3d)" "$xvfbT"
printf '%-48s %10dMB %10dMB %8.2f\n' "peak RSS, igea (vs f3d)" $((axisM / 1024)) $((f3dM / 1024)) \
    "$(python3 -c "print($axisM / max($f3dM, 1))")"
printf '%-48s %10dMB %10dMB %8.2f\n' "peak RSS, $(python3 -c "print(f'{2 * ($GRID - 1) ** 2 / 1e6:.1f}')")M-tri heightfield vs its cache" $((bigM / 1024)) $((cacheKB / 1024)) \
    "$(python3 -c "print($bigM / $cacheKB)")"
printf '%-48s %10dMB\n' "  (process floor: a 1k-triangle bunny)" $((smallM / 1024))
printf '%-48s %10dMB %10dMB %8.2f\n' "  the same above the floor (what the model adds)" $(((bigM - smallM) / 1024)) $((cacheKB / 1024)) \
    "$(python3 -c "print(($bigM - $smallM) / $cacheKB)")"
printf '%-48s %10.1fms %10.1fms %8.2f\n' "frame time, igea 1280x720, no AA like f3d's" "$axisFrame1" "$f3dFrame" \
    "$(python3 -c "print($axisFrame1 / $f3dFrame)" 2>/dev/null || echo nan)"
printf '%-48s %10.1fms %10.1fms %8.2f\n' "  the same with axisview's 4x MSAA" "$axisFrame" "$f3dFrame" \
    "$(python3 -c "print($axisFrame / $f3dFrame)" 2>/dev/null || echo nan)"
