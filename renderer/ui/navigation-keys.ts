// What the audience and presenter key tables share: the digits of a slide number and the `?`
// overlay's wording for the navigation rows, so both views describe the same keys the same way.

export const DIGITS = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];
export const DIGITS_LABEL = '1 2 3 … then Enter';

/** Overlay rows two entries share (KeyEntry.helpRow). */
export const SKIP_ROW = 'Next / previous slide, skipping fragments';
export const ENDS_ROW = 'First / last slide';
