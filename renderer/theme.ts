// A deck's theme on the page: `<html data-theme>` picks a built-in palette (light, dark or a
// reveal.js theme, renderer/themes), and a theme given as a CSS file (sanitised by the compiler,
// its url()s deck assets) goes in one <style> element, replaced when the deck reloads.

import { themeAttribute, type Deck } from '../electron/deck/types';
import { mapAssetUrls, type AssetUrl } from './assets';

const STYLE_ID = 'lectern-deck-theme';

export function applyDeckTheme(deck: Deck, assetUrl: AssetUrl): void {
  document.documentElement.dataset.theme = themeAttribute(deck.meta.theme);
  let style = document.getElementById(STYLE_ID);
  const css = deck.meta.themeCss ?? '';
  if (!css) {
    style?.remove();
    return;
  }
  if (!style) {
    style = document.createElement('style');
    style.id = STYLE_ID;
    document.head.append(style);
  }
  style.textContent = mapAssetUrls(css, assetUrl);
}
