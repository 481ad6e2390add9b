#!/usr/bin/env bash
# Renders Parley's icon (parley.svg, drawn for Parley) at the sizes each platform wants.
# Run by hand when the drawing changes (needs ImageMagick and python3); the results are committed.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$here/../../.."
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
for size in 16 24 32 48 64 128 256 512 1024; do
    convert -background none -density $((72 * size * 2 / 512 + 72)) "$here/parley.svg" \
        -resize "${size}x${size}" "$work/p$size.png"
done
for size in 16 24 32 48 64 128 256; do
    cp "$work/p$size.png" "$root/desktop-client/src/main/resources/app/parley/desktop/app/icons/parley-$size.png"
done
cp "$work/p512.png" "$here/../package/linux/Parley.png"
convert "$work/p16.png" "$work/p24.png" "$work/p32.png" "$work/p48.png" "$work/p64.png" "$work/p256.png" \
    "$here/../package/windows/Parley.ico"
# An .icns is a header and one PNG per size under its four-letter type.
python3 - "$work" "$here/../package/macos/Parley.icns" <<'PY'
import struct, sys
work, out = sys.argv[1], sys.argv[2]
body = b""
for kind, size in [("icp4", 16), ("icp5", 32), ("icp6", 64), ("ic07", 128), ("ic08", 256), ("ic09", 512), ("ic10", 1024)]:
    png = open(f"{work}/p{size}.png", "rb").read()
    body += kind.encode() + struct.pack(">I", len(png) + 8) + png
open(out, "wb").write(b"icns" + struct.pack(">I", len(body) + 8) + body)
PY
