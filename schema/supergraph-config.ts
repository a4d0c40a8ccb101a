import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { SUBGRAPH_NAMES, type SubgraphName } from '@cameo/kernel/env';

/** The repository root, where rover looks for supergraph.yaml and resolves its paths from. */
export const ROOT = path.join(__dirname, '..');
export const SUPERGRAPH_CONFIG_PATH = path.join(ROOT, 'supergraph.yaml');

export interface SupergraphSubgraph {
  name: SubgraphName;
  routingUrl: string;
  /** The SDL file, relative to the repository root as written in supergraph.yaml. */
  schemaFile: string;
}

export interface SupergraphConfig {
  /** rover's `federation_version`, e.g. `=2.14.4`. */
  federationVersion: string;
  subgraphs: SupergraphSubgraph[];
}

/**
 * Reads rover's supergraph.yaml: the one list of subgraphs that `npm run generate` and rover
 * both compose from. Fails on anything this project does not use (introspected or remote
 * schemas) and on a subgraph that is not one of SUBGRAPH_NAMES, so the list cannot drift.
 */
export function readSupergraphConfig(file: string = SUPERGRAPH_CONFIG_PATH): SupergraphConfig {
  const raw = parse(readFileSync(file, 'utf8')) as {
    federation_version?: unknown;
    subgraphs?: Record<string, { routing_url?: unknown; schema?: { file?: unknown } }>;
  };
  if (typeof raw?.federation_version !== 'string') throw new Error(`${file}: federation_version is missing`);
  const subgraphs = Object.entries(raw.subgraphs ?? {}).map(([name, entry]) => {
    if (!(SUBGRAPH_NAMES as readonly string[]).includes(name)) throw new Error(`${file}: unknown subgraph ${name}`);
    if (typeof entry?.routing_url !== 'string' || typeof entry.schema?.file !== 'string') {
      throw new Error(`${file}: subgraph ${name} needs routing_url and schema.file`);
    }
    return { name: name as SubgraphName, routingUrl: entry.routing_url, schemaFile: path.normalize(entry.schema.file) };
  });
  const missing = SUBGRAPH_NAMES.filter((name) => !subgraphs.some((subgraph) => subgraph.name === name));
  if (missing.length) throw new Error(`${file}: no entry for ${missing.join(', ')}`);
  return { federationVersion: raw.federation_version, subgraphs };
}
