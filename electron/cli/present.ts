// Placeholder until the app lands (issue 4).
export async function runPresent(_deck: string | undefined): Promise<number> {
  throw new Error('lectern present is not built yet');
}
