// Which named metadata fields identify a person, place, institution or device. Sources: the
// EXIF 2.32 and TIFF 6 tag lists, IPTC IIM 4.2 record 2, XMP Dublin Core / Photoshop / IPTC Core,
// PNG keywords (PNG spec 11.3.4), QuickTime/iTunes metadata atoms, Matroska tag names, and the
// DICOM PS3.15 Annex E basic de-identification profile (DICOM names live in dicom/identifying-tags.ts).
import type { FieldCategory } from './types';

/** EXIF/TIFF tag names as exifr reports them. GPS tags are handled as a whole IFD. */
export const EXIF_IDENTIFYING: Record<string, FieldCategory> = {
  Artist: 'name', Copyright: 'name', ImageDescription: 'free-text', UserComment: 'free-text',
  XPAuthor: 'name', XPComment: 'free-text', XPSubject: 'free-text', XPTitle: 'free-text', XPKeywords: 'free-text',
  CameraOwnerName: 'name', OwnerName: 'name', BodySerialNumber: 'device', SerialNumber: 'device',
  LensSerialNumber: 'device', CameraSerialNumber: 'device', InternalSerialNumber: 'device',
  ImageUniqueID: 'id', HostComputer: 'device', DocumentName: 'free-text', PageName: 'free-text',
  DateTimeOriginal: 'date', CreateDate: 'date', DateTimeDigitized: 'date', ModifyDate: 'date', DateTime: 'date',
  MakerNote: 'device', ImageHistory: 'free-text', SecurityClassification: 'other',
};

/** XMP property local names (any namespace) that carry identifying content. */
export const XMP_IDENTIFYING: Record<string, FieldCategory> = {
  creator: 'name', rights: 'name', description: 'free-text', title: 'free-text', subject: 'free-text',
  contributor: 'name', publisher: 'name', Artist: 'name', Author: 'name', AuthorsPosition: 'name',
  CaptionWriter: 'name', Credit: 'name', Source: 'free-text', Instructions: 'free-text', Headline: 'free-text',
  City: 'address', State: 'address', Country: 'address', Location: 'address', Sublocation: 'address',
  CountryCode: 'address', CreatorContactInfo: 'address', CiAdrExtadr: 'address', CiAdrCity: 'address',
  CiEmailWork: 'address', CiTelWork: 'address', CiUrlWork: 'address', LocationCreated: 'address', LocationShown: 'address',
  GPSLatitude: 'gps', GPSLongitude: 'gps', GPSAltitude: 'gps', GPSTimeStamp: 'gps', GPSDestLatitude: 'gps', GPSDestLongitude: 'gps',
  SerialNumber: 'device', BodySerialNumber: 'device', LensSerialNumber: 'device', CameraOwnerName: 'name', OwnerName: 'name',
  UserComment: 'free-text', ImageDescription: 'free-text', PersonInImage: 'name', PersonInImageName: 'name',
  RegionList: 'name', Keywords: 'free-text', DateCreated: 'date', DateTimeOriginal: 'date', CreateDate: 'date',
  ImageUniqueID: 'id', DocumentID: 'id', OriginalDocumentID: 'id', InstanceID: 'id',
};

/** IPTC IIM record 2 datasets (number -> name). Every one of them is descriptive text about a person or place. */
export const IPTC_DATASETS: Record<number, [string, FieldCategory]> = {
  5: ['ObjectName', 'free-text'], 15: ['Category', 'free-text'], 20: ['SupplementalCategories', 'free-text'],
  25: ['Keywords', 'free-text'], 40: ['SpecialInstructions', 'free-text'], 55: ['DateCreated', 'date'],
  60: ['TimeCreated', 'date'], 80: ['By-line', 'name'], 85: ['By-lineTitle', 'name'], 90: ['City', 'address'],
  92: ['Sub-location', 'address'], 95: ['Province-State', 'address'], 100: ['CountryCode', 'address'],
  101: ['CountryName', 'address'], 103: ['OriginalTransmissionReference', 'id'], 105: ['Headline', 'free-text'],
  110: ['Credit', 'name'], 115: ['Source', 'institution'], 116: ['CopyrightNotice', 'name'], 118: ['Contact', 'address'],
  120: ['Caption-Abstract', 'free-text'], 122: ['Writer-Editor', 'name'],
};

/** PNG text keywords that name people, places or carry free text. Unknown keywords count as free text. */
export const PNG_KEYWORD_CATEGORY: Record<string, FieldCategory> = {
  Title: 'free-text', Author: 'name', Description: 'free-text', Copyright: 'name', 'Creation Time': 'date',
  Software: 'other', Disclaimer: 'free-text', Warning: 'free-text', Source: 'device', Comment: 'free-text',
};

/** QuickTime/iTunes atoms (© is 0xA9) and ffmpeg mdta keys. */
export const QUICKTIME_IDENTIFYING: Record<string, FieldCategory> = {
  '\u00a9xyz': 'gps', loci: 'gps', '\u00a9nam': 'free-text', '\u00a9cmt': 'free-text', '\u00a9ART': 'name', '\u00a9aut': 'name',
  '\u00a9day': 'date', '\u00a9des': 'free-text', '\u00a9inf': 'free-text', '\u00a9swr': 'other', '\u00a9mak': 'device',
  '\u00a9mod': 'device', '\u00a9too': 'other', cprt: 'name', desc: 'free-text', ldes: 'free-text', aART: 'name', '\u00a9wrt': 'name',
  'com.apple.quicktime.location.ISO6709': 'gps', 'com.apple.quicktime.author': 'name', 'com.apple.quicktime.comment': 'free-text',
  'com.apple.quicktime.description': 'free-text', 'com.apple.quicktime.title': 'free-text', 'com.apple.quicktime.creationdate': 'date',
  'com.apple.quicktime.make': 'device', 'com.apple.quicktime.model': 'device', location: 'gps', title: 'free-text', comment: 'free-text',
  artist: 'name', author: 'name', description: 'free-text', copyright: 'name', creation_time: 'date', date: 'date',
};

/** Names for categories of free-form tag names (Matroska TagName, PNG keywords, mdta keys). */
export function categoryOfTagName(name: string): FieldCategory {
  const n = name.toLowerCase();
  if (/gps|location|iso6709|latitude|longitude/.test(n)) return 'gps';
  if (/patient|artist|author|creator|owner|name|performer|director|copyright|byline|by-line|writer|credit/.test(n)) return 'name';
  if (/serial|device|make|model|station|encoder_serial/.test(n)) return 'device';
  if (/date|time|birth/.test(n)) return 'date';
  if (/address|city|country|state/.test(n)) return 'address';
  if (/hospital|institution|clinic/.test(n)) return 'institution';
  if (/\bid\b|_id|identifier|accession/.test(n)) return 'id';
  return 'free-text';
}
