//! Markdown to finished HTML, with code highlighted at build time.
//!
//! Policy (deck authors write Markdown, not HTML):
//! - raw HTML (a tag, a comment) anywhere in the Markdown is an error, not escaped: an author who
//!   wrote `<b>` or `<script>` sees the build fail and puts it in backticks, instead of the
//!   learner seeing a stray tag;
//! - images are an error (there is no asset pipeline for them); links must be `http(s):`,
//!   `mailto:`, or relative;
//! - fenced code in a language syntect knows (```python) becomes class-based spans
//!   (`hl-keyword`, `hl-string`, …) that the app's CSS colours; ```text, ``` (no language) and
//!   indented code stay plain; an unknown language is an error, so a typo (```pyhton) does not
//!   silently lose its colours.

use std::sync::OnceLock;

use pulldown_cmark::{html, CodeBlockKind, CowStr, Event, Parser, Tag, TagEnd};
use syntect::html::{ClassStyle, ClassedHTMLGenerator};
use syntect::parsing::SyntaxSet;
use syntect::util::LinesWithEndings;

/// Prefix of every highlighting class: `hl-keyword`, `hl-string`, …
pub const CLASS_PREFIX: &str = "hl-";

/// Languages that are written as code but never highlighted.
const PLAIN_LANGUAGES: &[&str] = &["", "text", "plain", "txt"];

/// How the rendered HTML will be placed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// Block content (prompt, explanation): paragraphs stay paragraphs.
    Block,
    /// Short text shown inline (choice text, hint): a single paragraph loses its `<p>` wrapper;
    /// anything larger (a code block, two paragraphs) stays block HTML.
    Inline,
    /// Like `Inline`, but it must be a single paragraph (a wrong choice's one-line `why`).
    OneParagraph,
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
                    events.push(Event::Html(CowStr::from(code_block(language, text)?)));
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

fn code_block(language: &str, code: &str) -> Result<String, String> {
    let class = if language.is_empty() {
        String::new()
    } else {
        format!(" class=\"language-{}\"", escape_html(language))
    };
    if PLAIN_LANGUAGES.contains(&language) {
        return Ok(format!(
            "<pre><code{class}>{}</code></pre>\n",
            escape_html(code)
        ));
    }
    let syntaxes = syntax_set();
    let syntax = syntaxes.find_syntax_by_token(language).ok_or_else(|| {
        format!(
            "code block language {language:?} is unknown to the highlighter \
             (use python, or text for plain code)"
        )
    })?;
    let mut generator = ClassedHTMLGenerator::new_with_class_style(
        syntax,
        syntaxes,
        ClassStyle::SpacedPrefixed {
            prefix: CLASS_PREFIX,
        },
    );
    for line in LinesWithEndings::from(code) {
        generator
            .parse_html_for_line_which_includes_newline(line)
            .map_err(|error| format!("could not highlight the {language} code: {error}"))?;
    }
    Ok(format!(
        "<pre><code{class}>{}</code></pre>\n",
        generator.finalize()
    ))
}

/// Loaded once per process: decompressing the bundled syntaxes is the slow part.
fn syntax_set() -> &'static SyntaxSet {
    static SYNTAXES: OnceLock<SyntaxSet> = OnceLock::new();
    SYNTAXES.get_or_init(SyntaxSet::load_defaults_newlines)
}

fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            other => out.push(other),
        }
    }
    out
}
