// Builds a little-endian TIFF/EXIF block the way phone cameras lay it out: IFD0 (Make, Model,
// Orientation, Artist, ImageDescription, pointers), an EXIF IFD (dates, UserComment, owner and
// body serial), and a GPS IFD (latitude/longitude as degree, minute, second rationals).
import { PLANTED } from './planted';

type Entry = { tag: number; type: 2 | 3 | 4 | 5 | 7; values: string | number[] | Uint8Array };

const TYPE_SIZE = { 2: 1, 3: 2, 4: 4, 5: 8, 7: 1 } as const;

function entryBytes(e: Entry): Buffer {
  if (e.type === 2) return Buffer.from(`${e.values as string}\0`, 'latin1');
  if (e.type === 7) return Buffer.from(e.values as Uint8Array);
  const nums = e.values as number[];
  const out = Buffer.alloc(nums.length * TYPE_SIZE[e.type]);
  nums.forEach((n, i) => {
    if (e.type === 3) out.writeUInt16LE(n, i * 2);
    else out.writeUInt32LE(n, i * 4); // type 5 is written as pairs already flattened
  });
  return out;
}

function count(e: Entry, bytes: Buffer): number {
  return e.type === 5 ? bytes.length / 8 : bytes.length / TYPE_SIZE[e.type];
}

/** Lays out IFDs one after another; values over 4 bytes go to a data area after each IFD. */
function buildTiff(ifds: Entry[][], pointers: Array<{ from: number; tag: number; to: number }>): Buffer {
  const header = Buffer.from([0x49, 0x49, 0x2a, 0x00, 8, 0, 0, 0]);
  // First pass: sizes, to know every IFD's offset.
  const sizes = ifds.map((entries) => 2 + entries.length * 12 + 4 + entries.reduce((sum, e) => {
    const b = entryBytes(e);
    return sum + (b.length > 4 ? b.length + (b.length % 2) : 0);
  }, 0));
  const offsets: number[] = [];
  let at = 8;
  for (const size of sizes) { offsets.push(at); at += size; }
  for (const p of pointers) {
    const entry = ifds[p.from]!.find((e) => e.tag === p.tag)!;
    entry.values = [offsets[p.to]!];
  }
  const parts: Buffer[] = [header];
  ifds.forEach((entries, i) => {
    const sorted = [...entries].sort((a, b) => a.tag - b.tag);
    const table = Buffer.alloc(2 + sorted.length * 12 + 4);
    table.writeUInt16LE(sorted.length, 0);
    let dataAt = offsets[i]! + table.length;
    const data: Buffer[] = [];
    sorted.forEach((e, k) => {
      const bytes = entryBytes(e);
      const row = 2 + k * 12;
      table.writeUInt16LE(e.tag, row);
      table.writeUInt16LE(e.type, row + 2);
      table.writeUInt32LE(count(e, bytes), row + 4);
      if (bytes.length <= 4) bytes.copy(table, row + 8);
      else {
        table.writeUInt32LE(dataAt, row + 8);
        const padded = bytes.length % 2 ? Buffer.concat([bytes, Buffer.alloc(1)]) : bytes;
        data.push(padded);
        dataAt += padded.length;
      }
    });
    parts.push(table, ...data);
  });
  return Buffer.concat(parts);
}

export function plantedExif(orientation = 6): Buffer {
  const { gps } = PLANTED;
  const ifd0: Entry[] = [
    { tag: 0x010e, type: 2, values: `Patient ${PLANTED.name} ${PLANTED.id}` }, // ImageDescription
    { tag: 0x010f, type: 2, values: 'LecternPhone' }, // Make
    { tag: 0x0110, type: 2, values: 'Fixture 1' }, // Model
    { tag: 0x0112, type: 3, values: [orientation] },
    { tag: 0x013b, type: 2, values: PLANTED.name }, // Artist
    { tag: 0x8769, type: 4, values: [0] }, // EXIF IFD pointer
    { tag: 0x8825, type: 4, values: [0] }, // GPS IFD pointer
  ];
  const exif: Entry[] = [
    { tag: 0x9003, type: 2, values: '2024:02:29 10:42:00' }, // DateTimeOriginal
    { tag: 0x9286, type: 7, values: Buffer.from(`ASCII\0\0\0DOB ${PLANTED.birthDate}`, 'latin1') }, // UserComment
    { tag: 0xa430, type: 2, values: PLANTED.name }, // CameraOwnerName
    { tag: 0xa431, type: 2, values: PLANTED.serial }, // BodySerialNumber
  ];
  const gpsIfd: Entry[] = [
    { tag: 0x0001, type: 2, values: 'N' },
    { tag: 0x0002, type: 5, values: [gps.lat[0], 1, gps.lat[1], 1, gps.lat[2], gps.latDivisor] },
    { tag: 0x0003, type: 2, values: 'W' },
    { tag: 0x0004, type: 5, values: [gps.lon[0], 1, gps.lon[1], 1, gps.lon[2], 10] },
  ];
  return buildTiff([ifd0, exif, gpsIfd], [{ from: 0, tag: 0x8769, to: 1 }, { from: 0, tag: 0x8825, to: 2 }]);
}

/** The GPS latitude rationals as they sit in the file: a byte pattern tests look for. */
export function plantedGpsBytes(): Buffer {
  const { gps } = PLANTED;
  return entryBytes({ tag: 2, type: 5, values: [gps.lat[0], 1, gps.lat[1], 1, gps.lat[2], gps.latDivisor] });
}

export function plantedXmp(): string {
  return `<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/"
 xmlns:exif="http://ns.adobe.com/exif/1.0/" xmlns:aux="http://ns.adobe.com/exif/1.0/aux/"
 photoshop:City="Phantomville" exif:GPSLatitude="${PLANTED.gps.xmp}" aux:SerialNumber="${PLANTED.serial}">
<dc:creator><rdf:Seq><rdf:li>${PLANTED.name}</rdf:li></rdf:Seq></dc:creator>
<dc:description><rdf:Alt><rdf:li xml:lang="x-default">MRN ${PLANTED.id} born 1942-01-01</rdf:li></rdf:Alt></dc:description>
</rdf:Description></rdf:RDF></x:xmpmeta>
<?xpacket end="w"?>`;
}

/** IPTC IIM as PACS viewers and photo tools write it into APP13 (Photoshop 8BIM resource 0x0404). */
export function plantedPhotoshopIptc(): Buffer {
  const dataset = (n: number, text: string): Buffer => {
    const value = Buffer.from(text, 'latin1');
    return Buffer.concat([Buffer.from([0x1c, 2, n, value.length >> 8, value.length & 0xff]), value]);
  };
  const iim = Buffer.concat([
    Buffer.from([0x1c, 2, 0, 0, 2, 0, 4]), // record version
    dataset(80, PLANTED.name), dataset(120, `Patient ID ${PLANTED.id}, DOB ${PLANTED.birthDate}`), dataset(90, 'Phantomville'),
  ]);
  const size = Buffer.alloc(4);
  size.writeUInt32BE(iim.length, 0);
  const padded = iim.length % 2 ? Buffer.concat([iim, Buffer.alloc(1)]) : iim;
  return Buffer.concat([Buffer.from('Photoshop 3.0\0', 'latin1'), Buffer.from('8BIM', 'latin1'), Buffer.from([0x04, 0x04, 0, 0]), size, padded]);
}

/** A stand-in colour profile: tests check it survives stripping byte for byte. */
export const ICC_SENTINEL = Buffer.from('LECTERN-ICC-SENTINEL-PROFILE-BYTES', 'latin1');
