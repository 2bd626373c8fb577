// The one DrawingML theme both masters use. The schema (ECMA-376 Part 1, 20.1.6) requires all
// twelve scheme colours, major and minor fonts, and at least three entries in each of the four
// format-style lists; PowerPoint refuses a package whose theme lacks any of them. The slides are
// pictures, so the theme only styles the hidden title and the notes text.

import { NS, XML_DECLARATION } from './xml';

const COLOURS: ReadonlyArray<[string, string]> = [
  ['dk1', '<a:sysClr val="windowText" lastClr="000000"/>'],
  ['lt1', '<a:sysClr val="window" lastClr="FFFFFF"/>'],
  ['dk2', '<a:srgbClr val="1F2937"/>'],
  ['lt2', '<a:srgbClr val="E5E7EB"/>'],
  ['accent1', '<a:srgbClr val="2563EB"/>'],
  ['accent2', '<a:srgbClr val="D97706"/>'],
  ['accent3', '<a:srgbClr val="059669"/>'],
  ['accent4', '<a:srgbClr val="7C3AED"/>'],
  ['accent5', '<a:srgbClr val="DC2626"/>'],
  ['accent6', '<a:srgbClr val="0891B2"/>'],
  ['hlink', '<a:srgbClr val="1D4ED8"/>'],
  ['folHlink', '<a:srgbClr val="6D28D9"/>'],
];

const FONTS = '<a:latin typeface="Calibri"/><a:ea typeface=""/><a:cs typeface=""/>';
const SOLID = '<a:solidFill><a:schemeClr val="phClr"/></a:solidFill>';
const LINE = (w: number): string =>
  `<a:ln w="${w}" cap="flat" cmpd="sng" algn="ctr">${SOLID}<a:prstDash val="solid"/><a:miter lim="800000"/></a:ln>`;

export function themeXml(name: string): string {
  const colours = COLOURS.map(([slot, value]) => `<a:${slot}>${value}</a:${slot}>`).join('');
  return (
    `${XML_DECLARATION}<a:theme xmlns:a="${NS.a}" name="${name}"><a:themeElements>` +
    `<a:clrScheme name="Lectern">${colours}</a:clrScheme>` +
    `<a:fontScheme name="Lectern"><a:majorFont>${FONTS}</a:majorFont><a:minorFont>${FONTS}</a:minorFont></a:fontScheme>` +
    '<a:fmtScheme name="Lectern">' +
    `<a:fillStyleLst>${SOLID}${SOLID}${SOLID}</a:fillStyleLst>` +
    `<a:lnStyleLst>${LINE(6350)}${LINE(12700)}${LINE(19050)}</a:lnStyleLst>` +
    '<a:effectStyleLst>' +
    '<a:effectStyle><a:effectLst/></a:effectStyle>'.repeat(3) +
    '</a:effectStyleLst>' +
    `<a:bgFillStyleLst>${SOLID}${SOLID}${SOLID}</a:bgFillStyleLst>` +
    '</a:fmtScheme></a:themeElements><a:objectDefaults/><a:extraClrSchemeLst/></a:theme>'
  );
}
