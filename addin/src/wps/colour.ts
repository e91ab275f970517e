/**
 * Colours between the flow's "#RRGGBB" and ET's numbers. ET, like Excel's COM model, stores
 * a colour as BGR: R + G·256 + B·65536, so "#FF0000" (red) is 255, not 0xFF0000.
 */

/** "#FFC7CE" → 13551615. Throws a bilingual message on anything but "#RRGGBB". */
export function bgr(hex: string): number {
  const m = /^#?([0-9a-fA-F]{2})([0-9a-fA-F]{2})([0-9a-fA-F]{2})$/.exec(hex.trim());
  if (!m) throw new Error(`不是有效的颜色 / not a colour "#RRGGBB": "${hex}"`);
  const [r, g, b] = [m[1], m[2], m[3]].map((h) => parseInt(h, 16));
  return r + g * 256 + b * 65536;
}

/** 13551615 → "#FFC7CE"; for messages and tests. */
export function hexOfBgr(value: number): string {
  const r = value & 0xff;
  const g = (value >> 8) & 0xff;
  const b = (value >> 16) & 0xff;
  return `#${[r, g, b].map((n) => n.toString(16).padStart(2, '0').toUpperCase()).join('')}`;
}
