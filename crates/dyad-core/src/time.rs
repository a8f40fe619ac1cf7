//! Time expressions: explicit and relative dates in a sentence, resolved
//! against the story date.
//!
//! Covers "on March 3", "March 3, 2019", "7 October", "in 2019", "in March",
//! "last January", "last month", "last year", "this month", "yesterday",
//! "today", weekdays ("on Saturday" → the latest Saturday on or before the
//! story date), and "N days/weeks/months/years ago". Expressions after
//! "since", "until", "by", "from", "before" do not date an event.

use crate::analysis::Tok;
use chrono::{Datelike, Days, Months, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};

/// How precise an event date is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    /// A day.
    Day,
    /// A month (the date is the first of the month).
    Month,
    /// A year (the date is January 1st).
    Year,
    /// No date in the text: the story date.
    Story,
}

/// A time expression found in a sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TimeExpr {
    /// First token.
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    /// Resolved date (first of month / year for coarser precisions).
    pub date: NaiveDate,
    /// Precision.
    pub precision: Precision,
    /// False after "since", "until", "by" …: it does not date an event.
    pub anchors: bool,
}

fn month(w: &str) -> Option<u32> {
    Some(match w.trim_end_matches('.') {
        "january" | "jan" => 1,
        "february" | "feb" => 2,
        "march" | "mar" => 3,
        "april" | "apr" => 4,
        "may" => 5,
        "june" | "jun" => 6,
        "july" | "jul" => 7,
        "august" | "aug" => 8,
        "september" | "sept" | "sep" => 9,
        "october" | "oct" => 10,
        "november" | "nov" => 11,
        "december" | "dec" => 12,
        _ => return None,
    })
}

fn weekday(w: &str) -> Option<Weekday> {
    Some(match w {
        "monday" => Weekday::Mon,
        "tuesday" => Weekday::Tue,
        "wednesday" => Weekday::Wed,
        "thursday" => Weekday::Thu,
        "friday" => Weekday::Fri,
        "saturday" => Weekday::Sat,
        "sunday" => Weekday::Sun,
        _ => return None,
    })
}

fn small_number(w: &str) -> Option<u32> {
    Some(match w {
        "a" | "an" | "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "several" | "few" => return None,
        w => return w.parse().ok().filter(|&n: &u32| n < 10_000),
    })
}

fn day_number(w: &str) -> Option<u32> {
    // only digits (or a sign) parse: skip the suffix trimming for words
    if !w.starts_with(|c: char| c.is_ascii_digit() || c == '+') {
        return None;
    }
    let w = w
        .trim_end_matches("st")
        .trim_end_matches("nd")
        .trim_end_matches("rd")
        .trim_end_matches("th");
    w.parse().ok().filter(|d| (1..=31).contains(d))
}

fn year_number(w: &str) -> Option<i32> {
    if w.len() == 4 {
        w.parse().ok().filter(|y| (1900..=2100).contains(y))
    } else {
        None
    }
}

fn first_of_month(y: i32, m: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, 1)
}

/// Latest date with month `m` and day `d` on or before `story` (+1 day slack).
fn recent_month_day(story: NaiveDate, m: u32, d: u32) -> Option<NaiveDate> {
    let this = NaiveDate::from_ymd_opt(story.year(), m, d)?;
    if this <= story + Days::new(1) {
        Some(this)
    } else {
        NaiveDate::from_ymd_opt(story.year() - 1, m, d)
    }
}

/// Finds time expressions among `toks` (lower-cased texts), for `story`.
pub fn find(toks: &[Tok], story: NaiveDate) -> Vec<TimeExpr> {
    let mut out = Vec::new();
    let w = |i: usize| toks.get(i).map(|t| t.lower.as_ref()).unwrap_or("");
    let mut i = 0;
    while i < toks.len() {
        let found = match_at(toks, i, story);
        match found {
            Some((end, date, precision)) => {
                let mut s = i;
                if matches!(
                    w(i.wrapping_sub(1)),
                    "on" | "in" | "during" | "last" | "early" | "late" | "mid"
                ) && i > 0
                {
                    s = i - 1;
                }
                // "since the seventh of last October": a bound, not a date
                let bound = (s.saturating_sub(4)..s)
                    .rev()
                    .take_while(|&k| !matches!(w(k), "," | ";" | ":"))
                    .any(|k| {
                        matches!(
                            w(k),
                            "since" | "until" | "till" | "by" | "from" | "before" | "through"
                        )
                    });
                let anchors = !bound && !matches!(w(s), "since" | "until");
                out.push(TimeExpr {
                    start: s,
                    end,
                    date,
                    precision,
                    anchors,
                });
                i = end;
            }
            None => i += 1,
        }
    }
    out
}

fn match_at(toks: &[Tok], i: usize, story: NaiveDate) -> Option<(usize, NaiveDate, Precision)> {
    let w = |k: usize| toks.get(k).map(|t| t.lower.as_ref()).unwrap_or("");
    let w0 = w(i);
    // yesterday / today
    match w0 {
        "yesterday" => return Some((i + 1, story.checked_sub_days(Days::new(1))?, Precision::Day)),
        "today" | "tonight" => return Some((i + 1, story, Precision::Day)),
        _ => {}
    }
    // last / this month|year|<Month>|<weekday>
    if w0 == "last" || w0 == "this" || w0 == "past" {
        let w1 = w(i + 1);
        let last = w0 != "this";
        if w1 == "month" {
            let d = if last {
                story.checked_sub_months(Months::new(1))?
            } else {
                story
            };
            return Some((
                i + 2,
                first_of_month(d.year(), d.month())?,
                Precision::Month,
            ));
        }
        if w1 == "year" {
            let y = if last { story.year() - 1 } else { story.year() };
            return Some((i + 2, NaiveDate::from_ymd_opt(y, 1, 1)?, Precision::Year));
        }
        if let Some(m) = month(w1) {
            if w1 == "may" && !toks.get(i + 1).is_some_and(|t| t.cap) {
                return None;
            }
            let y = if last {
                if m < story.month() {
                    story.year()
                } else {
                    story.year() - 1
                }
            } else {
                story.year()
            };
            return Some((i + 2, first_of_month(y, m)?, Precision::Month));
        }
        if let Some(wd) = weekday(w1) {
            let mut d = story.checked_sub_days(Days::new(if last { 1 } else { 0 }))?;
            while d.weekday() != wd {
                d = d.pred_opt()?;
            }
            return Some((i + 2, d, Precision::Day));
        }
        return None;
    }
    // N days/weeks/months/years ago
    if let Some(n) = small_number(w0) {
        let unit = w(i + 1);
        if w(i + 2) == "ago" {
            let n64 = n as u64;
            let r = match unit.trim_end_matches('s') {
                "day" => Some((story.checked_sub_days(Days::new(n64))?, Precision::Day)),
                "week" => Some((story.checked_sub_days(Days::new(7 * n64))?, Precision::Day)),
                "month" => {
                    let d = story.checked_sub_months(Months::new(n))?;
                    Some((first_of_month(d.year(), d.month())?, Precision::Month))
                }
                "year" => Some((
                    NaiveDate::from_ymd_opt(story.year() - n as i32, 1, 1)?,
                    Precision::Year,
                )),
                _ => None,
            };
            if let Some((d, p)) = r {
                return Some((i + 3, d, p));
            }
        }
    }
    // weekday
    if let Some(wd) = weekday(w0) {
        if toks[i].cap {
            let mut d = story;
            while d.weekday() != wd {
                d = d.pred_opt()?;
            }
            return Some((i + 1, d, Precision::Day));
        }
    }
    // Month [day] [, year] | Month year
    if let Some(m) = month(w0) {
        if !toks[i].cap || (w0 == "may" && !w(i + 1).starts_with(|c: char| c.is_ascii_digit())) {
            return None;
        }
        if let Some(d) = day_number(w(i + 1)) {
            let (end, year) = if w(i + 2) == "," && year_number(w(i + 3)).is_some() {
                (i + 4, year_number(w(i + 3)))
            } else if let Some(y) = year_number(w(i + 2)) {
                (i + 3, Some(y))
            } else {
                (i + 2, None)
            };
            let date = match year {
                Some(y) => NaiveDate::from_ymd_opt(y, m, d)?,
                None => recent_month_day(story, m, d)?,
            };
            return Some((end, date, Precision::Day));
        }
        if let Some(y) = year_number(w(i + 1)) {
            return Some((i + 2, first_of_month(y, m)?, Precision::Month));
        }
        if matches!(
            w(i.wrapping_sub(1)),
            "in" | "during" | "early" | "late" | "mid"
        ) {
            let y = if m <= story.month() {
                story.year()
            } else {
                story.year() - 1
            };
            return Some((i + 1, first_of_month(y, m)?, Precision::Month));
        }
        return None;
    }
    // day Month [year]: "7 October", "the 7th of October"
    if let Some(d) = day_number(w0) {
        let (mi, skip) = if w(i + 1) == "of" {
            (i + 2, 1)
        } else {
            (i + 1, 0)
        };
        if let Some(m) = month(w(mi)) {
            if toks.get(mi).is_some_and(|t| t.cap) {
                let _ = skip;
                if let Some(y) = year_number(w(mi + 1)) {
                    return Some((mi + 2, NaiveDate::from_ymd_opt(y, m, d)?, Precision::Day));
                }
                return Some((mi + 1, recent_month_day(story, m, d)?, Precision::Day));
            }
        }
    }
    // in 2019
    if let Some(y) = year_number(w0) {
        if matches!(
            w(i.wrapping_sub(1)),
            "in" | "during" | "early" | "late" | "mid"
        ) {
            return Some((i + 1, NaiveDate::from_ymd_opt(y, 1, 1)?, Precision::Year));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::Tok;
    use crate::text::tokenize;

    fn toks(s: &str) -> Vec<Tok> {
        tokenize(s)
            .iter()
            .map(|t| Tok {
                start: t.start,
                end: t.end,
                lower: t.text(s).to_lowercase().into(),
                form: None,
                lemma: None,
                cap: t.text(s).starts_with(char::is_uppercase),
                kind: t.kind,
            })
            .collect()
    }

    fn first(s: &str, story: &str) -> Option<(String, Precision, bool)> {
        let story = NaiveDate::parse_from_str(story, "%Y-%m-%d").ok()?;
        find(&toks(s), story)
            .first()
            .map(|t| (t.date.to_string(), t.precision, t.anchors))
    }

    #[test]
    fn relative_months() {
        // story on Thursday 2024-03-14
        let d = "2024-03-14";
        assert_eq!(
            first("talks took place last January", d),
            Some(("2024-01-01".into(), Precision::Month, true))
        );
        assert_eq!(
            first("the proximity talks last May", d),
            Some(("2023-05-01".into(), Precision::Month, true))
        );
        assert_eq!(
            first("he visited Baghdad last month", d),
            Some(("2024-02-01".into(), Precision::Month, true))
        );
        assert_eq!(
            first("in March", d),
            Some(("2024-03-01".into(), Precision::Month, true))
        );
        assert_eq!(
            first("last year", d),
            Some(("2023-01-01".into(), Precision::Year, true))
        );
    }

    #[test]
    fn days_and_weekdays() {
        let d = "2024-03-14";
        assert_eq!(
            first("on Saturday", d),
            Some(("2024-03-09".into(), Precision::Day, true))
        );
        assert_eq!(
            first("on Thursday", d),
            Some(("2024-03-14".into(), Precision::Day, true))
        );
        assert_eq!(
            first("yesterday", d),
            Some(("2024-03-13".into(), Precision::Day, true))
        );
        assert_eq!(
            first("on March 3", d),
            Some(("2024-03-03".into(), Precision::Day, true))
        );
        assert_eq!(
            first("on 7 October", d),
            Some(("2023-10-07".into(), Precision::Day, true))
        );
        assert_eq!(
            first("on Oct. 7, 2019", d),
            Some(("2019-10-07".into(), Precision::Day, true))
        );
        assert_eq!(
            first("in 2019", d),
            Some(("2019-01-01".into(), Precision::Year, true))
        );
        assert_eq!(
            first("three days ago", d),
            Some(("2024-03-11".into(), Precision::Day, true))
        );
        assert_eq!(
            first("two months ago", d),
            Some(("2024-01-01".into(), Precision::Month, true))
        );
    }

    #[test]
    fn bounds_do_not_date_events() {
        let d = "2024-03-14";
        assert_eq!(
            first("since the seventh of last October", d).map(|x| x.2),
            Some(false)
        );
        assert_eq!(first("until March 3", d).map(|x| x.2), Some(false));
        assert_eq!(first("the may be", d), None);
    }
}
