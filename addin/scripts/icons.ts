/**
 * The ribbon and add-in icons, drawn in code and encoded as PNG at build time, so the repo
 * holds no binaries and every size is crisp: a blue rounded square with three rising white
 * bars (a score going up). Each pixel is supersampled 4×4 for smooth edges.
 */
import { crc32, deflateSync } from 'node:zlib';



function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** Encodes RGBA pixels (row-major, 4 bytes each) as a PNG file. */
export function encodePng(width: number, height: number, rgba: Uint8Array): Uint8Array {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type RGBA
  const raw = Buffer.alloc(height * (width * 4 + 1));
  for (let y = 0; y < height; y++) {
    raw[y * (width * 4 + 1)] = 0; // filter: none
    Buffer.from(rgba.buffer, rgba.byteOffset + y * width * 4, width * 4).copy(raw, y * (width * 4 + 1) + 1);
  }
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', deflateSync(raw)), chunk('IEND', new Uint8Array())]);
}

/** Coverage of the icon's shapes at a point in the unit square: 0 outside, 1 background, 2 bar. */
function shapeAt(x: number, y: number): 0 | 1 | 2 {
  const r = 0.18; // corner radius of the rounded square
  const cx = Math.min(Math.max(x, r), 1 - r);
  const cy = Math.min(Math.max(y, r), 1 - r);
  if ((x - cx) ** 2 + (y - cy) ** 2 > r * r) return 0;
  const bars = [
    { x0: 0.2, x1: 0.36, top: 0.58 },
    { x0: 0.42, x1: 0.58, top: 0.4 },
    { x0: 0.64, x1: 0.8, top: 0.2 },
  ];
  return bars.some((b) => x >= b.x0 && x < b.x1 && y >= b.top && y < 0.8) ? 2 : 1;
}

/** The icon at one size, as a PNG file. */
export function iconPng(size: number): Uint8Array {
  const blue = [0x15, 0x65, 0xc0];
  const white = [0xff, 0xff, 0xff];
  const rgba = new Uint8Array(size * size * 4);
  const ss = 4;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let inside = 0;
      let bar = 0;
      for (let sy = 0; sy < ss; sy++) {
        for (let sx = 0; sx < ss; sx++) {
          const s = shapeAt((px + (sx + 0.5) / ss) / size, (py + (sy + 0.5) / ss) / size);
          if (s > 0) inside++;
          if (s === 2) bar++;
        }
      }
      const i = (py * size + px) * 4;
      const w = inside === 0 ? 0 : bar / inside;
      for (let c = 0; c < 3; c++) rgba[i + c] = Math.round(blue[c] * (1 - w) + white[c] * w);
      rgba[i + 3] = Math.round((inside / (ss * ss)) * 255);
    }
  }
  return encodePng(size, size, rgba);
}

/** Sizes the manifest refers to (ribbon 16/32/80, IconUrl 32, HighResolutionIconUrl 64). */
export const ICON_SIZES = [16, 32, 64, 80] as const;
