export async function time<T>(run: () => Promise<T> | T): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await run();
  return { ms: performance.now() - start, value };
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)] ?? NaN;
}

/** One line of the report: the figure, and the budget with a verdict where there is one. */
export function printRow(label: string, ms: number, budgetMs: number | null): void {
  const figure = ms >= 100 ? `${ms.toFixed(0)} ms` : `${ms.toFixed(2)} ms`;
  const verdict =
    budgetMs === null ? '' : `  budget ${budgetMs} ms: ${ms <= budgetMs ? 'OK' : 'OVER BUDGET'}`;
  console.log(`${label.padEnd(58)} ${figure.padStart(10)}${verdict}`);
}
