// PowerPoint and image export, the parts that need no browser: the streaming .pptx writer, notes
// for the notes pane from compiled notes HTML, and the image export's names and options.
export { writePptx, PptxInputError, pngSize, type PptxWriteResult, type WritePptxOptions } from './pptx-writer';
export { notesFromHtml, linearTex } from './notes-from-html';
export {
  slideImageFileName,
  parseSlideRange,
  slidesInRange,
  parseImageScale,
  parseJpegQuality,
  imageSize,
  IMAGE_SCALE,
  JPEG_QUALITY,
  BASE_SIZE,
  type ImageFormat,
  type Parsed,
  type SlideImageName,
  type SlideRange,
} from './slide-images';
export type { NoteBlock, NoteList, NoteListItem, NoteParagraph, PptxDeckMeta, PptxSlide, PptxVideo } from './types';
