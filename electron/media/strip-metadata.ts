// One entry point for the exporters and the asset protocol: the bytes to serve, with identifying
// metadata removed losslessly. The input is never modified. Formats that cannot be stripped
// without re-encoding come back as an 'unsupported' error so the caller decides (refuse or warn).
import { sniffFormat } from './sniff';
import { stripJpeg, stripPng, stripWebp, type StrippedFile } from './strip-image';
import { stripMp4, stripWebm } from './strip-video';
import { fail, type MediaFormat, type Result } from './types';

export type { StrippedFile } from './strip-image';

export function stripMetadata(bytes: Uint8Array): Result<StrippedFile & { format: MediaFormat }> {
  const format = sniffFormat(bytes);
  let result: Result<StrippedFile>;
  try {
    switch (format) {
      case 'jpeg': result = stripJpeg(bytes); break;
      case 'png': result = stripPng(bytes); break;
      case 'webp': result = stripWebp(bytes); break;
      case 'mp4': result = stripMp4(bytes); break;
      case 'webm': result = stripWebm(bytes); break;
      case 'tiff': case 'heif':
        return fail('unsupported', `cannot strip ${format.toUpperCase()} metadata losslessly; convert the image to PNG or JPEG`);
      case 'dicom':
        return fail('unsupported', 'DICOM is never served as is: convert it to images (decodeDicom)');
      case 'unknown':
        return fail('not-media', 'not a recognised image or video file');
    }
  } catch (thrown) {
    return fail('corrupt', `${format} could not be stripped (${thrown instanceof Error ? thrown.name : 'error'})`);
  }
  return result.ok ? { ok: true, value: { ...result.value, format } } : result;
}
