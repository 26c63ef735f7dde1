/** Generated inputs per tool when `CALCOM_FUZZ_RUNS` is not set. */
export const DEFAULT_FUZZ_RUNS = 1000;

/**
 * Reads how many generated inputs each tool gets: `CALCOM_FUZZ_RUNS`, 1000 by default.
 *
 * @param value The variable's value.
 * @returns The number of runs per tool.
 */
export function fuzzRuns(value: string | undefined = process.env.CALCOM_FUZZ_RUNS): number {
  if (value === undefined || value.trim() === '') return DEFAULT_FUZZ_RUNS;
  const runs = Number(value);
  if (!Number.isInteger(runs) || runs < 1) {
    throw new Error(
      `CALCOM_FUZZ_RUNS must be a whole number of runs per tool, 1 or more (got ${JSON.stringify(value)})`,
    );
  }
  return runs;
}
