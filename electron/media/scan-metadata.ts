// One entry point for the privacy check: which identifying fields a media file carries.
// Never throws; a file it cannot read is an error value. Values are never returned.
import { readDicom } from './dicom/read-dicom';
import { dicomFields } from './dicom/identifying-tags';
import { jpegFields, pngFields, tiffOrHeifFields, webpFields } from './image-metadata';
import { sniffFormat } from './sniff';
import { fail, ok, type IdentifyingField, type MediaFormat, type Result } from './types';
import { mp4Fields, webmFields } from './video-metadata';

export interface MetadataScan {
  format: MediaFormat;
  fields: IdentifyingField[];
}

async function fieldsOf(format: MediaFormat, bytes: Uint8Array): Promise<Result<IdentifyingField[]>> {
  switch (format) {
    case 'jpeg': return jpegFields(bytes);
    case 'png': return pngFields(bytes);
    case 'webp': return webpFields(bytes);
    case 'tiff': return tiffOrHeifFields(bytes, 'TIFF');
    case 'heif': return tiffOrHeifFields(bytes, 'HEIF');
    case 'mp4': return mp4Fields(bytes);
    case 'webm': return webmFields(bytes);
    case 'dicom': {
      const file = readDicom(bytes);
      return file.ok ? ok(dicomFields(file.value.dataSet)) : file;
    }
    case 'unknown': return fail('not-media', 'not a recognised image, video or DICOM file');
  }
}

export async function scanMetadata(bytes: Uint8Array): Promise<Result<MetadataScan>> {
  const format = sniffFormat(bytes);
  try {
    const fields = await fieldsOf(format, bytes);
    return fields.ok ? ok({ format, fields: fields.value }) : fields;
  } catch (thrown) {
    // A reader bug must not take the deck down; the message is ours, not file content.
    return fail('corrupt', `${format} metadata could not be read (${thrown instanceof Error ? thrown.name : 'error'})`);
  }
}
