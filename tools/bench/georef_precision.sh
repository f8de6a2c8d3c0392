#!/usr/bin/env bash
# Does double precision cost frame time? (issue 15), run by hand: tools/bench/georef_precision.sh [BUILD_DIR]
# Builds one ground patch of 1M triangles (35 m square, 5 cm apart, 30 cm undulations) twice:
# at the origin in east-north-up, and at earth-centred coordinates in Beijing (doubles in the PLY),
# each in a site with the same start view. Bakes both, then renders each three times at
# 1280x720 and prints wall time, peak RSS and what the frame drew, and how many pixels differ.
set -euo pipefail
BUILD=${1:-build}
AXIS="$BUILD/axisview"
[[ -x $AXIS ]] || { echo "georef_precision.sh: no $AXIS; build it first" >&2; exit 2; }
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
export AXIS_CACHE_DIR="$WORK/cache"

python3 - "$WORK" <<'PY'
import math, struct, sys
work = sys.argv[1]
lat, lon, h = 39.9163, 116.3972, 48.0
a, f = 6378137.0, 1 / 298.257223563
e2 = f * (2 - f)
la, lo = math.radians(lat), math.radians(lon)
n_ = a / math.sqrt(1 - e2 * math.sin(la) ** 2)
origin = ((n_ + h) * math.cos(la) * math.cos(lo), (n_ + h) * math.cos(la) * math.sin(lo), (n_ * (1 - e2) + h) * math.sin(la))
east = (-math.sin(lo), math.cos(lo), 0.0)
north = (-math.sin(la) * math.cos(lo), -math.sin(la) * math.sin(lo), math.cos(la))
up = (math.cos(la) * math.cos(lo), math.cos(la) * math.sin(lo), math.sin(la))
n = 708
pts = [(x * 0.05, y * 0.05, 0.3 * math.sin(x * 0.05) * math.cos(y * 0.07)) for y in range(n) for x in range(n)]
c = [sum(p[k] for p in pts) / len(pts) for k in range(3)]
pts = [(p[0] - c[0], p[1] - c[1], p[2] - c[2]) for p in pts]
faces = []
for y in range(n - 1):
    for x in range(n - 1):
        i = y * n + x
        faces += [(i, i + 1, i + n + 1), (i, i + n + 1, i + n)]
def write(name, positions):
    out = bytearray(("ply\nformat binary_little_endian 1.0\nelement vertex %d\nproperty double x\nproperty double y\n"
                     "property double z\nproperty uchar red\nproperty uchar green\nproperty uchar blue\nelement face %d\n"
                     "property list uchar int vertex_indices\nend_header\n" % (len(positions), len(faces))).encode())
    for i, p in enumerate(positions):
        out += struct.pack("<dddBBB", *p, (40 + (i % n) // 3) % 256, (80 + (i // n) // 3) % 256, 150)
    for face in faces:
        out += struct.pack("<Biii", 3, *face)
    open(f"{work}/{name}.ply", "wb").write(out)
    open(f"{work}/{name}.site.json", "w").write(
        '{"format":"axisview-site","version":"1.0","name":{"en":"%s"},"models":[{"id":"g","source":"%s.ply","up":"z"}],'
        '"start":{"position":[0,-20,6],"yaw":0,"pitch":-20,"fov":60}}' % (name, name))
write("local", pts)
write("ecef", [tuple(origin[k] + east[k] * p[0] + north[k] * p[1] + up[k] * p[2] for k in range(3)) for p in pts])
PY

for site in local ecef; do  # Bakes each (the site's "up" is part of the cache's key).
    "$AXIS" render "$WORK/$site.site.json" --view start --size 64x36 -o "$WORK/warm.png" >/dev/null 2>&1
done
for round in 1 2 3; do
    for site in local ecef; do
        /usr/bin/time -o "$WORK/time" -f "%e %M" "$AXIS" render "$WORK/$site.site.json" --view start --size 1280x720 \
            -o "$WORK/$site.png" --stats >"$WORK/out" 2>&1
        read -r seconds kb <"$WORK/time"
        printf '%-6s round %d: %5.2f s, %4d MB, %s\n' "$site" "$round" "$seconds" $((kb / 1024)) \
            "$(grep -o 'drew [0-9]* triangles' "$WORK/out")"
    done
done
python3 - "$WORK/local.png" "$WORK/ecef.png" <<'PY'
import struct, sys, zlib
def pixels(path):  # 8-bit RGB(A) PNG, any filter
    d = open(path, "rb").read(); i = 8; idat = b""
    while i < len(d):
        n = struct.unpack(">I", d[i:i + 4])[0]; kind = d[i + 4:i + 8]; body = d[i + 8:i + 8 + n]
        if kind == b"IHDR": w, h, _, colour = struct.unpack(">IIBB", body[:10])
        if kind == b"IDAT": idat += body
        i += 12 + n
    raw = zlib.decompress(idat); bpp = 4 if colour == 6 else 3; stride = w * bpp
    out = bytearray(); prev = bytearray(stride); p = 0
    for _ in range(h):
        f = raw[p]; p += 1; line = bytearray(raw[p:p + stride]); p += stride
        for x in range(stride):
            a = line[x - bpp] if x >= bpp else 0; b = prev[x]; c = prev[x - bpp] if x >= bpp else 0
            if f == 1: line[x] = (line[x] + a) & 255
            elif f == 2: line[x] = (line[x] + b) & 255
            elif f == 3: line[x] = (line[x] + (a + b) // 2) & 255
            elif f == 4:
                q = a + b - c; pa, pb, pc = abs(q - a), abs(q - b), abs(q - c)
                line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        out += line; prev = line
    return w * h, bpp, out
count, bpp, a = pixels(sys.argv[1]); _, _, b = pixels(sys.argv[2])
differ = sum(1 for i in range(0, len(a), bpp) if max(abs(a[i + k] - b[i + k]) for k in range(3)) > 24)
print(f"pixels differing by more than 24: {differ} of {count} ({100 * differ / count:.2f}%)")
PY
