// One slide's parts: the slide (its title placeholder, the full-slide picture with alt text, any
// videos), its notes page, and both parts' relationships.
//
// The title goes in a real title placeholder, positioned just above the slide: PowerPoint's
// outline, the Navigation pane, slide-sorter tooltips, hyperlinks to slides and screen readers
// read it, and Accessibility Checker stops flagging "missing slide title"; off the slide it never
// shows in the show, in print or in PDF, and it does not hide under the picture where an editor
// could never find it. Microsoft's own accessibility guidance hides a title this way.

import { NOTES_BODY_BOX, NOTES_IMAGE_BOX, SHAPE_TREE_ROOT, SLIDE_HEIGHT, SLIDE_WIDTH, TITLE_BOX, xfrm } from './package-parts';
import type { NoteBlock, NoteList, PptxVideo } from './types';
import { escapeAttr, escapeText, NS, PML_NAMESPACES, REL, relationshipsXml, XML_DECLARATION, type Relationship } from './xml';

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The title box, a quarter inch above the slide's top edge. */
export const OFF_SLIDE_TITLE_BOX: Box = { ...TITLE_BOX, y: -TITLE_BOX.height - 228600 };

/** The largest box of the picture's aspect ratio centred on the slide (the whole slide at 16:9). */
export function pictureBox(pixelWidth: number, pixelHeight: number): Box {
  const scale = Math.min(SLIDE_WIDTH / pixelWidth, SLIDE_HEIGHT / pixelHeight);
  const width = Math.round(pixelWidth * scale);
  const height = Math.round(pixelHeight * scale);
  return { x: Math.round((SLIDE_WIDTH - width) / 2), y: Math.round((SLIDE_HEIGHT - height) / 2), width, height };
}

export interface SlideMedia {
  /** Zip path of the slide picture, e.g. `ppt/media/slide3.png`. */
  picture: string;
  pictureBox: Box;
  videos: Array<{ video: PptxVideo; file: string; poster: string }>;
}

const RECT = '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom>';
// p14:media's extension URI, fixed by [MS-PPTX] 2.3.x for embedded media.
const MEDIA_EXT_URI = '{DAA4B4D4-6D71-4841-9C94-3DE7FCFB9230}';

const fromPpt = (zipPath: string): string => `../${zipPath.replace(/^ppt\//, '')}`;

function run(text: string, language: string): string {
  return `<a:r><a:rPr lang="${language}" dirty="0"/><a:t>${escapeText(text)}</a:t></a:r>`;
}

/** A run per line, joined by line breaks (a:br), so a note's line breaks survive. */
function runs(text: string, language: string): string {
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => (line ? run(line, language) : ''))
    .join(`<a:br><a:rPr lang="${language}" dirty="0"/></a:br>`);
}

function paragraph(pPr: string, text: string, language: string): string {
  return `<a:p>${pPr}${runs(text, language)}<a:endParaRPr lang="${language}" dirty="0"/></a:p>`;
}

export function slideXml(n: number, title: string, altText: string, media: SlideMedia, language: string): string {
  const shapes: string[] = [];
  let id = 2;
  const oneLineTitle = title.replace(/\s+/g, ' ').trim();
  if (oneLineTitle) {
    shapes.push(
      `<p:sp><p:nvSpPr><p:cNvPr id="${id++}" name="Title ${n}"/><p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr>` +
        `<p:nvPr><p:ph type="title"/></p:nvPr></p:nvSpPr><p:spPr>${xfrm(OFF_SLIDE_TITLE_BOX)}</p:spPr>` +
        `<p:txBody><a:bodyPr/><a:lstStyle/>${paragraph('', oneLineTitle, language)}</p:txBody></p:sp>`,
    );
  }
  shapes.push(
    `<p:pic><p:nvPicPr><p:cNvPr id="${id++}" name="Slide ${n}" descr="${escapeAttr(altText)}"/>` +
      '<p:cNvPicPr><a:picLocks noChangeAspect="1"/></p:cNvPicPr><p:nvPr/></p:nvPicPr>' +
      '<p:blipFill><a:blip r:embed="rId3"/><a:stretch><a:fillRect/></a:stretch></p:blipFill>' +
      `<p:spPr>${xfrm(media.pictureBox)}${RECT}</p:spPr></p:pic>`,
  );
  const videoShapeIds: number[] = [];
  media.videos.forEach(({ video }, k) => {
    const [mediaRel, videoRel, posterRel] = videoRelIds(k);
    videoShapeIds.push(id);
    const box = {
      x: video.box.x * SLIDE_WIDTH,
      y: video.box.y * SLIDE_HEIGHT,
      width: video.box.width * SLIDE_WIDTH,
      height: video.box.height * SLIDE_HEIGHT,
    };
    shapes.push(
      `<p:pic><p:nvPicPr><p:cNvPr id="${id++}" name="Video ${k + 1}"><a:hlinkClick r:id="" action="ppaction://media"/></p:cNvPr>` +
        '<p:cNvPicPr><a:picLocks noChangeAspect="1"/></p:cNvPicPr>' +
        `<p:nvPr><a:videoFile r:link="${videoRel}"/><p:extLst><p:ext uri="${MEDIA_EXT_URI}">` +
        `<p14:media xmlns:p14="${NS.p14}" r:embed="${mediaRel}"/></p:ext></p:extLst></p:nvPr></p:nvPicPr>` +
        `<p:blipFill><a:blip r:embed="${posterRel}"/><a:stretch><a:fillRect/></a:stretch></p:blipFill>` +
        `<p:spPr>${xfrm(box)}${RECT}</p:spPr></p:pic>`,
    );
  });
  return (
    `${XML_DECLARATION}<p:sld ${PML_NAMESPACES}><p:cSld><p:spTree>${SHAPE_TREE_ROOT}${shapes.join('')}</p:spTree></p:cSld>` +
    `<p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr>${videoTiming(videoShapeIds)}</p:sld>`
  );
}

/**
 * The media nodes PowerPoint itself writes for an embedded video (played by a click on it), each
 * repeating until stopped: a cine loop loops as in the deck. Without a media node PowerPoint
 * shows the poster but offers no playback in the show.
 */
function videoTiming(shapeIds: readonly number[]): string {
  if (shapeIds.length === 0) return '';
  const nodes = shapeIds.map(
    (spid, k) =>
      `<p:video><p:cMediaNode vol="80000"><p:cTn id="${k + 2}" repeatCount="indefinite" fill="hold" display="0">` +
      '<p:stCondLst><p:cond delay="indefinite"/></p:stCondLst></p:cTn>' +
      `<p:tgtEl><p:spTgt spid="${spid}"/></p:tgtEl></p:cMediaNode></p:video>`,
  );
  return (
    '<p:timing><p:tnLst><p:par><p:cTn id="1" dur="indefinite" restart="never" nodeType="tmRoot">' +
    `<p:childTnLst>${nodes.join('')}</p:childTnLst></p:cTn></p:par></p:tnLst></p:timing>`
  );
}

/** Each video takes three relationships after the layout, notes and picture (rId1..rId3). */
function videoRelIds(k: number): [string, string, string] {
  const base = 4 + k * 3;
  return [`rId${base}`, `rId${base + 1}`, `rId${base + 2}`];
}

export function slideRelsXml(n: number, media: SlideMedia): string {
  const rels: Relationship[] = [
    { id: 'rId1', type: REL.slideLayout, target: '../slideLayouts/slideLayout1.xml' },
    { id: 'rId2', type: REL.notesSlide, target: `../notesSlides/notesSlide${n}.xml` },
    { id: 'rId3', type: REL.image, target: fromPpt(media.picture) },
  ];
  media.videos.forEach(({ file, poster }, k) => {
    const [mediaRel, videoRel, posterRel] = videoRelIds(k);
    // PowerPoint 2010+ reads the media relationship; older readers and Impress the video one.
    rels.push(
      { id: mediaRel, type: REL.media, target: fromPpt(file) },
      { id: videoRel, type: REL.video, target: fromPpt(file) },
      { id: posterRel, type: REL.image, target: fromPpt(poster) },
    );
  });
  return relationshipsXml(rels);
}

// Indents as PowerPoint's default bullets use them: 0.375 inch per level, hanging 0.3125 inch.
const LEVEL_INDENT = 342900;
const HANGING = -285750;
const MAX_LEVEL = 8;

function listParagraphs(list: NoteList, depth: number, language: string, out: string[]): void {
  const lvl = Math.min(depth, MAX_LEVEL);
  list.items.forEach((item, i) => {
    // Each item states its own number, so nesting or a paragraph between items cannot renumber it.
    const bullet = list.ordered
      ? `<a:buFont typeface="+mj-lt"/><a:buAutoNum type="arabicPeriod" startAt="${i + 1}"/>`
      : '<a:buFont typeface="Arial"/><a:buChar char="&#8226;"/>';
    const pPr = `<a:pPr marL="${(lvl + 1) * LEVEL_INDENT}" lvl="${lvl}" indent="${HANGING}">${bullet}</a:pPr>`;
    out.push(paragraph(pPr, item.text, language));
    for (const child of item.children ?? []) listParagraphs(child, depth + 1, language, out);
  });
}

/** The notes as DrawingML paragraphs: lists as real bulleted or numbered paragraphs. */
export function notesParagraphs(notes: readonly NoteBlock[], language: string): string {
  const out: string[] = [];
  for (const block of notes) {
    if (block.kind === 'paragraph') out.push(paragraph('<a:pPr marL="0" indent="0"><a:buNone/></a:pPr>', block.text, language));
    else listParagraphs(block, 0, language, out);
  }
  // A text body needs at least one paragraph.
  return out.length ? out.join('') : `<a:p><a:endParaRPr lang="${language}" dirty="0"/></a:p>`;
}

export function notesSlideXml(notes: readonly NoteBlock[], language: string): string {
  return (
    `${XML_DECLARATION}<p:notes ${PML_NAMESPACES}><p:cSld><p:spTree>${SHAPE_TREE_ROOT}` +
    '<p:sp><p:nvSpPr><p:cNvPr id="2" name="Slide Image Placeholder 1"/><p:cNvSpPr><a:spLocks noGrp="1" noRot="1" noChangeAspect="1"/></p:cNvSpPr>' +
    `<p:nvPr><p:ph type="sldImg"/></p:nvPr></p:nvSpPr><p:spPr>${xfrm(NOTES_IMAGE_BOX)}</p:spPr></p:sp>` +
    '<p:sp><p:nvSpPr><p:cNvPr id="3" name="Notes Placeholder 2"/><p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr>' +
    `<p:nvPr><p:ph type="body" idx="1"/></p:nvPr></p:nvSpPr><p:spPr>${xfrm(NOTES_BODY_BOX)}</p:spPr>` +
    `<p:txBody><a:bodyPr/><a:lstStyle/>${notesParagraphs(notes, language)}</p:txBody></p:sp>` +
    '</p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:notes>'
  );
}

export function notesSlideRelsXml(n: number): string {
  return relationshipsXml([
    { id: 'rId1', type: REL.notesMaster, target: '../notesMasters/notesMaster1.xml' },
    { id: 'rId2', type: REL.slide, target: `../slides/slide${n}.xml` },
  ]);
}
