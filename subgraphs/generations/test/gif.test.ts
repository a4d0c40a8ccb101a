import { encodeGif, lzwEncode } from '../src/rendering/gif';
import { createLocalAdapter } from '../src/rendering/local-adapter';

/** A reference GIF LZW decoder, written from the spec, to check the encoder round-trips. */
function lzwDecode(data: number[], minCodeSize: number, pixelCount: number): number[] {
  const clear = 1 << minCodeSize;
  const end = clear + 1;
  let codeSize = minCodeSize + 1;
  let table: number[][] = [];
  const reset = () => {
    table = Array.from({ length: clear + 2 }, (_, i) => [i]);
    codeSize = minCodeSize + 1;
  };
  reset();
  const out: number[] = [];
  let bitPos = 0;
  let previous: number[] | null = null;
  const read = () => {
    let code = 0;
    for (let i = 0; i < codeSize; i++, bitPos++) code |= ((data[bitPos >> 3]! >> (bitPos & 7)) & 1) << i;
    return code;
  };
  while (bitPos < data.length * 8) {
    const code = read();
    if (code === clear) {
      reset();
      previous = null;
      continue;
    }
    if (code === end) break;
    let entry: number[];
    if (code < table.length) entry = table[code]!;
    else if (previous) entry = [...previous, previous[0]!];
    else throw new Error('bad code');
    out.push(...entry);
    if (previous && table.length < 4096) table.push([...previous, entry[0]!]);
    if (table.length === 1 << codeSize && codeSize < 12) codeSize++;
    previous = entry;
  }
  return out.slice(0, pixelCount);
}

describe('the GIF encoder', () => {
  it('round-trips LZW for short, repetitive and table-filling inputs', () => {
    const inputs = [
      Uint8Array.from([0]),
      Uint8Array.from([1, 1, 1, 1, 1, 1, 1, 1, 1, 1]),
      Uint8Array.from({ length: 20_000 }, (_, i) => (i * 7 + (i >> 5)) % 4),
      Uint8Array.from({ length: 50_000 }, (_, i) => ((i * 2654435761) >>> 13) % 4),
    ];
    for (const input of inputs) {
      expect(lzwDecode(lzwEncode(input, 2), 2, input.length)).toEqual([...input]);
    }
  });

  it('writes a GIF89a with every frame, a loop, a comment and a trailer', () => {
    const frame = Uint8Array.from({ length: 16 }, (_, i) => i % 2);
    const gif = encodeGif({
      width: 4,
      height: 4,
      palette: [
        [0, 0, 0],
        [255, 255, 255],
      ],
      frames: [frame, frame, frame],
      delayCs: 10,
      comment: 'made with Cameo',
    });
    expect(Buffer.from(gif.subarray(0, 6)).toString('ascii')).toBe('GIF89a');
    expect(gif[gif.length - 1]).toBe(0x3b);
    const text = Buffer.from(gif).toString('latin1');
    expect(text).toContain('NETSCAPE2.0');
    expect(text).toContain('made with Cameo');
    expect(text.split('\x21\xf9\x04').length - 1).toBe(3);
  });
});

describe('the local adapter', () => {
  it('renders deterministically from the prompt, reporting increasing progress', async () => {
    const adapter = createLocalAdapter({ msPerFrame: 0 });
    const request = { generationId: 'g', prompt: 'a corgi surfing at dawn', seconds: 2, aspect: 'SQUARE' as const, restrictions: [] };
    const seen: number[] = [];
    const first = await adapter.render(request, async (progress) => void seen.push(progress));
    const second = await adapter.render(request, async () => {});
    const other = await adapter.render({ ...request, prompt: 'a cat' }, async () => {});
    expect(first.contentType).toBe('image/gif');
    expect(Buffer.from(first.bytes).equals(Buffer.from(second.bytes))).toBe(true);
    expect(Buffer.from(first.bytes).equals(Buffer.from(other.bytes))).toBe(false);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(seen[0]).toBe(1);
    expect(seen.at(-1)).toBe(95);
  });

  it('stops when progress reporting says to', async () => {
    const adapter = createLocalAdapter({ msPerFrame: 0 });
    let calls = 0;
    const render = adapter.render({ generationId: 'g', prompt: 'p', seconds: 4, aspect: 'PORTRAIT', restrictions: [] }, async () => {
      if (++calls === 5) throw new Error('cancelled');
    });
    await expect(render).rejects.toThrow('cancelled');
    expect(calls).toBe(5);
  });
});
