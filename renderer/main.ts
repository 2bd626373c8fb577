// The renderer bundle's entry: styles (reveal.js layout, KaTeX, bundled fonts, our themes and
// views) and the boot. esbuild emits dist/renderer/renderer.{js,css}.
import 'reveal.js/reveal.css';
import 'katex/dist/katex.min.css';
import './themes/fonts.css';
import './themes/slides.css';
import './themes/reveal-fonts.css';
import './themes/reveal-themes.css';
import './themes/code.css';
import './ui/overlays.css';
import './presenter/presenter.css';
import './study/study.css';
import './ink/ink.css';
import { boot } from './boot';

void boot();
