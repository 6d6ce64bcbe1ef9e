//! Markdown becomes finished HTML at build time: code highlighted with classes, no raw HTML.

mod common;

use common::{assert_contains, compile, errors, valid_with};
use deck_compiler::{render, Layout};

#[test]
fn python_code_gets_one_span_per_coloured_token() {
    let html = render(
        "```python\nasync def f():\n    return await g(\"x\\n\", None)  # done\n```",
        Layout::Block,
    )
    .unwrap();
    assert!(html.starts_with("<pre><code><span class=\"ln\">"), "{html}");
    assert!(html.ends_with("</code></pre>"), "{html}");
    for span in [
        "<span class=k>async</span> <span class=k>def</span>",
        "<span class=f>f</span>():",
        "<span class=k>return</span> <span class=k>await</span> g(",
        // The escape inside the string is the more specific scope; the quote and the text
        // next to it are one run.
        "<span class=s>\"x</span><span class=n>\\n</span>",
        "<span class=n>None</span>",
        "<span class=c># done",
    ] {
        assert_contains(&html, span);
    }
    // Text no rule colours stays bare, and no inline styles: the app's CSS does the colouring.
    assert!(!html.contains("python") && !html.contains("meta"), "{html}");
    assert!(!html.contains("style="), "{html}");
}

#[test]
fn every_token_class_has_a_rule_in_the_stylesheet() {
    let css =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../assets/app.css")).unwrap();
    for (_, class) in deck_compiler::TOKEN_CLASSES {
        assert_contains(&css, &format!(".{class} {{"));
    }
}

#[test]
fn highlighting_keeps_the_code_text() {
    let code = "if a < b and c > d:\n    s = \"&\"\n";
    let html = render(&format!("```python\n{code}```"), Layout::Block).unwrap();
    let text = strip_tags(&html);
    assert_eq!(
        text,
        code.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
    );
}

#[test]
fn an_option_is_phrasing_content_for_its_label() {
    let code = render("```python\nawait f()\n```", Layout::Choice).unwrap();
    assert_eq!(
        code,
        "<code class=code-block><span class=\"ln\"><span class=k>await</span> f()</span></code>"
    );
    let plain = render("```\n<b>\n```", Layout::Choice).unwrap();
    assert_eq!(
        plain,
        "<code class=code-block><span class=\"ln\">&lt;b&gt;</span></code>"
    );
    assert_eq!(
        render("It *raises*.", Layout::Choice).unwrap(),
        "It <em>raises</em>."
    );
    for not_phrasing in ["One.\n\nTwo.", "- a\n- b", "Text.\n\n```\nx\n```"] {
        let error = render(not_phrasing, Layout::Choice).unwrap_err();
        assert_contains(&error, "must be one paragraph or one code block");
    }
}

#[test]
fn plain_and_unknown_code_blocks() {
    let html = render("```text\n<b>x</b>\n```", Layout::Block).unwrap();
    assert_eq!(
        html,
        "<pre><code><span class=\"ln\">&lt;b&gt;x&lt;/b&gt;</span></code></pre>"
    );
    let html = render("```\nx = 1\n```", Layout::Block).unwrap();
    assert_eq!(
        html,
        "<pre><code><span class=\"ln\">x = 1</span></code></pre>"
    );
    let error = render("```pyhton\nx = 1\n```", Layout::Block).unwrap_err();
    assert_contains(&error, "code block language \"pyhton\" is unknown");
}

#[test]
fn raw_html_is_rejected_not_passed_through() {
    for markdown in [
        "<script>alert(1)</script>",
        "Click <script>alert(1)</script> here",
        "Some <b>bold</b> text",
        "<!-- a comment -->",
        "<div>\nblock\n</div>",
    ] {
        let error = render(markdown, Layout::Block).unwrap_err();
        assert_contains(&error, "contains raw HTML");
    }
    let message = errors(&valid_with(
        r#"hint = "Any hint.""#,
        r#"hint = "Try <script>alert(1)</script>""#,
    ));
    assert_contains(
        &message,
        r#"question "second": hint: contains raw HTML "<script>""#,
    );
}

#[test]
fn html_written_as_code_or_text_is_escaped() {
    let html = render("Use `<script>` and a < b", Layout::Inline).unwrap();
    assert_eq!(html, "Use <code>&lt;script&gt;</code> and a &lt; b");
    let deck = compile(&valid_with(
        r#"text = "This one.""#,
        r#"text = "The `<script>` tag""#,
    ));
    let html = &deck.questions[1].choices[0].html;
    assert!(!html.contains("<script>"), "{html}");
}

#[test]
fn unsafe_links_and_images_are_rejected() {
    assert_contains(
        &render("[x](javascript:alert(1))", Layout::Block).unwrap_err(),
        "only http(s), mailto and relative links",
    );
    assert_contains(
        &render("![x](a.png)", Layout::Block).unwrap_err(),
        "images are not supported",
    );
    let html = render(
        "[docs](https://docs.djangoproject.com/) and [here](#top)",
        Layout::Inline,
    )
    .unwrap();
    assert_eq!(
        html,
        "<a href=\"https://docs.djangoproject.com/\">docs</a> and <a href=\"#top\">here</a>"
    );
}

#[test]
fn inline_layout_strips_a_single_paragraph_only() {
    assert_eq!(
        render("Just *this*.", Layout::Inline).unwrap(),
        "Just <em>this</em>."
    );
    assert_eq!(
        render("Just *this*.", Layout::Block).unwrap(),
        "<p>Just <em>this</em>.</p>"
    );
    let two = render("One.\n\nTwo.", Layout::Inline).unwrap();
    assert_eq!(two, "<p>One.</p>\n<p>Two.</p>");
    let code = render("```python\nx = 1\n```", Layout::Inline).unwrap();
    assert!(code.starts_with("<pre>"), "{code}");
    assert!(render("One.\n\nTwo.", Layout::OneParagraph).is_err());
    assert_eq!(render("One.", Layout::OneParagraph).unwrap(), "One.");
}

/// The code's text, one line per line element (each ends where its element does).
fn strip_tags(html: &str) -> String {
    let inner = html
        .strip_prefix("<pre><code>")
        .and_then(|rest| rest.strip_suffix("</code></pre>"))
        .unwrap();
    let mut text = String::new();
    for line in inner.split("<span class=\"ln").skip(1) {
        let mut in_tag = true; // the rest of the line element's own opening tag
        for c in line.chars() {
            match c {
                '<' => in_tag = true,
                '>' => in_tag = false,
                c if !in_tag => text.push(c),
                _ => {}
            }
        }
        text.push('\n');
    }
    text
}

#[test]
fn every_source_line_is_an_element_marked_with_its_indentation_level() {
    let code =
        "def f(\n    a,\n):\n    if a:\n        return g(\n            a,\n        )\n\n\tx\n";
    let html = render(&format!("```python\n{code}```"), Layout::Block).unwrap();
    let classes: Vec<&str> = html
        .split("<span class=\"")
        .skip(1)
        .map(|rest| &rest[..rest.find('"').unwrap()])
        .filter(|class| class.starts_with("ln"))
        .collect();
    assert_eq!(
        classes,
        ["ln", "ln i1", "ln", "ln i1", "ln i2", "ln i3", "ln i2", "ln", "ln i1"]
    );
    assert_eq!(strip_tags(&html), code);
    // Deeper than the stylesheet's last level: the last level.
    let deep = render(
        "```python\n                                x\n```",
        Layout::Block,
    )
    .unwrap();
    assert!(
        deep.contains(&format!(
            "<span class=\"ln i{}\">",
            deck_compiler::MAX_INDENT_LEVEL
        )),
        "{deep}"
    );
}

#[test]
fn every_indentation_level_has_a_hanging_indent_in_the_stylesheet() {
    let css =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../assets/app.css")).unwrap();
    assert_contains(&css, ".ln {");
    for level in 1..=deck_compiler::MAX_INDENT_LEVEL {
        assert_contains(&css, &format!(".ln.i{level} {{"));
    }
}
