import fc from 'fast-check';
import { copyAnswer } from '../src/entity-cache/copy';

/** Every object and array inside a value, the value included. */
function containers(value: unknown, into: object[] = []): object[] {
  if (typeof value !== 'object' || value === null) return into;
  into.push(value);
  for (const child of Array.isArray(value) ? value : Object.values(value)) containers(child, into);
  return into;
}

describe('copyAnswer', () => {
  it('gives an equal value that shares no object or array with the answer', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (answer) => {
        const copy = copyAnswer(answer);
        expect(copy).toStrictEqual(answer);
        const originals = new Set(containers(answer));
        expect(containers(copy).filter((container) => originals.has(container))).toEqual([]);
      }),
    );
  });

  it('serializes as the answer does, keys named __proto__ included', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (answer) => {
        expect(JSON.stringify(copyAnswer(answer))).toBe(JSON.stringify(answer));
      }),
    );
    const parsed = JSON.parse('{"__proto__":{"handle":"x"},"id":"1"}') as object;
    const copy = copyAnswer(parsed);
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect(Object.keys(copy)).toEqual(['__proto__', 'id']);
  });
});
