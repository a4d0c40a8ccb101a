/**
 * How every subgraph links Apollo Federation. 2.9 brings the demand-control directives
 * (`@cost`, `@listSize`): a field's cost is declared where the field is defined, composed into
 * the supergraph, and read from there by the gateway's cost estimate (gateway/src/cost.ts).
 *
 * The import list is fixed rather than derived from use: an unused import is harmless, and a
 * directive missing from it fails composition at once (`npm run generate`).
 */
export const FEDERATION_LINK = {
  linkUrl: 'https://specs.apollo.dev/federation/v2.9',
  federationDirectives: ['@extends', '@key', '@shareable', '@cost', '@listSize'],
};

/**
 * `@listSize` for a Relay connection whose `first` is capped at `max`: a page of `first` edges,
 * or `max` when `first` is absent or unknown (the estimate is an upper bound, never a guess).
 */
export const connectionSize = (max: number) => ({
  listSize: { assumedSize: max, slicingArguments: ['first'], sizedFields: ['edges'], requireOneSlicingArgument: false },
});

/** `@listSize` for a plain list that holds at most `max` items. */
export const listSize = (max: number) => ({ listSize: { assumedSize: max } });

/**
 * The cast of one generation, for cost estimates: GENERATIONS_MAX_CAMEOS defaults to 2; the
 * declared bound leaves room for a deployment that raises it.
 */
export const CAST_SIZE = 10;
