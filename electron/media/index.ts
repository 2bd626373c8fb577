// The media layer's public API for the compiler, exporters and asset protocol (issue 13).
// Pure Node: no electron, no DOM. Nothing here returns a metadata value, only names and places.
export { scanMetadata, type MetadataScan } from './scan-metadata';
export { stripMetadata, type StrippedFile } from './strip-metadata';
export { sniffFormat } from './sniff';
export { MAX_IN_MEMORY_BYTES, scanMediaFile, stripMediaFile } from './media-file';
export { decodeDicom, decodeDicomSeries, type DicomDecodeOptions, type DicomSource, type DicomStack } from './dicom/decode-dicom';
export { dicomStackCached, type CachedStack, type StackRequest } from './dicom/cached-stack';
export { dicomStackRequest } from './dicom/dicom-files';
export { isWindowPreset, WINDOW_PRESETS, type Window, type WindowChoice, type WindowPreset } from './dicom/windowing';
export { contentKey, directoryCache, memoryCache, type ContentCache } from './content-cache';
export type { FieldCategory, IdentifyingField, MediaError, MediaFormat, Result } from './types';
