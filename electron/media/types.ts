// Plain data shared by the media modules. No value read from a file is ever stored here:
// a finding names the field and where it sits, so a report can be printed or sent anywhere.

export type MediaFormat =
  | 'jpeg' | 'png' | 'webp' | 'tiff' | 'heif' | 'mp4' | 'webm' | 'dicom' | 'unknown';

/** One identifying field found in a file: its name and its place, never its value. */
export interface IdentifyingField {
  /** What the field is, e.g. "GPSLatitude", "PatientName", "JPEG comment". */
  field: string;
  /** Where it sits, e.g. "JPEG APP1 EXIF GPS IFD", "DICOM (0010,0010)". */
  where: string;
  category: FieldCategory;
}

export type FieldCategory =
  | 'name' | 'id' | 'date' | 'address' | 'gps' | 'institution' | 'device' | 'free-text' | 'other';

/** A problem with the file itself; `message` never quotes file content. */
export interface MediaError {
  kind: 'truncated' | 'corrupt' | 'unsupported' | 'too-large' | 'not-media';
  message: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: MediaError };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail<T>(kind: MediaError['kind'], message: string): Result<T> {
  return { ok: false, error: { kind, message } };
}
