"""Read and write 8-bit RGB/RGBA PNGs with the standard library only.

Enough for the browser test (is a screenshot blank or one colour?) and for
cropping the README screenshot; not a general PNG library (no palettes, no
interlacing, no 16-bit channels).
"""

import struct
import zlib

SIGNATURE = b"\x89PNG\r\n\x1a\n"


def _chunks(data):
    if not data.startswith(SIGNATURE):
        raise ValueError("not a PNG")
    pos = len(SIGNATURE)
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind = data[pos + 4 : pos + 8]
        yield kind, data[pos + 8 : pos + 8 + length]
        pos += 12 + length


def _paeth(a, b, c):
    p = a + b - c
    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
    if pa <= pb and pa <= pc:
        return a
    return b if pb <= pc else c


def read(path):
    """Return (width, height, channels, rows): rows are bytes, one per line."""
    with open(path, "rb") as f:
        data = f.read()
    idat = b""
    width = height = channels = None
    for kind, body in _chunks(data):
        if kind == b"IHDR":
            width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", body)
            if depth != 8 or colour not in (2, 6) or interlace:
                raise ValueError(f"unsupported PNG: depth {depth}, colour type {colour}")
            channels = 3 if colour == 2 else 4
        elif kind == b"IDAT":
            idat += body
    raw = zlib.decompress(idat)
    stride = width * channels
    rows = []
    prev = bytearray(stride)
    pos = 0
    for _ in range(height):
        kind = raw[pos]
        line = bytearray(raw[pos + 1 : pos + 1 + stride])
        pos += 1 + stride
        for i in range(stride):
            a = line[i - channels] if i >= channels else 0
            b = prev[i]
            c = prev[i - channels] if i >= channels else 0
            if kind == 1:
                line[i] = (line[i] + a) & 255
            elif kind == 2:
                line[i] = (line[i] + b) & 255
            elif kind == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif kind == 4:
                line[i] = (line[i] + _paeth(a, b, c)) & 255
        rows.append(bytes(line))
        prev = line
    return width, height, channels, rows


def write(path, width, height, channels, rows):
    """Write rows (bytes, `width * channels` each) as a PNG."""

    def chunk(kind, body):
        crc = zlib.crc32(kind + body) & 0xFFFFFFFF
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", crc)

    colour = 2 if channels == 3 else 6
    header = struct.pack(">IIBBBBB", width, height, 8, colour, 0, 0, 0)
    raw = b"".join(b"\x00" + r for r in rows)
    with open(path, "wb") as f:
        f.write(SIGNATURE)
        f.write(chunk(b"IHDR", header))
        f.write(chunk(b"IDAT", zlib.compress(raw, 9)))
        f.write(chunk(b"IEND", b""))


def colours(rows, channels, step=7):
    """The distinct pixel colours, sampling every `step`th pixel of every `step`th row."""
    seen = set()
    for r in rows[::step]:
        for i in range(0, len(r), channels * step):
            seen.add(r[i : i + 3])
    return seen


if __name__ == "__main__":
    import sys

    # python3 png.py crop IN OUT X Y W H
    if len(sys.argv) == 8 and sys.argv[1] == "crop":
        src, dst = sys.argv[2], sys.argv[3]
        x, y, w, h = (int(v) for v in sys.argv[4:])
        width, height, ch, rows = read(src)
        w, h = min(w, width - x), min(h, height - y)
        write(dst, w, h, ch, [r[x * ch : (x + w) * ch] for r in rows[y : y + h]])
    else:
        sys.exit("usage: png.py crop IN OUT X Y W H")
