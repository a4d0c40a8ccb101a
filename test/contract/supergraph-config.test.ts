import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'graphql';
import { composeServices } from '@apollo/composition';
import { DEFAULT_SUBGRAPH_PORTS, SUBGRAPH_NAMES, readSubgraphUrl } from '@cameo/kernel/env';
import { FEDERATION_LINK } from '@cameo/kernel/federation';
import { ROOT, readSupergraphConfig } from '../../schema/supergraph-config';

/**
 * rover cannot be installed here (it downloads a binary), so supergraph.yaml is checked the
 * way rover would use it: every subgraph, its default port, its committed SDL file, the
 * composition version of package.json — and composing those files gives the committed
 * supergraph, byte for byte.
 */
const config = readSupergraphConfig();
const read = (file: string) => readFileSync(path.join(ROOT, file), 'utf8');
const withoutHeader = (sdl: string) => sdl.replace(/^(#[^\n]*\n)+\n/, '');

it('pins federation_version to the @apollo/composition of package.json', () => {
  const { devDependencies } = JSON.parse(read('package.json')) as { devDependencies: Record<string, string> };
  const installed = (JSON.parse(read('node_modules/@apollo/composition/package.json')) as { version: string }).version;
  expect(config.federationVersion).toBe(`=${devDependencies['@apollo/composition']}`);
  expect(config.federationVersion).toBe(`=${installed}`);
});

it('names every subgraph once, at its default port, with its committed SDL file', () => {
  expect(config.subgraphs.map(({ name }) => name)).toEqual([...SUBGRAPH_NAMES]);
  for (const { name, routingUrl, schemaFile } of config.subgraphs) {
    expect(routingUrl).toBe(readSubgraphUrl(name, {}));
    expect(new URL(routingUrl).port).toBe(String(DEFAULT_SUBGRAPH_PORTS[name]));
    expect(schemaFile).toBe(path.join('schema', 'subgraphs', `${name}.graphql`));
    expect(existsSync(path.join(ROOT, schemaFile))).toBe(true);
  }
});

it('every subgraph file links the Federation version the subgraphs are built with', () => {
  for (const { schemaFile } of config.subgraphs) {
    const links = [...read(schemaFile).matchAll(/@link\(url: "(https:\/\/specs\.apollo\.dev\/federation\/[^"]+)"/g)].map((m) => m[1]);
    expect(links).toEqual([FEDERATION_LINK.linkUrl]);
  }
});

it('composing the files it names gives exactly the committed schema/supergraph.graphql', () => {
  const result = composeServices(
    config.subgraphs.map(({ name, routingUrl, schemaFile }) => ({ name, url: routingUrl, typeDefs: parse(read(schemaFile)) })),
  );
  expect(result.errors).toBeUndefined();
  expect(`${result.supergraphSdl!.trimEnd()}\n`).toBe(withoutHeader(read('schema/supergraph.graphql')));
});
