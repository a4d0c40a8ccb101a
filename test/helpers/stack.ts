import { readFileSync } from 'node:fs';
import { createGateway } from '../../gateway/src/gateway';
import { SUPERGRAPH_PATH } from '../../gateway/src/index';
import { readCommonEnv } from '../../subgraphs/shared/src/env';
import { listen } from '../../subgraphs/shared/src/listen';
import { start as startUsers } from '../../subgraphs/users/src/server';

export const testSecrets = readCommonEnv({ NODE_ENV: 'test' });

export interface TestStack {
  gatewayUrl: string;
  subgraphUrls: { users: string };
  stopUsers(): Promise<void>;
  stop(): Promise<void>;
}

/** The whole platform on free ports against one test database, from the committed supergraph. */
export async function startStack(databaseUrl: string): Promise<TestStack> {
  const users = await startUsers({
    port: 0,
    host: '127.0.0.1',
    databaseUrl,
    jwtSecret: testSecrets.jwtSecret,
    gatewaySecret: testSecrets.gatewaySecret,
  });
  const gateway = await createGateway({
    supergraphSdl: readFileSync(SUPERGRAPH_PATH, 'utf8'),
    subgraphUrls: { users: users.url },
    jwtSecret: testSecrets.jwtSecret,
    gatewaySecret: testSecrets.gatewaySecret,
    production: false,
  });
  const { url } = await listen(gateway.httpServer, 0, '127.0.0.1');
  let usersStopped = false;
  const stopUsers = async () => {
    if (usersStopped) return;
    usersStopped = true;
    await users.stop();
  };
  return {
    gatewayUrl: url,
    subgraphUrls: { users: users.url },
    stopUsers,
    stop: async () => {
      await gateway.stop();
      await stopUsers();
    },
  };
}
