// Placeholder until the checker lands (issue 2).
export interface CheckOptions { strict: boolean; json: boolean }
export async function runCheck(_path: string, _opts: CheckOptions): Promise<number> {
  throw new Error('lectern check is not built yet');
}
