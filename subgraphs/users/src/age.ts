/** Under 18 on the given day is a teen. Only the band is stored, never the birth date. */
export const ADULT_AGE = 18;
export const MINIMUM_AGE = 13;

export function ageOn(birthDate: Date, today: Date): number {
  let age = today.getUTCFullYear() - birthDate.getUTCFullYear();
  const beforeBirthday =
    today.getUTCMonth() < birthDate.getUTCMonth() ||
    (today.getUTCMonth() === birthDate.getUTCMonth() && today.getUTCDate() < birthDate.getUTCDate());
  if (beforeBirthday) age -= 1;
  return age;
}

export function ageBandProblem(birthDate: Date, today: Date): string | null {
  const age = ageOn(birthDate, today);
  if (age < MINIMUM_AGE) return `You must be at least ${MINIMUM_AGE} to use Cameo.`;
  if (age > 130) return 'That birth date is not plausible.';
  return null;
}

export const ageBandOf = (birthDate: Date, today: Date) => (ageOn(birthDate, today) < ADULT_AGE ? 'TEEN' : 'ADULT');
