// The writers: a whole PDF with one classic cross-reference section (the joined parts, merge.ts),
// and an incremental update appended to a PDF (update.ts): new and replaced objects, a
// cross-reference section for them and a trailer pointing back at the previous one, the original
// bytes untouched.

/** A PDF text string: UTF-16BE with a byte order mark, hex-encoded (safe for any character). */
export function pdfTextString(text: string): string {
  let hex = 'FEFF';
  for (let i = 0; i < text.length; i++) hex += text.charCodeAt(i).toString(16).padStart(4, '0').toUpperCase();
  return `<${hex}>`;
}

/** A PDF's trailer entries an update carries over. */
export interface UpdateTrailer {
  root: string;
  startxref: number;
  info?: string;
}

/**
 * `pdf` with `bodies` (object number -> body between `obj` and `endobj`, latin1 text) appended as
 * one incremental update. `size` is the new /Size; `info`, if given, the new /Info object.
 */
export function appendUpdate(pdf: Uint8Array, previous: UpdateTrailer, bodies: ReadonlyMap<number, string>, size: number, info?: number): Uint8Array {
  // An update section starts on a new line after %%EOF.
  let text = pdf[pdf.length - 1] === 0x0a ? '' : '\n';
  const offsets = new Map<number, number>();
  for (const [num, body] of bodies) {
    offsets.set(num, pdf.length + text.length);
    text += `${num} 0 obj\n${body}\nendobj\n`;
  }
  const xrefOffset = pdf.length + text.length;
  // One subsection per run of consecutive object numbers.
  const nums = [...offsets.keys()].sort((a, b) => a - b);
  let xref = 'xref\n0 1\n0000000000 65535 f \n';
  for (let i = 0; i < nums.length; ) {
    let j = i;
    while (j + 1 < nums.length && nums[j + 1] === nums[j]! + 1) j++;
    xref += `${nums[i]} ${j - i + 1}\n`;
    for (let k = i; k <= j; k++) xref += `${String(offsets.get(nums[k]!)).padStart(10, '0')} 00000 n \n`;
    i = j + 1;
  }
  const infoEntry = info !== undefined ? ` /Info ${info} 0 R` : previous.info ? ` /Info ${previous.info}` : '';
  text += `${xref}trailer\n<</Size ${size} /Root ${previous.root}${infoEntry} /Prev ${previous.startxref}>>\nstartxref\n${xrefOffset}\n%%EOF\n`;
  // Bodies hold only latin1 characters (text strings are hex), so each is one byte.
  const update = Buffer.from(text, 'latin1');
  const out = new Uint8Array(pdf.length + update.length);
  out.set(pdf, 0);
  out.set(update, pdf.length);
  return out;
}

/** Writes a PDF with one classic cross-reference section, objects numbered 1..n. */
export class PdfWriter {
  private readonly chunks: Uint8Array[] = [];
  private pending: string;
  private length = 0;
  private readonly offsets: number[] = [];

  constructor(minorVersion: number) {
    // The comment of high bytes marks the file as binary, as Skia's does.
    this.pending = `%PDF-1.${minorVersion}\n%\xD3\xEB\xE9\xE1\n`;
  }

  /** Appends object `num` (its body text, then verbatim stream bytes from the `stream` keyword). */
  object(num: number, body: string, stream?: Uint8Array): void {
    this.offsets[num] = this.length + this.pending.length;
    const lead = /^\s/.test(body) ? '' : '\n';
    const trail = /\s$/.test(body) ? '' : '\n';
    this.pending += `${num} 0 obj${lead}${body}${trail}`;
    if (stream) {
      this.flush();
      this.chunks.push(stream);
      this.length += stream.length;
    }
    this.pending += 'endobj\n';
  }

  finish(root: number, info: number | undefined): Uint8Array {
    const xrefOffset = this.length + this.pending.length;
    const size = this.offsets.length;
    const lines = ['xref', `0 ${size}`, '0000000000 65535 f '];
    for (let num = 1; num < size; num++) {
      const offset = this.offsets[num];
      lines.push(offset === undefined ? '0000000000 65535 f ' : `${String(offset).padStart(10, '0')} 00000 n `);
    }
    const infoEntry = info ? ` /Info ${info} 0 R` : '';
    this.pending += `${lines.join('\n')}\ntrailer\n<</Size ${size} /Root ${root} 0 R${infoEntry}>>\nstartxref\n${xrefOffset}\n%%EOF\n`;
    this.flush();
    return Buffer.concat(this.chunks, this.length);
  }

  private flush(): void {
    const bytes = Buffer.from(this.pending, 'latin1');
    this.chunks.push(bytes);
    this.length += bytes.length;
    this.pending = '';
  }
}
