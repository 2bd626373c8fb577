// The identifiers planted in every fixture. Recognisable and obviously fake; tests search the
// bytes of every output for them.
export const PLANTED = {
  name: 'PHANTOM^PLANTED',
  id: 'LECTERN-ID-0042',
  birthDate: '19420101',
  institution: 'PLANTED GENERAL HOSPITAL',
  address: '42 Planted Road, Phantomville',
  serial: 'SN-PLANTED-7731',
  /** Greenwich, written as EXIF rationals and as XMP/ISO 6709 text. */
  gps: { lat: [51, 28, 3925] as const, latDivisor: 100, lon: [0, 0, 53] as const, xmp: '51,28.6542N', iso6709: '+51.4776-000.0015/' },
} as const;

/** Strings none of which may survive stripping or conversion. */
export const PLANTED_STRINGS = ['PHANTOM^PLANTED', 'PHANTOM', 'LECTERN-ID-0042', '19420101', '1942-01-01', 'PLANTED GENERAL', 'Phantomville', 'SN-PLANTED-7731', '51,28.6542N', '+51.4776'];
