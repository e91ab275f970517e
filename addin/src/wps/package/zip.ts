/**
 * A minimal .zip writer for the offline WPS package, so that the build makes the archive
 * with nothing to download or install (WPS's own tooling wants a 7-Zip binary). Entries are
 * stored, not compressed: the archive is a carrier for IT staff, who unpack it with
 * Windows Explorer, `Expand-Archive` or `unzip`, and simplicity beats a few megabytes.
 * Names are UTF-8 (general purpose flag bit 11), so Chinese file names survive too.
 */
import { crc32 } from 'node:zlib';

export interface ZipEntry {
  /** Path inside the archive, with "/" separators; a trailing "/" makes a folder. */
  path: string;
  data: Uint8Array;
  /** Unix permission bits (e.g. 0o755 for the shell scripts); default 0o644. */
  mode?: number;
}



/** A fixed timestamp (2024-01-01 00:00) so that the same inputs give the same archive. */
const DOS_TIME = 0;
const DOS_DATE = ((2024 - 1980) << 9) | (1 << 5) | 1;

class Bytes {
  private readonly parts: Uint8Array[] = [];
  length = 0;
  push(part: Uint8Array): void {
    this.parts.push(part);
    this.length += part.length;
  }
  header(fields: Array<[number, 2 | 4]>): void {
    const out = new Uint8Array(fields.reduce((n, [, size]) => n + size, 0));
    const view = new DataView(out.buffer);
    let at = 0;
    for (const [value, size] of fields) {
      if (size === 2) view.setUint16(at, value, true);
      else view.setUint32(at, value >>> 0, true);
      at += size;
    }
    this.push(out);
  }
  concat(): Uint8Array {
    const out = new Uint8Array(this.length);
    let at = 0;
    for (const part of this.parts) {
      out.set(part, at);
      at += part.length;
    }
    return out;
  }
}

/** The archive's bytes. */
export function zip(entries: ZipEntry[]): Uint8Array {
  const encoder = new TextEncoder();
  const body = new Bytes();
  const directory = new Bytes();
  for (const entry of entries) {
    const name = encoder.encode(entry.path);
    const crc = crc32(entry.data);
    const size = entry.data.length;
    const offset = body.length;
    const isFolder = entry.path.endsWith('/');
    // Local file header: signature, version 2.0, UTF-8 names, stored, time, date, crc, sizes.
    body.header([[0x04034b50, 4], [20, 2], [0x0800, 2], [0, 2], [DOS_TIME, 2], [DOS_DATE, 2], [crc, 4], [size, 4], [size, 4], [name.length, 2], [0, 2]]);
    body.push(name);
    body.push(entry.data);
    // Central directory header, made by Unix (3) so that the permission bits are kept.
    const mode = (isFolder ? 0o040000 : 0o100000) | (entry.mode ?? (isFolder ? 0o755 : 0o644));
    directory.header([
      [0x02014b50, 4], [(3 << 8) | 20, 2], [20, 2], [0x0800, 2], [0, 2], [DOS_TIME, 2], [DOS_DATE, 2],
      [crc, 4], [size, 4], [size, 4], [name.length, 2], [0, 2], [0, 2], [0, 2], [0, 2],
      [(mode << 16) | (isFolder ? 0x10 : 0), 4], [offset, 4],
    ]);
    directory.push(name);
  }
  const end = new Bytes();
  end.header([[0x06054b50, 4], [0, 2], [0, 2], [entries.length, 2], [entries.length, 2], [directory.length, 4], [body.length, 4], [0, 2]]);
  const all = new Bytes();
  all.push(body.concat());
  all.push(directory.concat());
  all.push(end.concat());
  return all.concat();
}
