/**
 * Rules for handles and display names, kept pure so they are unit-tested and shared by every
 * mutation that accepts them.
 */
export const HANDLE_PATTERN = /^[a-z0-9_](?:[a-z0-9_.]{1,28}[a-z0-9_])$/;
export const DISPLAY_NAME_MAX = 50;
export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 200;

/** Handles are case-insensitive: stored and compared in lower case, an optional leading @ ignored. */
export function normalizeHandle(raw: string): string {
  return raw.trim().replace(/^@/, '').toLowerCase();
}

export function handleProblem(handle: string): string | null {
  if (handle.length < 3 || handle.length > 30) return 'A handle has 3 to 30 characters.';
  if (!HANDLE_PATTERN.test(handle)) {
    return 'A handle uses letters, digits, underscores and inner dots only.';
  }
  if (handle.includes('..')) return 'A handle cannot contain two dots in a row.';
  return null;
}

export function displayNameProblem(displayName: string): string | null {
  const trimmed = displayName.trim();
  if (trimmed.length === 0) return 'A display name cannot be empty.';
  if ([...trimmed].length > DISPLAY_NAME_MAX) return `A display name has at most ${DISPLAY_NAME_MAX} characters.`;
  // Control characters break rendering and logs; nobody types them on purpose.
  if (/\p{Cc}/u.test(trimmed)) return 'A display name cannot contain control characters.';
  return null;
}

export function passwordProblem(password: string): string | null {
  if (password.length < PASSWORD_MIN) return `A password has at least ${PASSWORD_MIN} characters.`;
  if (password.length > PASSWORD_MAX) return `A password has at most ${PASSWORD_MAX} characters.`;
  return null;
}
