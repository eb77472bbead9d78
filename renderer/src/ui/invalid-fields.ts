import { useCallback, useMemo, useState } from 'react';
import type { ValidationIssue } from '../../../shared/domain/client-validation';

/**
 * The fields of a form whose text is not a value yet (a date that does not exist, a country no one
 * knows): the form shows them at the field and refuses to save while any is left.
 */
export function useInvalidFields(code: ValidationIssue['code'] = 'dateInvalid') {
  const [invalid, setInvalid] = useState<ReadonlySet<string>>(new Set());
  const report = useCallback(
    (path: string) => (valid: boolean) =>
      setInvalid((current) => {
        if (valid === !current.has(path)) return current;
        const next = new Set(current);
        if (valid) next.delete(path);
        else next.add(path);
        return next;
      }),
    [],
  );
  const issues = useMemo(
    (): ValidationIssue[] => [...invalid].map((path) => ({ path, code })),
    [invalid, code],
  );
  return { report, issues };
}
