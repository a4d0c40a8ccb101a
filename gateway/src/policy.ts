import type express from 'express';
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  BREAK,
  GraphQLError,
  getOperationAST,
  parse,
  specifiedRules,
  validate,
  visit,
  type DocumentNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type ValidationRule,
} from 'graphql';
import type { ApolloServerPlugin } from '@apollo/server';
import { ErrorCode } from '@cameo/kernel/errors';
import { sendJson } from '@cameo/kernel/graphql-http';
import type { Logger } from '@cameo/kernel/logger';
import type { SessionTokenVerifier } from '@cameo/kernel/session-token';
import { createMeasureCache } from './cost';
import { checkLimits, type OperationLimits } from './limits';
import type { RateLimiter, RateLimits } from './rate-limit';
import { isRegistered, operationNotAllowed, type PersistedOperations } from './safelist';

/**
 * The one rulebook of the gateway: every operation on every transport (HTTP, graphql-ws) passes
 * these rules, in this order, through this module —
 *   1. rate limits per client address and per signed-in user (one count per operation request);
 *   2. parsing with the token limit, then validation against the API schema;
 *   3. the safelist (OPERATIONS_SAFELIST), by the SHA-256 of the document's text (as sent, or
 *      normalised as the manifest's bodies are): only the operations of the manifest run;
 *   4. the operation limits of limits.ts (depth, aliases, root fields, cost, …);
 *   5. no text value, in the document or its variables, holds the NUL character (U+0000):
 *      PostgreSQL cannot store it, so it would otherwise fail deep in a subgraph as an
 *      internal error instead of being refused as bad input.
 * HTTP runs 1 in `admitHttp` (before the body is read: called by the node:http path of
 * graphql-http.ts, and by express as `httpMiddleware`), 2 in Apollo's own pipeline with
 * `limits.maxTokens`, and 3-5 in `apolloPlugin`; graphql-ws runs `admit` and `prepare`.
 * Multipart HTTP and SSE subscriptions pass 1 in `httpMiddleware` (they are HTTP requests) and
 * 2-5 in `prepare`. Transport caps (connections per address, subscriptions per socket, per user
 * over every transport) live in subscriptions/connections.ts, which counts every connection.
 */
export interface PolicyOptions {
  /** The API schema operations are validated against. */
  schema: () => GraphQLSchema;
  /** The supergraph, whose @cost / @listSize declarations the cost estimate reads. */
  costSchema: () => GraphQLSchema;
  limits: OperationLimits;
  /** Validation rules beyond GraphQL's own, on every transport. Default: none. */
  validationRules?: ValidationRule[];
  /** The registered operations (the persisted-query manifest), which clients may send by id alone. Default: none. */
  operations?: PersistedOperations;
  /** Run only `operations`. Default: false. */
  safelist?: boolean;
  /** Rates per user and per address, counted by `rateLimiter`. Default: no rate limits. */
  rateLimits?: RateLimits;
  rateLimiter?: RateLimiter;
  /** Verifies session tokens to key the per-user rate (the session itself is checked later). */
  sessionTokens: SessionTokenVerifier;
  logger: Logger;
}

/** Who is asking: the TCP peer's address and the viewer a session token names. */
export interface Caller {
  address: string;
  viewerId: string | null;
}

export interface OperationRequest {
  source: string;
  document: DocumentNode;
  operation: OperationDefinitionNode;
  variables: Record<string, unknown>;
}

export interface Policy {
  readonly limits: OperationLimits;
  /** The extra validation rules, for Apollo's `validationRules` (HTTP); `prepare` applies them too. */
  readonly validationRules: ValidationRule[];
  /** Counts one operation request of `caller`; a RATE_LIMITED error (with `retryAfterSeconds`) once a rate is spent. */
  admit(caller: Caller): Promise<GraphQLError | null>;
  /** The text of a registered operation a request names by id alone (`extensions.persistedQuery.sha256Hash`). */
  registeredQuery(extensions: unknown): string | undefined;
  /** Rules 3-5 on an operation that parsed and validated. */
  check(request: OperationRequest): GraphQLError | null;
  /** Rules 2-5 for a transport that does not go through Apollo's pipeline (graphql-ws, multipart HTTP and SSE subscriptions). */
  prepare(
    source: string,
    operationName: string | null | undefined,
    variables: Record<string, unknown> | null | undefined,
  ): { document: DocumentNode; operation: OperationDefinitionNode } | { errors: GraphQLError[] };
  /** Rules 3-5 for Apollo's pipeline (HTTP, and queries and mutations that graphql-ws hands to it). */
  apolloPlugin(): ApolloServerPlugin;
  /** Rule 1 for HTTP: answers 429 with Retry-After and resolves false, or resolves true (go on). */
  admitHttp(req: IncomingMessage, res: ServerResponse): Promise<boolean>;
  /** admitHttp as express middleware. */
  httpMiddleware(): express.RequestHandler;
}

/**
 * Headers that force a browser to ask first (a CORS preflight): Apollo's csrfPrevention on the
 * HTTP pipeline and `preflightForced` on the streaming transports accept a GET or a simple POST
 * only with one of them. Authorization is one (scripts set it; CORS then decides), which lets
 * urql's default GET queries through when they carry a token.
 */
export const CSRF_PREFLIGHT_HEADERS = ['authorization', 'apollo-require-preflight', 'x-apollo-operation-name'];
const SIMPLE_CONTENT_TYPES = new Set(['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain']);

/** Apollo's csrfPrevention rule, for requests that do not reach Apollo's pipeline (multipart and SSE streams). */
export function preflightForced(req: express.Request): boolean {
  const contentType = req.header('content-type')?.split(';')[0]?.trim().toLowerCase();
  if (contentType && !SIMPLE_CONTENT_TYPES.has(contentType)) return true;
  return CSRF_PREFLIGHT_HEADERS.some((header) => Boolean(req.header(header)));
}

/** Apollo's own refusal of a request that did not force a preflight (400, BAD_REQUEST). */
export const csrfRefused = () =>
  new GraphQLError(
    `This operation has been blocked as a potential Cross-Site Request Forgery (CSRF). Send a 'content-type' header other than a form's or text/plain, or one of: ${CSRF_PREFLIGHT_HEADERS.join(', ')}.`,
    { extensions: { code: ErrorCode.BAD_REQUEST, http: { status: 400 } } },
  );

export const rateLimited = (retryAfterSeconds: number) =>
  new GraphQLError(`Too many requests; try again in ${retryAfterSeconds} s.`, {
    extensions: { code: ErrorCode.RATE_LIMITED, retryAfterSeconds, http: { status: 429 } },
  });

const requestError = (code: string, message: string) => new GraphQLError(message, { extensions: { code, http: { status: 400 } } });

const unresolved = (operationName: string | null | undefined) =>
  requestError(
    'OPERATION_RESOLUTION_FAILURE',
    operationName
      ? `The document has no operation named "${operationName}".`
      : 'The document has several operations: name the one to run (operationName).',
  );

const nulRefused = () =>
  requestError(ErrorCode.BAD_USER_INPUT, 'Text values may not contain the NUL character (U+0000): it cannot be stored.');

/** Whether a string literal of the document (an argument, a default, a directive's) holds U+0000. */
function hasNulLiteral(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    StringValue(node) {
      if (node.value.includes('\u0000')) {
        found = true;
        return BREAK;
      }
      return undefined;
    },
  });
  return found;
}

/** Whether a string anywhere in the variables (or an object key) holds U+0000; a loop, not recursion, as nesting is the client's. */
function hasNulValue(variables: unknown): boolean {
  const pending: unknown[] = [variables];
  while (pending.length > 0) {
    const value = pending.pop();
    if (typeof value === 'string') {
      if (value.includes('\u0000')) return true;
    } else if (Array.isArray(value)) {
      for (const item of value) pending.push(item);
    } else if (value !== null && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) {
        if (key.includes('\u0000')) return true;
        pending.push(item);
      }
    }
  }
  return false;
}

/** Distinct operation texts whose validated documents are kept. */
const VALIDATED_DOCUMENTS = 500;

export function createPolicy(options: PolicyOptions): Policy {
  const { limits, rateLimiter, rateLimits, logger } = options;
  const validationRules = options.validationRules ?? [];
  const operations: PersistedOperations = options.operations ?? new Map();

  const admit = async ({ address, viewerId }: Caller): Promise<GraphQLError | null> => {
    if (!rateLimiter || !rateLimits) return null;
    try {
      const checks = [rateLimiter.hit(`ip:${address}`, rateLimits.perIpPerMinute)];
      if (viewerId) checks.push(rateLimiter.hit(`user:${viewerId}`, rateLimits.perUserPerMinute));
      const refused = (await Promise.all(checks)).find((check) => !check.allowed);
      return refused ? rateLimited(refused.retryAfterSeconds) : null;
    } catch (error) {
      // Queries keep working while the limiter's Redis is down.
      logger.error('rate limiter unavailable; letting requests through', { error: error instanceof Error ? error.message : String(error) });
      return null;
    }
  };

  /**
   * Documents that parsed and validated, by text: a subscription storm (50,000 sockets sending
   * the same few operations) parsed and validated each one anew, and graphql-ws keeps each
   * subscription's document for its life (~9 KiB a tree): one shared tree per text instead.
   * Validation depends only on the text and the schema (rules 3-4, which read variables, run
   * every time). Bounded, as the texts come from clients; nothing mutates a parsed document.
   */
  const validated = new Map<string, DocumentNode>();
  let validatedFor: GraphQLSchema | undefined;
  const parseAndValidate = (source: string): DocumentNode | GraphQLError[] => {
    const schema = options.schema();
    if (schema !== validatedFor) {
      validated.clear();
      validatedFor = schema;
    }
    const known = validated.get(source);
    if (known) return known;
    let document: DocumentNode;
    try {
      document = parse(source, { maxTokens: limits.maxTokens });
    } catch (error) {
      return [requestError('GRAPHQL_PARSE_FAILED', error instanceof Error ? error.message : 'Syntax error')];
    }
    const invalid = validate(schema, document, [...specifiedRules, ...validationRules]);
    if (invalid.length) return invalid.map((error) => requestError('GRAPHQL_VALIDATION_FAILED', error.message));
    if (validated.size >= VALIDATED_DOCUMENTS) validated.delete(validated.keys().next().value!);
    validated.set(source, document);
    return document;
  };

  const measure = createMeasureCache();
  const literalNul = new WeakMap<DocumentNode, boolean>();
  const check = ({ source, document, operation, variables }: OperationRequest): GraphQLError | null => {
    if (options.safelist && !isRegistered(operations, source, document)) return operationNotAllowed();
    const overLimit = checkLimits(measure(options.costSchema(), document, operation, variables), limits);
    if (overLimit) return overLimit;
    let inLiterals = literalNul.get(document);
    if (inLiterals === undefined) literalNul.set(document, (inLiterals = hasNulLiteral(document)));
    return inLiterals || hasNulValue(variables) ? nulRefused() : null;
  };

  const admitHttp = async (req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
    // No rates to count: the token is not read here (the session check reads it once, later).
    if (!rateLimiter || !rateLimits) return true;
    const token = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
    const viewerId = token ? (options.sessionTokens.verify(token)?.userId ?? null) : null;
    const refused = await admit({ address: req.socket.remoteAddress ?? 'unknown', viewerId });
    if (!refused) return true;
    const { retryAfterSeconds } = refused.extensions as { retryAfterSeconds: number };
    res.setHeader('retry-after', String(retryAfterSeconds));
    sendJson(
      res,
      429,
      JSON.stringify({ errors: [{ message: refused.message, extensions: { code: ErrorCode.RATE_LIMITED, retryAfterSeconds } }] }),
    );
    return false;
  };

  return {
    limits,
    validationRules,
    admit,
    check,
    registeredQuery(extensions) {
      const hash = (extensions as { persistedQuery?: { sha256Hash?: unknown } } | null | undefined)?.persistedQuery?.sha256Hash;
      return typeof hash === 'string' ? operations.get(hash) : undefined;
    },
    prepare(source, operationName, variables) {
      const document = parseAndValidate(source);
      if (Array.isArray(document)) return { errors: document };
      const operation = getOperationAST(document, operationName);
      if (!operation) return { errors: [unresolved(operationName)] };
      const refused = check({ source, document, operation, variables: variables ?? {} });
      return refused ? { errors: [refused] } : { document, operation };
    },
    apolloPlugin: () => ({
      async requestDidStart() {
        return {
          async didResolveOperation({ source, document, operation, request }) {
            // Left to @apollo/gateway, this would be its own INVALID_GRAPHQL at execution.
            if (!operation) throw unresolved(request.operationName);
            const refused = check({ source, document, operation, variables: request.variables ?? {} });
            if (refused) throw refused;
          },
        };
      },
    }),
    admitHttp,
    httpMiddleware: () => async (req, res, next) => {
      if (await admitHttp(req, res)) next();
    },
  };
}
