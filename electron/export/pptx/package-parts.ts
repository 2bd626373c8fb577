// The parts every Lectern .pptx holds once, whatever its slides: content types, relationships,
// presentation.xml, one slide master with one "Title Only" layout, the notes master, the theme and
// the document properties. Shapes follow ECMA-376 Part 1 (PresentationML, section 19) in the
// element order its schema fixes; PowerPoint repairs, rather than opens, a part out of order.

import { themeXml } from './theme';
import type { PptxDeckMeta } from './types';
import { escapeText, NS, PML_NAMESPACES, REL, relationshipsXml, XML_DECLARATION, type Relationship } from './xml';

/** 16:9 at PowerPoint's own widescreen size, 13.333 x 7.5 inches, in EMU (914400 per inch). */
export const SLIDE_WIDTH = 12192000;
export const SLIDE_HEIGHT = 6858000;
/** Portrait notes page, 7.5 x 10 inches. */
export const NOTES_WIDTH = 6858000;
export const NOTES_HEIGHT = 9144000;

/** Where the title sits on the master and layout (where it shows if a user drags it on). */
export const TITLE_BOX = { x: 838200, y: 365125, width: 10515600, height: 1325563 };

const CT = {
  presentation: 'application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml',
  slide: 'application/vnd.openxmlformats-officedocument.presentationml.slide+xml',
  slideMaster: 'application/vnd.openxmlformats-officedocument.presentationml.slideMaster+xml',
  slideLayout: 'application/vnd.openxmlformats-officedocument.presentationml.slideLayout+xml',
  notesMaster: 'application/vnd.openxmlformats-officedocument.presentationml.notesMaster+xml',
  notesSlide: 'application/vnd.openxmlformats-officedocument.presentationml.notesSlide+xml',
  theme: 'application/vnd.openxmlformats-officedocument.theme+xml',
  presProps: 'application/vnd.openxmlformats-officedocument.presentationml.presProps+xml',
  viewProps: 'application/vnd.openxmlformats-officedocument.presentationml.viewProps+xml',
  tableStyles: 'application/vnd.openxmlformats-officedocument.presentationml.tableStyles+xml',
  core: 'application/vnd.openxmlformats-package.core-properties+xml',
  app: 'application/vnd.openxmlformats-officedocument.extended-properties+xml',
  rels: 'application/vnd.openxmlformats-package.relationships+xml',
} as const;

/** Media types by extension: Defaults, so they need no entry per picture or video. */
const MEDIA_DEFAULTS: ReadonlyArray<[string, string]> = [
  ['png', 'image/png'],
  ['jpeg', 'image/jpeg'],
  ['mp4', 'video/mp4'],
];

/** Slide ids start at 256 (the schema's minimum); master and layout ids at 2^31, unique together. */
export const FIRST_SLIDE_ID = 256;
const MASTER_ID = 2147483648;
const LAYOUT_ID = 2147483649;

/** Relationship ids of presentation.xml; slides follow from rId7. */
const PRESENTATION_RELS: Relationship[] = [
  { id: 'rId1', type: REL.slideMaster, target: 'slideMasters/slideMaster1.xml' },
  { id: 'rId2', type: REL.notesMaster, target: 'notesMasters/notesMaster1.xml' },
  { id: 'rId3', type: REL.theme, target: 'theme/theme1.xml' },
  { id: 'rId4', type: REL.presProps, target: 'presProps.xml' },
  { id: 'rId5', type: REL.viewProps, target: 'viewProps.xml' },
  { id: 'rId6', type: REL.tableStyles, target: 'tableStyles.xml' },
];
const slideRelId = (n: number): string => `rId${PRESENTATION_RELS.length + n}`;

export function contentTypesXml(slideCount: number): string {
  const defaults = [['rels', CT.rels], ['xml', 'application/xml'], ...MEDIA_DEFAULTS]
    .map(([ext, type]) => `<Default Extension="${ext}" ContentType="${type}"/>`)
    .join('');
  const parts: Array<[string, string]> = [
    ['/ppt/presentation.xml', CT.presentation],
    ['/ppt/slideMasters/slideMaster1.xml', CT.slideMaster],
    ['/ppt/slideLayouts/slideLayout1.xml', CT.slideLayout],
    ['/ppt/notesMasters/notesMaster1.xml', CT.notesMaster],
    ['/ppt/theme/theme1.xml', CT.theme],
    ['/ppt/theme/theme2.xml', CT.theme],
    ['/ppt/presProps.xml', CT.presProps],
    ['/ppt/viewProps.xml', CT.viewProps],
    ['/ppt/tableStyles.xml', CT.tableStyles],
    ['/docProps/core.xml', CT.core],
    ['/docProps/app.xml', CT.app],
  ];
  for (let n = 1; n <= slideCount; n++) {
    parts.push([`/ppt/slides/slide${n}.xml`, CT.slide], [`/ppt/notesSlides/notesSlide${n}.xml`, CT.notesSlide]);
  }
  const overrides = parts.map(([name, type]) => `<Override PartName="${name}" ContentType="${type}"/>`).join('');
  return `${XML_DECLARATION}<Types xmlns="${NS.contentTypes}">${defaults}${overrides}</Types>`;
}

export function rootRelsXml(): string {
  return relationshipsXml([
    { id: 'rId1', type: REL.officeDocument, target: 'ppt/presentation.xml' },
    { id: 'rId2', type: REL.coreProperties, target: 'docProps/core.xml' },
    { id: 'rId3', type: REL.extendedProperties, target: 'docProps/app.xml' },
  ]);
}

/** W3CDTF without fractions of a second, as Office writes it. */
function w3cdtf(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function corePropertiesXml(meta: PptxDeckMeta, language: string): string {
  const date = w3cdtf(meta.date ?? new Date());
  const author = meta.author ? escapeText(meta.author) : '';
  return (
    `${XML_DECLARATION}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ' +
    'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${escapeText(meta.title)}</dc:title>` +
    (author ? `<dc:creator>${author}</dc:creator><cp:lastModifiedBy>${author}</cp:lastModifiedBy>` : '') +
    `<dc:language>${language}</dc:language>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${date}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${date}</dcterms:modified>` +
    '</cp:coreProperties>'
  );
}

export function appPropertiesXml(slideCount: number): string {
  return (
    `${XML_DECLARATION}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" ` +
    'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">' +
    `<Application>Lectern</Application><PresentationFormat>Widescreen</PresentationFormat>` +
    `<Slides>${slideCount}</Slides><Notes>${slideCount}</Notes></Properties>`
  );
}

export function presentationXml(slideCount: number): string {
  const slideIds = Array.from({ length: slideCount }, (_, i) => `<p:sldId id="${FIRST_SLIDE_ID + i}" r:id="${slideRelId(i + 1)}"/>`);
  return (
    `${XML_DECLARATION}<p:presentation ${PML_NAMESPACES} saveSubsetFonts="1">` +
    `<p:sldMasterIdLst><p:sldMasterId id="${MASTER_ID}" r:id="rId1"/></p:sldMasterIdLst>` +
    '<p:notesMasterIdLst><p:notesMasterId r:id="rId2"/></p:notesMasterIdLst>' +
    (slideCount > 0 ? `<p:sldIdLst>${slideIds.join('')}</p:sldIdLst>` : '') +
    `<p:sldSz cx="${SLIDE_WIDTH}" cy="${SLIDE_HEIGHT}"/><p:notesSz cx="${NOTES_WIDTH}" cy="${NOTES_HEIGHT}"/>` +
    '</p:presentation>'
  );
}

export function presentationRelsXml(slideCount: number): string {
  const slides = Array.from({ length: slideCount }, (_, i) => ({
    id: slideRelId(i + 1),
    type: REL.slide,
    target: `slides/slide${i + 1}.xml`,
  }));
  return relationshipsXml([...PRESENTATION_RELS, ...slides]);
}

const CLR_MAP =
  'bg1="lt1" tx1="dk1" bg2="lt2" tx2="dk2" accent1="accent1" accent2="accent2" accent3="accent3" ' +
  'accent4="accent4" accent5="accent5" accent6="accent6" hlink="hlink" folHlink="folHlink"';

/** The group every shape tree opens with (id 1 on every slide). */
export const SHAPE_TREE_ROOT =
  '<p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr>' +
  '<p:grpSpPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/><a:chOff x="0" y="0"/><a:chExt cx="0" cy="0"/></a:xfrm></p:grpSpPr>';

const BACKGROUND = '<p:bg><p:bgRef idx="1001"><a:schemeClr val="bg1"/></p:bgRef></p:bg>';

export function xfrm(box: { x: number; y: number; width: number; height: number }): string {
  return `<a:xfrm><a:off x="${Math.round(box.x)}" y="${Math.round(box.y)}"/><a:ext cx="${Math.round(box.width)}" cy="${Math.round(box.height)}"/></a:xfrm>`;
}

const RECT = '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom>';

function placeholder(id: number, name: string, ph: string, box: typeof TITLE_BOX | null, language: string): string {
  return (
    `<p:sp><p:nvSpPr><p:cNvPr id="${id}" name="${name}"/><p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr>` +
    `<p:nvPr>${ph}</p:nvPr></p:nvSpPr><p:spPr>${box ? xfrm(box) + RECT : ''}</p:spPr>` +
    `<p:txBody><a:bodyPr/><a:lstStyle/><a:p><a:endParaRPr lang="${language}"/></a:p></p:txBody></p:sp>`
  );
}

const level = (n: number, size: number, font: string): string =>
  `<a:lvl${n}pPr><a:defRPr sz="${size}"><a:solidFill><a:schemeClr val="tx1"/></a:solidFill><a:latin typeface="${font}"/></a:defRPr></a:lvl${n}pPr>`;

export function slideMasterXml(language: string): string {
  return (
    `${XML_DECLARATION}<p:sldMaster ${PML_NAMESPACES}><p:cSld>${BACKGROUND}<p:spTree>${SHAPE_TREE_ROOT}` +
    placeholder(2, 'Title Placeholder 1', '<p:ph type="title"/>', TITLE_BOX, language) +
    `</p:spTree></p:cSld><p:clrMap ${CLR_MAP}/>` +
    `<p:sldLayoutIdLst><p:sldLayoutId id="${LAYOUT_ID}" r:id="rId1"/></p:sldLayoutIdLst>` +
    `<p:txStyles><p:titleStyle>${level(1, 4400, '+mj-lt')}</p:titleStyle>` +
    `<p:bodyStyle>${level(1, 2800, '+mn-lt')}</p:bodyStyle><p:otherStyle>${level(1, 1800, '+mn-lt')}</p:otherStyle></p:txStyles>` +
    '</p:sldMaster>'
  );
}

export function slideMasterRelsXml(): string {
  return relationshipsXml([
    { id: 'rId1', type: REL.slideLayout, target: '../slideLayouts/slideLayout1.xml' },
    { id: 'rId2', type: REL.theme, target: '../theme/theme1.xml' },
  ]);
}

export function slideLayoutXml(language: string): string {
  return (
    `${XML_DECLARATION}<p:sldLayout ${PML_NAMESPACES} type="titleOnly" preserve="1"><p:cSld name="Title Only"><p:spTree>${SHAPE_TREE_ROOT}` +
    placeholder(2, 'Title 1', '<p:ph type="title"/>', null, language) +
    '</p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sldLayout>'
  );
}

export function slideLayoutRelsXml(): string {
  return relationshipsXml([{ id: 'rId1', type: REL.slideMaster, target: '../slideMasters/slideMaster1.xml' }]);
}

/** Slide thumbnail and notes text on the portrait notes page (16:9 thumbnail). */
export const NOTES_IMAGE_BOX = { x: 685800, y: 1143000, width: 5486400, height: 3086100 };
export const NOTES_BODY_BOX = { x: 685800, y: 4400550, width: 5486400, height: 3600450 };

export function notesMasterXml(language: string): string {
  const image =
    '<p:sp><p:nvSpPr><p:cNvPr id="2" name="Slide Image Placeholder 1"/><p:cNvSpPr><a:spLocks noGrp="1" noRot="1" noChangeAspect="1"/></p:cNvSpPr>' +
    `<p:nvPr><p:ph type="sldImg" idx="2"/></p:nvPr></p:nvSpPr><p:spPr>${xfrm(NOTES_IMAGE_BOX)}${RECT}<a:noFill/>` +
    '<a:ln w="12700"><a:solidFill><a:prstClr val="black"/></a:solidFill></a:ln></p:spPr></p:sp>';
  return (
    `${XML_DECLARATION}<p:notesMaster ${PML_NAMESPACES}><p:cSld>${BACKGROUND}<p:spTree>${SHAPE_TREE_ROOT}${image}` +
    placeholder(3, 'Notes Placeholder 2', '<p:ph type="body" sz="quarter" idx="3"/>', NOTES_BODY_BOX, language) +
    `</p:spTree></p:cSld><p:clrMap ${CLR_MAP}/><p:notesStyle>${level(1, 1200, '+mn-lt')}</p:notesStyle></p:notesMaster>`
  );
}

export function notesMasterRelsXml(): string {
  return relationshipsXml([{ id: 'rId1', type: REL.theme, target: '../theme/theme2.xml' }]);
}

export const presPropsXml = (): string => `${XML_DECLARATION}<p:presentationPr ${PML_NAMESPACES}/>`;
export const viewPropsXml = (): string =>
  `${XML_DECLARATION}<p:viewPr ${PML_NAMESPACES}><p:normalViewPr><p:restoredLeft sz="15620"/><p:restoredTop sz="80000"/></p:normalViewPr><p:gridSpacing cx="76200" cy="76200"/></p:viewPr>`;
// The GUID is PowerPoint's built-in "Medium Style 2 - Accent 1", the default it names itself.
export const tableStylesXml = (): string =>
  `${XML_DECLARATION}<a:tblStyleLst xmlns:a="${NS.a}" def="{5C22544A-7EE6-4342-B048-85BDC9FD1C3A}"/>`;

/** Every once-per-file part, in the order they go into the zip (content types first, as Office writes it). */
export function packageParts(meta: PptxDeckMeta, language: string, slideCount: number): Array<[string, string]> {
  return [
    ['[Content_Types].xml', contentTypesXml(slideCount)],
    ['_rels/.rels', rootRelsXml()],
    ['docProps/core.xml', corePropertiesXml(meta, language)],
    ['docProps/app.xml', appPropertiesXml(slideCount)],
    ['ppt/presentation.xml', presentationXml(slideCount)],
    ['ppt/_rels/presentation.xml.rels', presentationRelsXml(slideCount)],
    ['ppt/slideMasters/slideMaster1.xml', slideMasterXml(language)],
    ['ppt/slideMasters/_rels/slideMaster1.xml.rels', slideMasterRelsXml()],
    ['ppt/slideLayouts/slideLayout1.xml', slideLayoutXml(language)],
    ['ppt/slideLayouts/_rels/slideLayout1.xml.rels', slideLayoutRelsXml()],
    ['ppt/notesMasters/notesMaster1.xml', notesMasterXml(language)],
    ['ppt/notesMasters/_rels/notesMaster1.xml.rels', notesMasterRelsXml()],
    ['ppt/theme/theme1.xml', themeXml('Lectern')],
    ['ppt/theme/theme2.xml', themeXml('Lectern Notes')],
    ['ppt/presProps.xml', presPropsXml()],
    ['ppt/viewProps.xml', viewPropsXml()],
    ['ppt/tableStyles.xml', tableStylesXml()],
  ];
}
