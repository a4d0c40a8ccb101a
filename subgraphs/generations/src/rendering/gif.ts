/**
 * A small animated-GIF (GIF89a) encoder in plain TypeScript, so the default model adapter
 * renders a real, playable file with no native codec. Palette-indexed frames, LZW-compressed
 * as the GIF spec requires, looping forever.
 */
export interface GifOptions {
  width: number;
  height: number;
  /** Up to 256 RGB colours. */
  palette: [number, number, number][];
  /** One palette index per pixel, row by row, for each frame. */
  frames: Uint8Array[];
  /** Delay between frames in hundredths of a second. */
  delayCs: number;
  /** Stored as a GIF comment extension (e.g. the watermark label). */
  comment?: string;
}

class ByteWriter {
  private readonly chunks: number[] = [];
  byte(value: number) {
    this.chunks.push(value & 0xff);
  }
  word(value: number) {
    this.byte(value);
    this.byte(value >> 8);
  }
  bytes(values: ArrayLike<number>) {
    for (let i = 0; i < values.length; i++) this.chunks.push(values[i]!);
  }
  ascii(text: string) {
    for (const char of text) this.byte(char.charCodeAt(0));
  }
  /** Data sub-blocks: runs of at most 255 bytes, each led by its length, then a 0 terminator. */
  subBlocks(data: ArrayLike<number>) {
    for (let offset = 0; offset < data.length; offset += 255) {
      const length = Math.min(255, data.length - offset);
      this.byte(length);
      for (let i = 0; i < length; i++) this.byte(data[offset + i]!);
    }
    this.byte(0);
  }
  result() {
    return Uint8Array.from(this.chunks);
  }
}

/** GIF's variable-width LZW (codes up to 12 bits, a clear code when the table fills). */
export function lzwEncode(indices: Uint8Array, minCodeSize: number): number[] {
  const clearCode = 1 << minCodeSize;
  const endCode = clearCode + 1;
  let codeSize = minCodeSize + 1;
  let nextCode = endCode + 1;
  let table = new Map<number, number>();
  const out: number[] = [];
  let buffer = 0;
  let bits = 0;
  const emit = (code: number) => {
    buffer |= code << bits;
    bits += codeSize;
    while (bits >= 8) {
      out.push(buffer & 0xff);
      buffer >>>= 8;
      bits -= 8;
    }
  };
  emit(clearCode);
  let prefix = indices[0] ?? 0;
  for (let i = 1; i < indices.length; i++) {
    const next = indices[i]!;
    const key = (prefix << 8) | next;
    const known = table.get(key);
    if (known !== undefined) {
      prefix = known;
      continue;
    }
    emit(prefix);
    if (nextCode === 4096) {
      emit(clearCode);
      table = new Map();
      codeSize = minCodeSize + 1;
      nextCode = endCode + 1;
    } else {
      if (nextCode >= 1 << codeSize) codeSize++;
      table.set(key, nextCode++);
    }
    prefix = next;
  }
  emit(prefix);
  emit(endCode);
  if (bits > 0) out.push(buffer & 0xff);
  return out;
}

export function encodeGif(options: GifOptions): Uint8Array {
  const { width, height, frames } = options;
  const colourBits = Math.max(1, Math.ceil(Math.log2(Math.max(2, options.palette.length))));
  const paletteSize = 1 << colourBits;
  const out = new ByteWriter();
  out.ascii('GIF89a');
  out.word(width);
  out.word(height);
  out.byte(0x80 | ((colourBits - 1) << 4) | (colourBits - 1)); // global colour table follows
  out.byte(0); // background colour index
  out.byte(0); // pixel aspect ratio: square
  for (let i = 0; i < paletteSize; i++) out.bytes(options.palette[i] ?? [0, 0, 0]);
  // NETSCAPE2.0 application extension: loop forever.
  out.bytes([0x21, 0xff, 0x0b]);
  out.ascii('NETSCAPE2.0');
  out.bytes([0x03, 0x01, 0x00, 0x00, 0x00]);
  if (options.comment) {
    out.bytes([0x21, 0xfe]);
    out.subBlocks(Buffer.from(options.comment, 'utf8'));
  }
  const minCodeSize = Math.max(2, colourBits);
  for (const frame of frames) {
    if (frame.length !== width * height) throw new Error(`a frame has ${frame.length} pixels, expected ${width * height}`);
    out.bytes([0x21, 0xf9, 0x04, 0x00]); // graphic control extension, no transparency
    out.word(options.delayCs);
    out.bytes([0x00, 0x00]);
    out.byte(0x2c); // image descriptor
    out.word(0);
    out.word(0);
    out.word(width);
    out.word(height);
    out.byte(0);
    out.byte(minCodeSize);
    out.subBlocks(lzwEncode(frame, minCodeSize));
  }
  out.byte(0x3b); // trailer
  return out.result();
}
