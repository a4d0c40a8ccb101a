import type { ApolloServerPlugin } from '@apollo/server';
import type { Logger } from '@cameo/kernel/logger';
import type { GatewayContext } from './context';
import type { GatewayMetrics } from './metrics';

/**
 * One structured log line per operation (request id, operation, outcome, duration), metrics,
 * and the request id on every error a client receives, so a report can be matched to the logs.
 */
export function observabilityPlugin(logger: Logger, metrics: GatewayMetrics): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart({ contextValue }) {
      const started = process.hrtime.bigint();
      return {
        async willSendResponse({ response, operation, operationName, errors }) {
          const seconds = Number(process.hrtime.bigint() - started) / 1e9;
          const type = operation?.operation ?? 'unknown';
          const name = operationName ?? '(anonymous)';
          const codes = (errors ?? []).map((error) => String(error.extensions?.code ?? 'UNKNOWN'));
          metrics.observeOperation(type, name, seconds, codes);
          logger.info('operation', {
            requestId: contextValue.requestId,
            type,
            operationName: name,
            errors: codes,
            ms: Math.round(seconds * 1000),
          });
          if (response.body.kind === 'single' && response.body.singleResult.errors) {
            response.body.singleResult.errors = response.body.singleResult.errors.map((error) => ({
              ...error,
              extensions: { ...error.extensions, requestId: contextValue.requestId },
            }));
          }
        },
      };
    },
  };
}
