import type { DocumentNode } from 'graphql';

/**
 * One parsed document per distinct operation text, handed to every subscription sent with that
 * text. graphql-ws keeps each subscription's document until it ends, and a parsed
 * generationProgress subscription is ~9 KiB (nodes, locations, tokens): 50,000 subscriptions of
 * a few texts held ~450 MiB of identical trees, which every major GC then marked. The same text
 * parses to the same tree, which nothing mutates. Bounded, as the texts come from clients.
 */
export function createSharedDocuments(limit: number): (source: string, parsed: DocumentNode) => DocumentNode {
  const documents = new Map<string, DocumentNode>();
  return (source, parsed) => {
    const known = documents.get(source);
    if (known) return known;
    if (documents.size >= limit) documents.delete(documents.keys().next().value!);
    documents.set(source, parsed);
    return parsed;
  };
}
