// Sets the PDF's document information (Title, Author, ...) by appending an incremental update:
// a new Info dictionary, a one-entry cross-reference section and a trailer pointing back at the
// previous one. Chromium cannot set an author, and rewriting the whole file (a PDF library's
// load + save) costs far more than these few hundred bytes on a 300-page export.

export interface PdfInfo {
  title?: string;
  author?: string;
  subject?: string;
  keywords?: string;
  creator?: string;
}

/** A PDF text string: UTF-16BE with a byte order mark, hex-encoded (safe for any character). */
export function pdfTextString(text: string): string {
  let hex = 'FEFF';
  for (let i = 0; i < text.length; i++) hex += text.charCodeAt(i).toString(16).padStart(4, '0').toUpperCase();
  return `<${hex}>`;
}

function pdfDate(date: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return (
    `(D:${date.getUTCFullYear()}${p(date.getUTCMonth() + 1)}${p(date.getUTCDate())}` +
    `${p(date.getUTCHours())}${p(date.getUTCMinutes())}${p(date.getUTCSeconds())}Z)`
  );
}

export interface Trailer {
  size: number;
  root: string;
  /** Byte offset of the last cross-reference section. */
  startxref: number;
  /** Original Info dictionary reference, if any. */
  info?: string;
}

/** Reads the last trailer of a PDF with classic cross-reference tables (what Skia writes). */
export function readTrailer(pdf: Uint8Array): Trailer {
  // The trailer sits in the last few hundred bytes; latin1 keeps byte offsets equal to indices.
  const tailStart = Math.max(0, pdf.length - 2048);
  const tail = Buffer.from(pdf.buffer, pdf.byteOffset + tailStart, pdf.length - tailStart).toString('latin1');
  const startMatch = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail);
  const trailerAt = tail.lastIndexOf('trailer');
  if (!startMatch || trailerAt < 0) {
    // Writers other than Skia often put the trailer in a cross-reference stream.
    throw new Error(`the printed PDF has no readable trailer${startMatch ? ' (a cross-reference stream?)' : ''}`);
  }
  const dict = tail.slice(trailerAt, startMatch.index);
  const size = /\/Size\s+(\d+)/.exec(dict);
  const root = /\/Root\s+(\d+\s+\d+\s+R)/.exec(dict);
  if (!size || !root) throw new Error('the printed PDF trailer lacks /Size or /Root');
  const info = /\/Info\s+(\d+\s+\d+\s+R)/.exec(dict);
  const trailer: Trailer = { size: Number(size[1]), root: root[1]!, startxref: Number(startMatch[1]) };
  if (info) trailer.info = info[1]!;
  return trailer;
}

/** The PDF with its document information replaced (other objects untouched). */
export function withPdfInfo(pdf: Uint8Array, info: PdfInfo, now: Date = new Date()): Uint8Array {
  const trailer = readTrailer(pdf);
  const objectNumber = trailer.size;
  const entries: string[] = [];
  const add = (key: string, value: string | undefined) => {
    if (value !== undefined && value !== '') entries.push(`/${key} ${pdfTextString(value)}`);
  };
  add('Title', info.title);
  add('Author', info.author);
  add('Subject', info.subject);
  add('Keywords', info.keywords);
  add('Creator', info.creator);
  add('Producer', 'Lectern (Chromium print pipeline)');
  entries.push(`/CreationDate ${pdfDate(now)}`, `/ModDate ${pdfDate(now)}`);
  // An update section starts on a new line after %%EOF.
  const lead = pdf[pdf.length - 1] === 0x0a ? '' : '\n';
  const objectText = `${lead}${objectNumber} 0 obj\n<<${entries.join('\n')}>>\nendobj\n`;
  const objectOffset = pdf.length + lead.length;
  const xrefOffset = pdf.length + Buffer.byteLength(objectText, 'latin1');
  const update =
    objectText +
    'xref\n0 1\n0000000000 65535 f \n' +
    `${objectNumber} 1\n${String(objectOffset).padStart(10, '0')} 00000 n \n` +
    `trailer\n<</Size ${objectNumber + 1} /Root ${trailer.root} /Info ${objectNumber} 0 R /Prev ${trailer.startxref}>>\n` +
    `startxref\n${xrefOffset}\n%%EOF\n`;
  const out = new Uint8Array(pdf.length + Buffer.byteLength(update, 'latin1'));
  out.set(pdf, 0);
  out.set(Buffer.from(update, 'latin1'), pdf.length);
  return out;
}
