/**
 * The file row where each deltagande id (a UUID) was first seen, for the duplicates within one
 * file. An open-addressing table over the ids' 128 bits: 20 bytes a row at most twice over,
 * where a Map of the ids' strings takes some 150 — at 400,000 rows 16 MB instead of 60.
 * Exact: ids are compared whole, never by a part of their hash.
 */
export class SeddaRader {
  /** Four 32-bit words of the id per slot. */
  private ider = new Uint32Array(4 * 1024);
  /** The file's row per slot; 0 marks a free slot (data rows begin at 2). */
  private rader = new Int32Array(1024);
  private antal = 0;

  get size(): number {
    return this.antal;
  }

  /** The row the id was first seen on; else records it on `rad` (≥ 1) and returns undefined. */
  forstaEllerLagg(id: string, rad: number): number | undefined {
    if (!Number.isInteger(rad) || rad < 1) throw new RangeError(`row ${rad}`);
    const ord = orden(id);
    const hittad = this.plats(ord);
    if (this.rader[hittad] !== 0) return this.rader[hittad];
    this.ider.set(ord, hittad * 4);
    this.rader[hittad] = rad;
    if (++this.antal * 2 > this.rader.length) this.vaxa();
    return undefined;
  }

  /** The id's slot, or the free slot where it belongs. */
  private plats(ord: Uint32Array): number {
    const mask = this.rader.length - 1;
    // The ids are SHA-1 based (version 5) or random: any of their words is a good hash.
    for (let i = (ord[0]! ^ ord[3]!) & mask; ; i = (i + 1) & mask) {
      if (this.rader[i] === 0) return i;
      const b = i * 4;
      if (
        this.ider[b] === ord[0] &&
        this.ider[b + 1] === ord[1] &&
        this.ider[b + 2] === ord[2] &&
        this.ider[b + 3] === ord[3]
      )
        return i;
    }
  }

  private vaxa(): void {
    const { ider, rader } = this;
    this.ider = new Uint32Array(ider.length * 2);
    this.rader = new Int32Array(rader.length * 2);
    for (let i = 0; i < rader.length; i++) {
      if (rader[i] === 0) continue;
      const ord = ider.subarray(i * 4, i * 4 + 4);
      const ny = this.plats(ord);
      this.ider.set(ord, ny * 4);
      this.rader[ny] = rader[i]!;
    }
  }
}

const ORD = new Uint32Array(4);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The UUID's 128 bits as four words (in a shared array: copied by the caller when kept). */
const orden = (id: string): Uint32Array => {
  if (!UUID.test(id)) throw new RangeError(`Not a UUID: ${id}`);
  ORD[0] = parseInt(id.slice(0, 8), 16);
  ORD[1] = parseInt(id.slice(9, 13) + id.slice(14, 18), 16);
  ORD[2] = parseInt(id.slice(19, 23) + id.slice(24, 28), 16);
  ORD[3] = parseInt(id.slice(28, 36), 16);
  return ORD;
};
