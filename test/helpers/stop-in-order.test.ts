import { stopInOrder } from './stop-in-order';

describe('stopInOrder', () => {
  it('stops the parts after one that hangs or throws, then fails naming them', async () => {
    const stopped: string[] = [];
    const parts = [
      ['hangs', () => new Promise(() => {})],
      [
        'throws',
        async () => {
          throw new Error('socket gone');
        },
      ],
      [
        'relay',
        async () => {
          stopped.push('relay');
        },
      ],
    ] as const;
    await expect(stopInOrder(parts, 20)).rejects.toThrow('hangs: did not stop within 20 ms; throws: socket gone');
    expect(stopped).toEqual(['relay']);
  });

  it('resolves when every part stops', async () => {
    const stopped: string[] = [];
    await stopInOrder([
      [
        'a',
        async () => {
          stopped.push('a');
        },
      ],
      [
        'b',
        async () => {
          stopped.push('b');
        },
      ],
    ]);
    expect(stopped).toEqual(['a', 'b']);
  });
});
