//! Markdown to finished HTML, with code highlighted at build time.
//!
//! Policy (deck authors write Markdown, not HTML):
//! - raw HTML (a tag, a comment) anywhere in the Markdown is an error, not escaped: an author who
//!   wrote `<b>` or `<script>` sees the build fail and puts it in backticks, instead of the
//!   learner seeing a stray tag;
//! - images are an error (there is no asset pipeline for them); links must be `http(s):`,
//!   `mailto:`, or relative;
//! - fenced code in a language syntect knows (```python) is parsed into TextMate scopes, and
//!   each run of text the app's CSS colours gets one span with one of [`TOKEN_CLASSES`]
//!   (`<span class=k>async</span>`, one letter a colour: the decks repeat these thousands of
//!   times); everything else stays bare text. (syntect's own
//!   HTML writes a span per scope, `hl-meta hl-function-call hl-arguments hl-python`, which
//!   made up two thirds of the compiled deck and was never coloured.) ```text, ``` (no
//!   language) and indented code stay plain; an unknown language is an error, so a typo
//!   (```pyhton) does not silently lose its colours;
//! - every source line of a code block is its own `<span class="ln iN">`, N its indentation
//!   level, so that a line wrapped on a phone keeps a hanging indent (see `close_line`).

use std::sync::OnceLock;

use pulldown_cmark::{html, CodeBlockKind, CowStr, Event, Parser, Tag, TagEnd};
use syntect::easy::ScopeRegionIterator;
use syntect::highlighting::ScopeSelectors;
use syntect::parsing::{ParseState, ScopeStack, SyntaxSet};
use syntect::util::LinesWithEndings;

/// The colours of highlighted code (one CSS rule each in `assets/app.css`) and the TextMate
/// scopes each one colours. Where several match, the most specific wins, as in a syntect
/// theme: the `constant.character.escape` inside a string is a constant.
pub const TOKEN_CLASSES: &[(&str, &str)] = &[
    ("keyword, storage", "k"),
    ("string", "s"),
    ("comment", "c"),
    ("entity.name.function, support.function", "f"),
    ("constant", "n"),
];

/// Languages that are written as code but never highlighted.
const PLAIN_LANGUAGES: &[&str] = &["", "text", "plain", "txt"];

/// How the rendered HTML will be placed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// Block content (prompt, explanation): paragraphs stay paragraphs.
    Block,
    /// Short text shown inline (a hint): a single paragraph loses its `<p>` wrapper;
    /// anything larger (a code block, two paragraphs) stays block HTML.
    Inline,
    /// Like `Inline`, but it must be a single paragraph (a wrong choice's one-line `why`).
    OneParagraph,
    /// An option's text, shown inside its `<label>`, where HTML allows phrasing content only:
    /// one paragraph (without its `<p>`) or one code block, which becomes
    /// `<code class="code-block">` (styled like `<pre>`) instead of `<pre><code>`.
    Choice,
}

/// Renders `markdown` to HTML, or says what in it is not allowed.
pub fn render(markdown: &str, layout: Layout) -> Result<String, String> {
    let mut events: Vec<Event> = Vec::new();
    let mut code: Option<(String, String)> = None; // (language, text) of the open code block
    for event in Parser::new(markdown) {
        if let Some((language, text)) = code.as_mut() {
            match event {
                Event::Text(part) => text.push_str(&part),
                Event::End(TagEnd::CodeBlock) => {
                    let html = code_block(language, text, layout == Layout::Choice)?;
                    events.push(Event::Html(CowStr::from(html)));
                    code = None;
                }
                _ => {}
            }
            continue;
        }
        match event {
            Event::Html(raw) | Event::InlineHtml(raw) => {
                return Err(format!(
                    "contains raw HTML {:?}: write Markdown, or put it in `backticks` if it is code",
                    raw.trim()
                ))
            }
            Event::Start(Tag::Image { dest_url, .. }) => {
                return Err(format!("contains an image ({dest_url}): images are not supported"))
            }
            Event::Start(Tag::Link { ref dest_url, .. }) if !is_safe_link(dest_url) => {
                return Err(format!(
                    "contains a link to {dest_url:?}: only http(s), mailto and relative links are allowed"
                ))
            }
            Event::Start(Tag::CodeBlock(kind)) => {
                let language = match kind {
                    CodeBlockKind::Fenced(info) => {
                        info.split_whitespace().next().unwrap_or("").to_owned()
                    }
                    CodeBlockKind::Indented => String::new(),
                };
                code = Some((language, String::new()));
            }
            other => events.push(other),
        }
    }

    let single_paragraph = matches!(events.first(), Some(Event::Start(Tag::Paragraph)))
        && events
            .iter()
            .position(|event| matches!(event, Event::End(TagEnd::Paragraph)))
            == Some(events.len() - 1);
    if layout == Layout::OneParagraph && !single_paragraph {
        return Err(
            "must be a single line of text (one paragraph, no code block or list)".to_owned(),
        );
    }
    let single_code_block = matches!(events.as_slice(), [Event::Html(_)]);
    if layout == Layout::Choice && !single_paragraph && !single_code_block {
        return Err(
            "must be one paragraph or one code block (it is shown inside the \
             option's label, where HTML allows no lists or several paragraphs)"
                .to_owned(),
        );
    }
    if layout != Layout::Block && single_paragraph {
        events.remove(0);
        events.pop();
    }
    let mut out = String::with_capacity(markdown.len() * 2);
    html::push_html(&mut out, events.into_iter());
    Ok(out.trim_end().to_owned())
}

fn is_safe_link(url: &str) -> bool {
    let lower = url.to_ascii_lowercase();
    match lower.find(':') {
        // A colon after a path separator or query is not a scheme: `docs/a:b`, `?q=a:b`.
        Some(colon) if !lower[..colon].contains(['/', '?', '#']) => {
            ["http", "https", "mailto"].contains(&&lower[..colon])
        }
        _ => true,
    }
}

/// `<pre><code>`, or a `<code class=code-block>` where block content is not allowed.
fn code_block(language: &str, code: &str, phrasing: bool) -> Result<String, String> {
    // No `language-*` class: nothing reads it, and the colours are already in the spans.
    let wrap = |inner: &str| {
        if phrasing {
            format!("<code class=code-block>{inner}</code>")
        } else {
            format!("<pre><code>{inner}</code></pre>\n")
        }
    };
    if PLAIN_LANGUAGES.contains(&language) {
        let mut html = String::with_capacity(code.len() * 2);
        for line in code.lines() {
            let mut inner = escape_html(line);
            close_line(&mut html, line, &mut inner);
        }
        return Ok(wrap(&html));
    }
    let syntaxes = syntax_set();
    let syntax = syntaxes.find_syntax_by_token(language).ok_or_else(|| {
        format!(
            "code block language {language:?} is unknown to the highlighter \
             (use python, or text for plain code)"
        )
    })?;
    let mut parser = ParseState::new(syntax);
    let mut scopes = ScopeStack::new();
    let mut html = String::with_capacity(code.len() * 2);
    // Text is buffered while its class stays the same, so a run of tokens of one colour
    // becomes one span (within a line: every source line is its own element).
    let mut run = String::new();
    let mut run_class = None;
    for line in LinesWithEndings::from(code) {
        let operations = parser
            .parse_line(line, syntaxes)
            .map_err(|error| format!("could not highlight the {language} code: {error}"))?;
        let mut inner = String::new();
        // Each piece of text comes with the scope change that happens where it starts.
        for (text, operation) in ScopeRegionIterator::new(&operations, line) {
            scopes
                .apply(operation)
                .map_err(|error| format!("could not highlight the {language} code: {error:?}"))?;
            let text = text.trim_end_matches(['\n', '\r']);
            if text.is_empty() {
                // Several changes at one place: only the scopes after the last one colour text.
                continue;
            }
            let class = token_class(scopes.as_slice());
            if class != run_class {
                close_run(&mut inner, &mut run, run_class);
                run_class = class;
            }
            run.push_str(text);
        }
        close_run(&mut inner, &mut run, run_class);
        close_line(&mut html, line, &mut inner);
    }
    Ok(wrap(&html))
}

/// The widest indentation, in levels of [`INDENT`] spaces, that gets its own hanging indent.
pub const MAX_INDENT_LEVEL: usize = 6;
const INDENT: usize = 4;

/// Writes the element of one source line, `inner` being its markup: `<span class="ln">`, with
/// `i1`…`i6` for each level of four spaces it is indented by. The app's CSS makes each line a
/// block whose wrapped continuation starts two levels further in than the line itself (past the
/// block the line opens), so on a narrow phone every Python line still starts where its
/// indentation says. The indentation
/// stays in the text (a copy keeps it), in a `<span class="ind">` that the line never breaks
/// after: a first word too long for the rest of the line is broken, not moved to the next.
fn close_line(html: &mut String, line: &str, inner: &mut String) {
    let indent: String = line
        .chars()
        .take_while(|c| *c == ' ' || *c == '\t')
        .collect();
    let spaces: usize = indent
        .chars()
        .map(|c| if c == '\t' { INDENT } else { 1 })
        .sum();
    match (spaces / INDENT).min(MAX_INDENT_LEVEL) {
        0 => html.push_str("<span class=\"ln\">"),
        level => {
            html.push_str("<span class=\"ln i");
            html.push_str(&level.to_string());
            html.push_str("\">");
        }
    }
    // The indentation is plain text at the start of the markup, unless a token that began on
    // an earlier line (a docstring) goes on: then it stays inside that token's span.
    match inner.strip_prefix(indent.as_str()) {
        Some(code) if !indent.is_empty() && !code.is_empty() => {
            html.push_str("<span class=\"ind\">");
            html.push_str(&indent);
            html.push_str("</span>");
            html.push_str(code);
        }
        _ => html.push_str(inner),
    }
    html.push_str("</span>");
    inner.clear();
}

/// The class of the most specific entry of [`TOKEN_CLASSES`] that matches `scopes`, if any.
fn token_class(scopes: &[syntect::parsing::Scope]) -> Option<&'static str> {
    static SELECTORS: OnceLock<Vec<(ScopeSelectors, &'static str)>> = OnceLock::new();
    let selectors = SELECTORS.get_or_init(|| {
        TOKEN_CLASSES
            .iter()
            .map(|&(selector, class)| {
                let parsed = selector.parse().unwrap_or_else(|error| {
                    panic!("TOKEN_CLASSES has a bad scope selector {selector:?}: {error:?}")
                });
                (parsed, class)
            })
            .collect()
    });
    selectors
        .iter()
        .filter_map(|(selector, class)| Some((selector.does_match(scopes)?, *class)))
        .max_by(|(a, _), (b, _)| a.0.total_cmp(&b.0))
        .map(|(_, class)| class)
}

fn close_run(html: &mut String, run: &mut String, class: Option<&str>) {
    if run.is_empty() {
        return;
    }
    match class {
        Some(class) => {
            html.push_str("<span class=");
            html.push_str(class);
            html.push('>');
            html.push_str(&escape_html(run));
            html.push_str("</span>");
        }
        None => html.push_str(&escape_html(run)),
    }
    run.clear();
}

/// Loaded once per process: decompressing the bundled syntaxes is the slow part.
fn syntax_set() -> &'static SyntaxSet {
    static SYNTAXES: OnceLock<SyntaxSet> = OnceLock::new();
    SYNTAXES.get_or_init(SyntaxSet::load_defaults_newlines)
}

/// Code as the text of an element: quotes need no escaping there (never in an attribute).
fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            other => out.push(other),
        }
    }
    out
}
