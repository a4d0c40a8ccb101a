import { GraphQLError, type ExecutionResult } from 'graphql';
import { createNextFrames } from '../src/subscriptions/next-frames';
import { ResultStream } from '../src/subscriptions/result-stream';

/** `next` frames built from one serialization per result, and results delivered as they come (pure). */
describe('createNextFrames', () => {
  const message = (frames: ReturnType<typeof createNextFrames>, id: string, result: ExecutionResult) =>
    JSON.parse(Buffer.concat([frames.prefix(id), frames.payload(result)]).toString('utf8'));
  const setup = () => {
    const formatted: ExecutionResult[] = [];
    const frames = createNextFrames((result) => {
      formatted.push(result);
      return result.errors ? { errors: result.errors.map((error) => ({ message: error.message })) } : { data: result.data };
    });
    return { frames, formatted };
  };

  it('writes graphql-transport-ws `next` messages under each id, ids needing escapes included', () => {
    const { frames } = setup();
    const result = { data: { generationProgress: { progress: 5, stage: 'quote " and \\ and \n' } } };
    for (const id of ['1', 'odd "id" \\ ✓\n', '</script>']) {
      expect(message(frames, id, result)).toEqual({ id, type: 'next', payload: result });
    }
  });

  it('serializes a result once however many subscriptions get it, and each result on its own', () => {
    const { frames, formatted } = setup();
    const mine = { data: { viewer: 'me' } };
    const theirs = { data: { viewer: 'them' } };
    const ids = Array.from({ length: 100 }, (_, i) => String(i));
    const mineFrames = ids.map((id) => message(frames, id, mine));
    const theirFrames = ids.map((id) => message(frames, id, theirs));
    expect(formatted).toEqual([mine, theirs]);
    expect(mineFrames).toEqual(ids.map((id) => ({ id, type: 'next', payload: mine })));
    expect(theirFrames).toEqual(ids.map((id) => ({ id, type: 'next', payload: theirs })));
  });

  it('writes errors as the formatter shapes them', () => {
    const { frames } = setup();
    const frame = message(frames, '7', { errors: [new GraphQLError('nope')] });
    expect(frame).toEqual({ id: '7', type: 'next', payload: { errors: [{ message: 'nope' }] } });
  });
});

describe('ResultStream.deliverTo', () => {
  it('hands over what was buffered, then every result at once, and ends its iteration when the stream ends', async () => {
    const ended: ResultStream[] = [];
    const stream = new ResultStream(10, (stream) => ended.push(stream));
    const first = { data: { n: 1 } };
    stream.push(first);
    const delivered: ExecutionResult[] = [];
    const pending = stream.deliverTo((result) => delivered.push(result)).next();
    expect(delivered).toEqual([first]);
    const second = { data: { n: 2 } };
    stream.push(second);
    expect(delivered).toEqual([first, second]);
    stream.end();
    await expect(pending).resolves.toEqual({ value: undefined, done: true });
    stream.push({ data: { n: 3 } });
    expect(delivered).toHaveLength(2);
    expect(ended).toEqual([stream]);
  });
});
