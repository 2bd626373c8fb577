// esbuild bundles CSS imported from TypeScript into dist/renderer/renderer.css.
declare module '*.css';
