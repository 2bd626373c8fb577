// Placeholder until the PDF exporter lands (issue 5).
export interface ExportCliOptions {
  format: 'slides' | 'notes' | 'handout';
  perPage: 1 | 2 | 3 | 4 | 6;
  paper: 'a4' | 'letter';
  lines: boolean;
  fragments: boolean;
  output?: string;
  outDir?: string;
  browser?: string;
  force: boolean;
  quiet: boolean;
}
export async function runExport(_path: string, _opts: ExportCliOptions): Promise<number> {
  throw new Error('lectern export is not built yet');
}
