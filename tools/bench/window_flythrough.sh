#!/usr/bin/env bash
# The window while textures stream (issue 14), run by hand: tools/bench/window_flythrough.sh [BUILD_DIR]
# Builds the textured scan of textured_scans.sh (1.1M triangles, 40 JPEG atlases of 4096^2), bakes
# it, and flies through it in the window (`axisview SITE`) under xvfb-run with a scripted flight (fly mode,
# running forward, a turn, forward again, then still), writing --frame-log. Reports from the log and /usr/bin/time:
#   - peak RSS of the window over the whole flight (target <= 1.2 GB);
#   - the render thread's streaming time per drawn frame (loading pages, swapping texture levels
#     in): its maximum and the frames where it alone exceeded 100 ms (target: none);
#   - wall-clock seconds from the camera stopping until no visible texture waits for a finer
#     level (target <= 3 s), and the longest stretch of frames with one waiting, moving or not;
#   - the drawn frames' wall time (on lavapipe dominated by drawing itself, not streaming).
# FRAME_LOG_OUT=FILE keeps the frame log. The script's clock is fixed (1/60 s a step, a draw every 8 steps), so the flight is the same on
# every machine; the times measured are wall-clock.
set -euo pipefail
BUILD=${1:-build}
export AXIS_CACHE_DIR=${AXIS_CACHE_DIR:-/tmp/axis-bench-cache-textured}
AXIS="$BUILD/axisview"
MAKE_SCAN="$BUILD/tools/bench/axis_make_textured_scan"
for tool in "$AXIS" "$MAKE_SCAN"; do
    [[ -x $tool ]] || { echo "window_flythrough.sh: no $tool; build it first" >&2; exit 2; }
done
command -v xvfb-run >/dev/null || { echo "window_flythrough.sh: needs xvfb-run (apt-get install xvfb)" >&2; exit 2; }
WORK=$(mktemp -d)
CACHE=""
trap 'rm -rf "$WORK"; [[ -z $CACHE ]] || rm -f "$CACHE"' EXIT

echo "== building the scan in $WORK"
"$MAKE_SCAN" "$WORK/scan" --atlases 40 --side 4096 --triangles 1100000 --meshes 1000 2>"$WORK/gen.log" ||
    { cat "$WORK/gen.log" >&2; exit 1; }
"$AXIS" bake "$WORK/scan/scan.gltf" >"$WORK/bake.txt" 2>&1 || { cat "$WORK/bake.txt" >&2; exit 1; }
CACHE=$(awk '$1 == "cache:" {print $2}' "$WORK/bake.txt")

# The site starts where the scan's camera path starts: at its edge, looking in and down.
python3 - "$WORK/scan" <<'PY'
import json, sys
d = sys.argv[1]
k = json.load(open(f"{d}/scan.path.json"))["keyframes"][0]
site = {"format": "axisview-site", "version": "1.0", "name": {"en": "textured scan"},
        "models": [{"id": "scan", "source": "scan.gltf"}],
        "start": {"position": k["position"], "yaw": k["yaw"], "pitch": k["pitch"], "fov": k["fov"]}}
json.dump(site, open(f"{d}/scan.site.json", "w"), indent=2)
PY
cat >"$WORK/flight.txt" <<'SCRIPT'
key 2 tap
wait 1
key shift down
key w down
wait 6
key w up
drag 640 500 1000 500 1
key w down
wait 6
key w up
key shift up
wait 30
quit
SCRIPT

echo "== flying through it in the window (xvfb-run, 1280x720)"
/usr/bin/time -o "$WORK/time" -f "%e %M" xvfb-run -a -s "-screen 0 1920x1080x24" \
    "$AXIS" "$WORK/scan/scan.site.json" --size 1280x720 --script "$WORK/flight.txt" \
    --frame-log "$WORK/frames.csv" >"$WORK/view.txt" 2>&1 || { tail -20 "$WORK/view.txt" >&2; exit 1; }

python3 - "$WORK/frames.csv" "$WORK/time" <<'PY'
import csv, statistics, sys
rows = list(csv.DictReader(open(sys.argv[1])))
seconds, peak_kb = open(sys.argv[2]).read().split()
f = lambda r, k: float(r[k])
streaming = [f(r, "streaming_ms") for r in rows]
frame = [f(r, "frame_ms") for r in rows[1:]]
moved = [i for i, r in enumerate(rows) if r["camera_moved"] == "1"]
stop = moved[-1] if moved else 0
sharp = next((i for i in range(stop + 1, len(rows)) if rows[i]["textures_waiting"] == "0"), None)
print(f"{'drawn frames':46s} {len(rows):10d}")
print(f"{'window wall time (s)':46s} {float(seconds):10.1f}")
print(f"{'peak RSS, window (MB; target <= 1229)':46s} {int(peak_kb) // 1024:10d}")
print(f"{'peak texture levels resident (MiB)':46s} {max(f(r, 'texture_mib') for r in rows):10.1f}")
print(f"{'streaming per frame, max (ms)':46s} {max(streaming):10.1f}")
print(f"{'streaming per frame, median (ms)':46s} {statistics.median(streaming):10.1f}")
print(f"{'frames with streaming > 100 ms (target 0)':46s} {sum(s > 100 for s in streaming):10d}")
print(f"{'frame wall time, median / max (ms)':46s} {statistics.median(frame):10.1f} / {max(frame):.1f}")
if sharp is None:
    print(f"{'camera stopped -> all textures sharp (s)':46s} {'never':>10s}"
          f" ({rows[-1]['textures_waiting']} still waiting at the end)")
else:
    print(f"{'camera stopped -> all textures sharp (s)':46s} {f(rows[sharp], 'seconds') - f(rows[stop], 'seconds'):10.2f}")
longest, since = 0.0, None  # The longest stretch of frames with a texture waiting, moving or not.
for r in rows:
    if r["textures_waiting"] != "0":
        since = f(r, "seconds") if since is None else since
    elif since is not None:
        longest, since = max(longest, f(r, "seconds") - since), None
print(f"{'longest stretch with a texture waiting (s)':46s} {longest:10.2f}")
print("slowest streaming frames (frame: streaming ms / frame ms, textures waiting):")
for r in sorted(rows, key=lambda r: -f(r, "streaming_ms"))[:5]:
    print(f"  {r['frame']:>5s}: {r['streaming_ms']:>7s} / {r['frame_ms']:>7s}, {r['textures_waiting']}")
PY
[[ -z ${FRAME_LOG_OUT:-} ]] || cp "$WORK/frames.csv" "$FRAME_LOG_OUT"
