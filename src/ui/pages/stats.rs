use leptos::prelude::*;

use crate::quiz::{chosen_choices, Day, Session, Tally};
use crate::ui::device::local_time;
use crate::ui::Quiz;

const DAY_MS: i64 = 24 * 60 * 60 * 1000;

fn date(day: i64) -> String {
    let date = js_sys::Date::new(&((day * DAY_MS) as f64).into());
    format!(
        "{}-{:02}-{:02}",
        date.get_utc_full_year(),
        date.get_utc_month() + 1,
        date.get_utc_date()
    )
}

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

/// Accuracy per study day as bars, drawn by the app as inline SVG (no chart library). The
/// same figures are in the table beside it for screen readers and exact reading.
fn accuracy_chart(days: &[Day]) -> impl IntoView {
    const BAR: usize = 24;
    const HEIGHT: usize = 100;
    let shown = &days[days.len().saturating_sub(14)..];
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
/// accuracy over time, and every question's history.
#[component]
pub fn StatsPage() -> impl IntoView {
    let quiz = Quiz::get();
    // Follows the clock, so what depends on the day (streak, due counts) is right on a page left
    // open overnight or an installed app resumed; the rest only changes with answers, which are
    // made on other screens, so it is drawn once.
    let live = Memo::new(move |_| {
        let now = quiz.clock.get();
        quiz.session
            .with_untracked(|session| session.stats(local_time(now)))
    });
    let stats = live.get_untracked();
    let deck = quiz.session.with_untracked(Session::deck);
    let topic_rows = stats
        .topics
        .iter()
        .map(|(topic, tally)| tally_row(topic.title, tally))
        .collect_view();
    let day_rows = stats
        .days
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
    let histories = quiz.session.with_untracked(|session| {
        deck.questions
            .iter()
            .filter_map(|question| {
                let history = session.question_history(question);
                (!history.is_empty()).then(|| {
                    let rows = history
                        .iter()
                        .map(|attempt| {
                            let chosen = chosen_choices(question, attempt)
                                .into_iter()
                                .map(|choice| view! { <span class="history-choice" inner_html=choice.html></span> })
                                .collect_view();
                            let when = js_sys::Date::new(&(attempt.answered_at as f64).into());
                            view! {
                                <li>
                                    {String::from(when.to_locale_string("default", &"{}".into()))}
                                    " — "
                                    <strong>{if attempt.correct { "right" } else { "wrong" }}</strong>
                                    {attempt.hint_used.then_some(" (with the hint)")}
                                    ": " {chosen}
                                </li>
                            }
                        })
                        .collect_view();
                    view! {
                        <details class="question-history">
                            <summary>
                                <span inner_html=question.prompt_html></span>
                            </summary>
                            <ol>{rows}</ol>
                        </details>
                    }
                })
            })
            .collect_view()
    });
    view! {
        <section class="stats" aria-labelledby="stats-title">
            <h1 id="stats-title">"Stats"</h1>
            <dl class="figures">
                <div>
                    <dt>"Study streak"</dt>
                    <dd data-testid="streak">
                        {move || {
                            let days = live.with(|stats| stats.streak_days);
                            format!("{days} {}", if days == 1 { "day" } else { "days" })
                        }}
                    </dd>
                </div>
                <div>
                    <dt>"Due now"</dt>
                    <dd data-testid="due-now">{move || live.with(|stats| stats.due_now)}</dd>
                </div>
                <div>
                    <dt>"Due tomorrow"</dt>
                    <dd>{move || live.with(|stats| stats.due_tomorrow)}</dd>
                </div>
                <div>
                    <dt>"Due this week"</dt>
                    <dd>{move || live.with(|stats| stats.due_this_week)}</dd>
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
                    <tbody>{topic_rows}</tbody>
                    <tfoot>{tally_row("All topics", &stats.overall)}</tfoot>
                </table>
            </div>
            <h2>"Accuracy over time"</h2>
            {if stats.days.is_empty() {
                view! { <p>"Answer a few questions to see your accuracy day by day."</p> }.into_any()
            } else {
                view! {
                    {accuracy_chart(&stats.days)}
                    <table class="days">
                        <caption>"Answers per day"</caption>
                        <thead>
                            <tr>
                                <th scope="col">"Day"</th>
                                <th scope="col">"Answered"</th>
                                <th scope="col">"Right"</th>
                            </tr>
                        </thead>
                        <tbody>{day_rows}</tbody>
                    </table>
                }
                    .into_any()
            }}
            <h2>"Question history"</h2>
            {histories}
        </section>
    }
}
