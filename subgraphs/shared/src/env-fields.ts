import { z } from 'zod';

/**
 * The kinds of value an environment variable holds, as zod schemas (env.ts names the variables).
 * An unset or empty variable means "use the default"; each kind has one message for every way a
 * value can be wrong, so a ConfigError reads "NAME must be ... (got "value")".
 */

/** `VAR=` in an env file is the same as not setting VAR. */
const blankIsUnset = (value: unknown) => (value === '' ? undefined : value);

const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankIsUnset, schema.optional());

/** An integer in [min, max], from text. */
function integer(min: number, max: number, message: string) {
  return z.coerce.number({ error: message }).int({ error: message }).min(min, { error: message }).max(max, { error: message });
}

export const portField = () => optional(integer(0, 65535, 'must be a port number 0-65535'));

export const positiveIntField = (fallback: number) =>
  z.preprocess(blankIsUnset, integer(1, Number.MAX_SAFE_INTEGER, 'must be a whole number >= 1').default(fallback));

export const boundedIntField = (min: number, max: number, fallback: number, message: string) =>
  z.preprocess(blankIsUnset, integer(min, max, message).default(fallback));

export const urlField = () => optional(z.string().refine((value) => URL.canParse(value), { error: 'must be a URL' }));

export const textField = () => optional(z.string());

export function enumField<const T extends readonly [string, ...string[]]>(values: T) {
  const list = values.length === 2 ? `${values[0]} or ${values[1]}` : `${values.slice(0, -1).join(', ')} or ${values.at(-1)}`;
  return optional(z.enum(values, { error: `must be ${list}` }));
}

/** `true` or `false`. */
export const booleanField = () =>
  optional(z.enum(['true', 'false'], { error: 'must be true or false' }).transform((value) => value === 'true'));

/** A secret: at least 32 characters when set (whether it is required depends on NODE_ENV). */
export const secretField = () => optional(z.string().min(32, { error: 'must be at least 32 characters' }));

/** A comma-separated list, each item one of `values` (OTEL_TRACES_EXPORTER=otlp,console). */
export function listField<const T extends readonly [string, ...string[]]>(values: T) {
  const item = z.enum(values, { error: `must list ${values.join(', ')} (comma-separated)` });
  return optional(
    z
      .string()
      .transform((raw) =>
        raw
          .split(',')
          .map((part) => part.trim())
          .filter(Boolean),
      )
      .pipe(z.array(item)),
  );
}

/** Comma-separated web origins, normalised (`https://app.example.com/` → `https://app.example.com`). */
export const originsField = () =>
  optional(
    z.string().transform((raw, ctx) => {
      const origins: string[] = [];
      for (const origin of raw
        .split(',')
        .map((part) => part.trim())
        .filter(Boolean)) {
        if (URL.canParse(origin)) origins.push(new URL(origin).origin);
        else ctx.addIssue({ code: 'custom', message: `must list origins like https://app.example.com (got "${origin}")` });
      }
      return origins;
    }),
  );
