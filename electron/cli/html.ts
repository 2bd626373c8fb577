// Placeholder until the HTML exporter lands (issue 3).
export interface HtmlOptions { output: string; force: boolean }
export async function runHtml(_deck: string, _opts: HtmlOptions): Promise<number> {
  throw new Error('lectern html is not built yet');
}
