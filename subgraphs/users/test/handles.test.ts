import { displayNameProblem, handleProblem, normalizeHandle, passwordProblem } from '../src/handles';

describe('handles', () => {
  it('normalises case, whitespace and a leading @', () => {
    expect(normalizeHandle('  @Sam.Altman ')).toBe('sam.altman');
  });

  it.each(['sam', 'sam_a', 'a.b.c', '_x_', '0123456789012345678901234567890'.slice(0, 30)])('accepts %s', (handle) => {
    expect(handleProblem(handle)).toBeNull();
  });

  it.each([
    ['ab', 'A handle has 3 to 30 characters.'],
    ['a'.repeat(31), 'A handle has 3 to 30 characters.'],
    ['.sam', 'A handle uses letters, digits, underscores and inner dots only.'],
    ['sam.', 'A handle uses letters, digits, underscores and inner dots only.'],
    ['sa m', 'A handle uses letters, digits, underscores and inner dots only.'],
    ['sám', 'A handle uses letters, digits, underscores and inner dots only.'],
    ['Sam', 'A handle uses letters, digits, underscores and inner dots only.'],
    ['sa..m', 'A handle cannot contain two dots in a row.'],
  ])('rejects %s', (handle, problem) => {
    expect(handleProblem(handle)).toBe(problem);
  });
});

describe('display names', () => {
  it('accepts unicode up to 50 characters', () => {
    expect(displayNameProblem('Zoë 🎬')).toBeNull();
    expect(displayNameProblem('é'.repeat(50))).toBeNull();
  });

  it('rejects empty, too long and control characters', () => {
    expect(displayNameProblem('   ')).toBe('A display name cannot be empty.');
    expect(displayNameProblem('x'.repeat(51))).toBe('A display name has at most 50 characters.');
    expect(displayNameProblem('a\u0000b')).toBe('A display name cannot contain control characters.');
  });
});

describe('passwords', () => {
  it('needs 8 to 200 characters', () => {
    expect(passwordProblem('1234567')).toBe('A password has at least 8 characters.');
    expect(passwordProblem('12345678')).toBeNull();
    expect(passwordProblem('x'.repeat(201))).toBe('A password has at most 200 characters.');
  });
});
