export const ICO_SIZES: number[];
export const ICNS_TYPES: [string, number][];
export function toIco(pngs: Map<number, Buffer>): Buffer;
export function toIcns(pngs: Map<number, Buffer>): Buffer;
