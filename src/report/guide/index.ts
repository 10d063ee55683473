export { renderGuideHtml } from './render-guide-html.js';
export { renderGuideMarkdown } from './render-guide-markdown.js';
