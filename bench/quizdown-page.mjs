// The peer of the benchmark's side by side (scripts/bench.mjs): the Django deck as a quizdown
// page (quizdown 0.4.1, the JavaScript quiz library a learner would otherwise be given; an npm
// devDependency). Written into a folder of its own with quizdown's bundle and its highlight
// extension (the deck's code is Python, which quizdeck highlights at build time and quizdown in
// the page), and served by tests/e2e/serve.mjs like the app.
//
// The questions are the deck file's own, read through the deck compiler's JSON export (as the
// end-to-end tests read them): every question of the Django deck in quizdown's Markdown, the one
// quizdeck's first round begins with (read from the build's index.html) first, then the rest in
// file order. A single-choice question is an ordered task list, an order question a sequence;
// each wrong option's reason is its comment and the hint is the question's blockquote.
// quizdown's heading is one line: the prompt's first paragraph outside its code, the rest of the
// prompt under it.
//
// Usage: node bench/quizdown-page.mjs [out-dir] [quizdeck-dist] (default out-dir:
// target/bench/quizdown); scripts/bench.mjs calls writeQuizdownPage.
import { exportDecks } from '../scripts/deck-export.mjs';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const PACKAGE = join(ROOT, 'node_modules/quizdown');
export const PEER_VERSION = JSON.parse(readFileSync(join(PACKAGE, 'package.json'), 'utf8')).version;
const DECK = 'django-async';


/** Markdown's blocks (paragraphs, fenced code), split on the blank lines outside a fence. */
function blocks(markdown) {
  const out = [];
  let current = [];
  let fenced = false;
  for (const line of markdown.trim().split('\n')) {
    if (line.trimStart().startsWith('```')) fenced = !fenced;
    if (!fenced && line.trim() === '') {
      if (current.length) out.push(current.join('\n'));
      current = [];
    } else {
      current.push(line);
    }
  }
  if (current.length) out.push(current.join('\n'));
  return out;
}

const quote = (text) => text.trim().split('\n').map((line) => `> ${line}`).join('\n');
const indented = (text) => text.split('\n').map((line) => (line ? `    ${line}` : '')).join('\n');

function questionMarkdown(question) {
  const parts = blocks(question.prompt);
  const headingAt = Math.max(0, parts.findIndex((block) => !block.startsWith('```')));
  const lines = [`### ${parts[headingAt].replace(/\s*\n\s*/g, ' ')}`, ''];
  for (const [i, block] of parts.entries()) if (i !== headingAt) lines.push(block, '');
  if (question.hint) lines.push(quote(question.hint), '');
  const order = question.kind === 'order';
  const multiple = Array.isArray(question.answer);
  const right = [question.answer].flat();
  question.choice.forEach((choice, i) => {
    const box = `[${right.includes(choice.id) ? 'x' : ' '}] `;
    const marker = order ? `${i + 1}. ` : multiple ? `- ${box}` : `1. ${box}`;
    const [first, ...rest] = choice.text.trim().split('\n');
    lines.push(marker + first);
    if (rest.length) lines.push(indented(rest.join('\n')));
    if (choice.why && !order) lines.push(indented(quote(choice.why)));
  });
  return lines.join('\n');
}

/** `text` safe inside HTML; quizdown decodes exactly these three entities before parsing. */
const escapeHtml = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * Writes the peer page into `outDir` (index.html, quizdown.js, quizdownHighlight.js); with
 * `quizdeckDist`, its first question is the one that build's first round begins with.
 * Returns the number of questions and the first one's id.
 */
export function writeQuizdownPage(outDir, quizdeckDist) {
  const deck = exportDecks()[DECK];
  let firstId = deck.question[0].id;
  if (quizdeckDist) {
    const html = readFileSync(join(quizdeckDist, 'index.html'), 'utf8');
    const first = html.match(new RegExp(`<template[^>]*data-deck="?${DECK}"?[^>]*>\\s*<article[^>]*data-question="?([\\w-]+)`));
    if (first) firstId = first[1];
  }
  const questions = [...deck.question].sort((a, b) => (b.id === firstId) - (a.id === firstId));
  const page = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(deck.deck.title)} · quizdown</title>
<script src="quizdown.js"></script>
<script src="quizdownHighlight.js"></script>
<script>quizdown.register(quizdownHighlight).init();</script>
</head>
<body>
<div class="quizdown">
${escapeHtml(questions.map(questionMarkdown).join('\n\n'))}
</div>
</body>
</html>
`;
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'index.html'), page);
  copyFileSync(join(PACKAGE, 'public/build/quizdown.js'), join(outDir, 'quizdown.js'));
  copyFileSync(join(PACKAGE, 'public/build/extensions/quizdownHighlight.js'), join(outDir, 'quizdownHighlight.js'));
  return { questions: questions.length, firstId };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [outDir = 'target/bench/quizdown', dist] = process.argv.slice(2);
  const { questions, firstId } = writeQuizdownPage(resolve(outDir), dist && resolve(dist));
  process.stderr.write(`quizdown page: ${questions} questions, the first ${firstId}, in ${outDir}\n`);
}
