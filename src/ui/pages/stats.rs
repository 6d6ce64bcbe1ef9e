use leptos::prelude::*;

use crate::browser::{local_date_time, local_time};
use crate::deck::Question;
use crate::quiz::{chosen_choices, iso_date as date, Attempt, Day, Screen, Session, Stats, Tally};
use crate::ui::drawn_when_opened::DrawnWhenOpened;
use crate::ui::{use_open_deck, AppState};

fn percent(part: usize, whole: usize) -> usize {
    (part * 100).checked_div(whole).unwrap_or(0)
}

fn tally_row(name: &'static str, tally: &Tally) -> impl IntoView {
    view! {
        <tr>
            <th scope="row">{name}</th>
            <td>{tally.answered} " / " {tally.questions}</td>
            <td>{tally.right_first_time}</td>
            <td>{tally.attempts}</td>
        </tr>
    }
}

/// How many of the latest study days the chart and its table show; every day is a click away.
const RECENT_DAYS: usize = 14;

/// Accuracy per study day as bars, drawn by the app as inline SVG (no chart library). The
/// same figures are in the table beside it for screen readers and exact reading.
fn accuracy_chart(shown: &[Day]) -> impl IntoView {
    const BAR: usize = 24;
    const HEIGHT: usize = 100;
    let width = shown.len().max(1) * BAR;
    let bars = shown
        .iter()
        .enumerate()
        .map(|(index, day)| {
            let height = percent(day.right, day.answered).max(2);
            view! {
                <rect
                    x=index * BAR + 3
                    y=HEIGHT - height
                    width=BAR - 6
                    height=height
                    class="bar"
                >
                    <title>
                        {format!("{}: {} of {} right", date(day.day), day.right, day.answered)}
                    </title>
                </rect>
            }
        })
        .collect_view();
    view! {
        <svg
            class="chart"
            viewBox=format!("0 0 {width} {HEIGHT}")
            preserveAspectRatio="none"
            aria-hidden="true"
        >
            <line x1="0" y1=HEIGHT / 2 x2=width y2=HEIGHT / 2 class="gridline"></line>
            {bars}
        </svg>
    }
}

/// What the learner has done: per topic and overall, streak, what is coming up for review,
/// accuracy over time, and every question's history. Everything follows the session (another
/// tab's answers arrive while it is open) and the clock (a page left open overnight, an
/// installed app resumed); each part is redrawn only when its own figures change, so an open
/// question history stays open.
#[component]
pub fn StatsPage() -> impl IntoView {
    let app = AppState::get();
    let open = use_open_deck();
    super::use_visit(Screen::Stats);
    super::use_title(move || vec!["Stats".to_owned(), open.deck.title.to_owned()]);
    let stats = Memo::new(move |_| {
        let now = app.clock.get();
        open.session.with(|session| session.stats(local_time(now)))
    });
    let tallies = Memo::new(move |_| stats.with(|stats| stats.tallies.clone()));
    let days = Memo::new(move |_| stats.with(|stats| stats.days.clone()));
    // The questions with a history, each a collapsed list of its attempts (drawn on opening).
    let answered = Memo::new(move |_| open.session.with(Session::answered_questions));
    let figure = move |read: fn(&Stats) -> usize| move || stats.with(read);
    view! {
        <section class="stats" aria-labelledby="stats-title">
            <h1 id="stats-title" tabindex="-1">"Stats"</h1>
            <p class="lede">{open.deck.title}</p>
            <dl class="figures">
                <div>
                    <dt>"Study streak"</dt>
                    <dd data-testid="streak">
                        {move || {
                            let days = stats.with(|stats| stats.streak_days);
                            format!("{days} {}", if days == 1 { "day" } else { "days" })
                        }}
                    </dd>
                </div>
                <div>
                    <dt>"Due now"</dt>
                    <dd data-testid="due-now">{figure(|stats| stats.due_now)}</dd>
                </div>
                <div>
                    <dt>"Due tomorrow"</dt>
                    <dd>{figure(|stats| stats.due_tomorrow)}</dd>
                </div>
                <div>
                    <dt>"Due this week"</dt>
                    <dd>{figure(|stats| stats.due_this_week)}</dd>
                </div>
            </dl>
            <h2>"By topic"</h2>
            <div class="table-scroll">
                <table>
                    <thead>
                        <tr>
                            <th scope="col">"Topic"</th>
                            <th scope="col">"Answered"</th>
                            <th scope="col">"Right first time"</th>
                            <th scope="col">"Attempts"</th>
                        </tr>
                    </thead>
                    <tbody>
                        {move || {
                            tallies
                                .with(|tallies| {
                                    tallies
                                        .topics
                                        .iter()
                                        .map(|(topic, tally)| tally_row(topic.title, tally))
                                        .collect_view()
                                })
                        }}
                    </tbody>
                    <tfoot>{move || tallies.with(|tallies| tally_row("All topics", &tallies.deck))}</tfoot>
                </table>
            </div>
            <h2>"Accuracy over time"</h2>
            {move || days.with(|days| accuracy(days))}
            <h2>"Question history"</h2>
            <EveryQuestion answered />
        </section>
    }
}

fn accuracy(days: &[Day]) -> AnyView {
    if days.is_empty() {
        return view! { <p>"Answer a few questions to see your accuracy day by day."</p> }
            .into_any();
    }
    let recent = &days[days.len().saturating_sub(RECENT_DAYS)..];
    let earlier = (days.len() > recent.len()).then(|| {
        let days = days.to_vec();
        view! { <EveryDay days /> }
    });
    let caption = if earlier.is_some() {
        "Answers per day, the latest study days"
    } else {
        "Answers per day"
    };
    view! {
        {accuracy_chart(recent)}
        {days_table(recent, caption)}
        {earlier}
    }
    .into_any()
}

/// Every study day's figures, collapsed, drawn when first opened: years of study are a
/// thousand rows, which drawn and laid out on opening made the stats page take a second.
#[component]
fn EveryDay(days: Vec<Day>) -> impl IntoView {
    let drawn = DrawnWhenOpened::new();
    let count = days.len();
    view! {
        <details class="every-day" node_ref=drawn.node_ref on:toggle=drawn.on_toggle()>
            <summary>"Every study day (" {count} ")"</summary>
            {move || drawn.opened().then(|| days_table(&days, "Answers per day, every study day"))}
        </details>
    }
}

/// `days` in a table, the latest first.
fn days_table(days: &[Day], caption: &'static str) -> impl IntoView {
    let rows = days
        .iter()
        .rev()
        .map(|day| {
            view! {
                <tr>
                    <th scope="row">{date(day.day)}</th>
                    <td>{day.answered}</td>
                    <td>{percent(day.right, day.answered)} "%"</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <table class="days">
            <caption>{caption}</caption>
            <thead>
                <tr>
                    <th scope="col">"Day"</th>
                    <th scope="col">"Answered"</th>
                    <th scope="col">"Right"</th>
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        </table>
    }
}

/// Every answered question's history, collapsed, drawn when first opened: a long list (a deck's
/// every question), whose drawing and layout were most of the page's opening.
#[component]
fn EveryQuestion(answered: Memo<Vec<&'static Question>>) -> impl IntoView {
    let drawn = DrawnWhenOpened::new();
    view! {
        <details class="every-question" node_ref=drawn.node_ref on:toggle=drawn.on_toggle()>
            <summary>
                "Every answered question (" {move || answered.with(Vec::len)} ")"
            </summary>
            {move || {
                drawn
                    .opened()
                    .then(|| {
                        answered
                            .with(|questions| {
                                questions
                                    .iter()
                                    .map(|&question| view! { <QuestionHistory question /> })
                                    .collect_view()
                            })
                    })
            }}
        </details>
    }
}

/// One question's attempts, collapsed under its prompt. The list is drawn when the learner
/// first opens it, and then follows the session: years of answers are thousands of rows,
/// which drawn for every question made the page take seconds to open.
#[component]
fn QuestionHistory(question: &'static Question) -> impl IntoView {
    let session = use_open_deck().session;
    let drawn = DrawnWhenOpened::new();
    view! {
        <details class="question-history" node_ref=drawn.node_ref on:toggle=drawn.on_toggle()>
            <summary>
                <span inner_html=question.title_html()></span>
            </summary>
            {move || {
                drawn
                    .opened()
                    .then(|| {
                        session.with(|session| attempt_rows(question, &session.question_history(question)))
                    })
            }}
        </details>
    }
}

fn attempt_rows(question: &'static Question, history: &[&Attempt]) -> impl IntoView {
    let rows = history
        .iter()
        .map(|attempt| {
            let chosen = chosen_choices(question, attempt)
                .into_iter()
                .map(|choice| view! { <span class="history-choice" inner_html=choice.html></span> })
                .collect_view();
            view! {
                <li>
                    {local_date_time(attempt.answered_at)}
                    " — "
                    <strong>{if attempt.correct { "right" } else { "wrong" }}</strong>
                    {attempt.hint_used.then_some(" (with the hint)")}
                    ": " {chosen}
                </li>
            }
        })
        .collect_view();
    view! { <ol>{rows}</ol> }
}
