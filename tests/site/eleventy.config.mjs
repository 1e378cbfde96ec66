// Eleventy's defaults (Markdown in, pretty URLs out: src/shipping/returns.md →
// _site/shipping/returns/index.html); the output folder comes from the test (--output).
export default function (config) {
  return { dir: { input: 'src', includes: '_includes' } };
}
