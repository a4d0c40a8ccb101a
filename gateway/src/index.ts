import { readFileSync } from 'node:fs';
import path from 'node:path';
import { readCommonEnv, readGatewayPort, readSubgraphUrl, readSubscriptionEnv, SUBGRAPH_NAMES } from '../../subgraphs/shared/src/env';
import { listen } from '../../subgraphs/shared/src/listen';
import { createLogger } from '../../subgraphs/shared/src/logger';
import { runUntilSignal } from '../../subgraphs/shared/src/run';
import { createGateway } from './gateway';

export const SUPERGRAPH_PATH = path.join(__dirname, '..', '..', 'schema', 'supergraph.graphql');

/** Starts the gateway from the environment: used by this entry point and by `npm start`. */
export async function startGatewayFromEnv(source: Record<string, string | undefined> = process.env) {
  const env = readCommonEnv(source);
  const gateway = await createGateway({
    supergraphSdl: readFileSync(SUPERGRAPH_PATH, 'utf8'),
    subgraphUrls: Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, readSubgraphUrl(name, source)])),
    jwtSecret: env.jwtSecret,
    gatewaySecret: env.gatewaySecret,
    production: env.nodeEnv === 'production',
    subscriptionLimits: readSubscriptionEnv(source),
  });
  const { url } = await listen(gateway.httpServer, readGatewayPort(source));
  createLogger('gateway').info(`listening on ${url}`);
  return { url, stop: gateway.stop };
}

if (require.main === module) runUntilSignal('gateway', startGatewayFromEnv);
