//! Amounts as people write them in a question: "$200", "200 euros", "€1,200.50", "USD 300",
//! "1.200,50 €", "5k", "-50", "all of it".
//!
//! Separators are read as English writes them, and the other way only when that is
//! unambiguous: "1,200" and "1,200.50" are twelve hundred, "10.005" is ten and five
//! thousandths (which the rules refuse), "1.200,50" is twelve hundred and a half, "12,50" is
//! twelve and a half, "2.000 €" (the symbol after, the continental way) is two thousand, and
//! "1.500" alone, one and a half or fifteen hundred, is asked back. A sign is kept ("-50" is minus fifty, which the
//! rules refuse as `invalid-amount`). Numbers inside place names are names, counts and times
//! ("3 accounts", "24 hours") and years ("in 2025") are not money, and anything that looks
//! like an amount but cannot be read ("1e3", twenty digits) is reported, never dropped.

use adcredit_core::{Money, MoneyParseError};

use crate::lexicon::{is, month_word, ALL_WORDS, CURRENCY_WORDS, UNIT_WORDS};
use crate::words::Tok;

/// What the question says about how much.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Amount {
    /// No amount.
    None,
    /// This amount (negative when written with a minus), whether a currency or "k" marks it
    /// as money ("$200", "200 euros", "5k"), and the currency it is written in, when said.
    Exact(Money, bool, Option<Written>),
    /// "All of it", "everything": the whole available amount.
    All,
    /// "Half of it", "a third of the voucher", "25% of the grant": this share (numerator,
    /// denominator) of the available amount, and the words that said it.
    Part(u32, u32, String),
    /// Something that looks like an amount but cannot be read; the sentence says why.
    Unreadable(String),
}

pub(crate) const SYMBOLS: &[char] = &['$', '€', '£', '¥', '₹', '₩', '₺'];

/// The currency an amount is written in: an ISO code ("USD 300", "300eur"), or a symbol or
/// word that can mean several ("$" and "dollars": any dollar; "¥": yen or yuan).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Written {
    /// An ISO 4217 code, upper case.
    Code([u8; 3]),
    /// How to say it, and the codes it can mean.
    Named(&'static str, &'static [&'static str]),
}

const DOLLARS: &[&str] = &["USD", "AUD", "CAD", "NZD", "SGD", "HKD", "MXN", "TWD"];

/// Symbols and words that name a currency without its code: the words, how a sentence says
/// it, the codes it can mean.
const NAMED: &[(&[&str], &str, &[&str])] = &[
    (&["$", "dollar", "dollars", "bucks"], "dollars", DOLLARS),
    (&["€", "euro", "euros"], "EUR", &["EUR"]),
    (&["£", "pound", "pounds", "quid"], "GBP", &["GBP"]),
    (&["¥"], "yen or yuan", &["JPY", "CNY"]),
    (&["yen"], "JPY", &["JPY"]),
    (&["₹"], "INR", &["INR"]),
    (&["₩"], "KRW", &["KRW"]),
    (&["₺"], "TRY", &["TRY"]),
    (&["franc", "francs"], "CHF", &["CHF"]),
    (&["krona", "kronor"], "kronor", &["SEK", "ISK"]),
    (&["krone", "kroner"], "kroner", &["NOK", "DKK"]),
];

impl Written {
    /// The currency `marker` (a symbol, a currency word or code, any case) names.
    fn of(marker: &str) -> Option<Written> {
        let lower = marker.to_ascii_lowercase();
        if let Some((_, shown, codes)) = NAMED
            .iter()
            .find(|(words, _, _)| words.contains(&lower.as_str()))
        {
            return Some(Written::Named(shown, codes));
        }
        let code: [u8; 3] = lower.as_bytes().try_into().ok()?;
        is(CURRENCY_WORDS, &lower).then(|| Written::Code(code.map(|b| b.to_ascii_uppercase())))
    }

    /// The currency a symbol (`€`) names.
    fn of_symbol(c: char) -> Option<Written> {
        Written::of(c.encode_utf8(&mut [0; 4]))
    }

    /// Whether it can be the currency `code` ("USD").
    pub(crate) fn fits(&self, code: &str) -> bool {
        match self {
            Written::Code(c) => c == code.as_bytes(),
            Written::Named(_, codes) => codes.contains(&code),
        }
    }

    /// How a sentence names it: "EUR", "dollars".
    pub(crate) fn shown(&self) -> &str {
        match self {
            Written::Code(c) => std::str::from_utf8(c).unwrap_or_default(),
            Written::Named(shown, _) => shown,
        }
    }
}

/// Read the amount of `q` (its words `toks`), ignoring the words for which `in_place` is true
/// (numbers inside names).
pub(crate) fn read(q: &str, toks: &[Tok], in_place: impl Fn(usize) -> bool) -> Amount {
    // (amount, marked as money, currency written, where, said as a part: "100 of the grant")
    let mut found: Vec<(Money, bool, Option<Written>, usize, bool)> = Vec::new();
    let mut skip_to = 0;
    for (i, t) in toks.iter().enumerate() {
        // A number word before a scale word is an amount even where the places took it
        // ("give Germany one thousand": not "the German one").
        let spelled_start = number_word(&t.text).is_some()
            && toks.get(i + 1).is_some_and(|n| scale(&n.text).is_some());
        if i < skip_to || (in_place(i) && !spelled_start) {
            continue;
        }
        if !t.text.starts_with(|c: char| c.is_ascii_digit()) {
            if let Some((m, written, end)) = spelled(q, toks, i) {
                let part = toks.get(end).is_some_and(|t| t.text == "of");
                found.push((m, true, written, t.start, part));
                skip_to = end;
            }
            continue;
        }
        match number(q, toks, i) {
            Number::Not => {}
            Number::Bad(why) => return Amount::Unreadable(why),
            Number::Money(m, marked, written) => {
                let part = toks.get(i + 1).is_some_and(|t| t.text == "of");
                found.push((m, marked, written, t.start, part));
            }
        }
    }
    // A story told before the question gives balances ("Our US store has 400 in cash.
    // Could Germany borrow 100?"): the amounts of the asking sentence come first.
    let asking = asking_part(q);
    let in_question: Vec<_> = found
        .iter()
        .filter(|f| asking.contains(&f.3))
        .copied()
        .collect();
    // "Osaka has ¥10,000 of credit. Could half of it go to Tokyo?": a share in the asking
    // sentence is the move, the story's amount what it is a share of.
    let part = says_part(q, toks).filter(|p| asking.contains(&p.3));
    if in_question.is_empty() && !found.is_empty() {
        if let Some((num, den, said, _)) = part {
            return Amount::Part(num, den, said);
        }
    }
    let found = if in_question.is_empty() {
        found
    } else {
        in_question
    };
    // "100 of the $800 grant": the part is what moves; the other amount describes the money.
    if let Some(&(m, marked, written, ..)) = found
        .iter()
        .find(|f| f.4)
        .or(found.iter().find(|f| f.1))
        .or(found.first())
    {
        return Amount::Exact(m, marked, written);
    }
    if let Some((num, den, said, _)) = part {
        Amount::Part(num, den, said)
    } else if says_all(toks) {
        Amount::All
    } else {
        Amount::None
    }
}

/// "half of it", "half the grant", "a third of the voucher", "two thirds of our credit",
/// "three quarters of it", "25% of the promo", "10 percent of the cash": a share of some
/// money, as (numerator, denominator, the words, where they start in `q`). Not a part of time or of things ("the second
/// half of December", "half of our accounts"), nor a split ("cut it in half").
fn says_part(q: &str, toks: &[Tok]) -> Option<(u32, u32, String, usize)> {
    let w = |i: usize| toks.get(i).map_or("", |t| t.text.as_str());
    let said = |a: usize, b: usize| q[toks[a].start..toks[b].end].to_owned();
    // What follows "of" (or "half the"): money, not a month, a count of things or a time.
    let of_money = |k: usize| {
        let mut k = k;
        while is(&["the", "our", "my", "your", "this", "that", "its"], w(k)) {
            k += 1;
        }
        let x = w(k);
        !x.is_empty()
            && month_word(x).is_none()
            && !is(UNIT_WORDS, x)
            && !is(crate::lexicon::PLACE_NOUNS, x)
            && !is(&["them", "us", "you", "year", "day", "way", "time"], x)
    };
    for (i, t) in toks.iter().enumerate() {
        let prev = i.checked_sub(1).map_or("", w);
        // "25%", "25 percent", "25 per cent" of something.
        let digits = t.text.as_str();
        if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) && digits.len() <= 3 {
            let sign = q[t.end..].starts_with('%') || q[t.end..].starts_with(" %");
            let word = if sign {
                0
            } else if is(&["percent", "pct"], w(i + 1)) {
                1
            } else if w(i + 1) == "per" && w(i + 2) == "cent" {
                2
            } else {
                continue;
            };
            let pct: u32 = digits.parse().ok()?;
            if (1..=100).contains(&pct) && w(i + word + 1) == "of" && of_money(i + word + 2) {
                let end = i + word;
                let mut text = said(i, end);
                if sign && word == 0 {
                    text.push('%');
                }
                return Some((pct, 100, text, t.start));
            }
            continue;
        }
        let (num, den, start) = match t.text.as_str() {
            "half" => {
                if is(
                    &["first", "second", "last", "other", "in", "by", "into"],
                    prev,
                ) {
                    continue;
                }
                (1, 2, if is(&["a", "one"], prev) { i - 1 } else { i })
            }
            "third" | "thirds" | "quarter" | "quarters" | "fourth" | "fourths" | "fifth"
            | "fifths" | "tenth" | "tenths" => {
                let den = match t.text.trim_end_matches('s') {
                    "third" => 3,
                    "quarter" | "fourth" => 4,
                    "fifth" => 5,
                    _ => 10,
                };
                let num = match prev {
                    "a" | "one" => 1,
                    "two" => 2,
                    "three" => 3,
                    "four" => 4,
                    _ => continue,
                };
                if num >= den {
                    continue;
                }
                (num, den, i - 1)
            }
            _ => continue,
        };
        let next = w(i + 1);
        let ok = (next == "of" && of_money(i + 2))
            || (t.text == "half"
                && is(&["the", "our", "my", "your", "this", "that", "its"], next)
                && of_money(i + 1));
        if ok {
            return Some((num, den, said(start, i), toks[start].start));
        }
    }
    None
}

/// The byte range of the sentence of `q` that asks: the last one ending in "?", from the end
/// of the sentence before it (a `.`, `!` or `?` followed by a space); all of `q` without a "?".
fn asking_part(q: &str) -> std::ops::Range<usize> {
    let Some(end) = q.rfind('?') else {
        return 0..q.len();
    };
    let start = q[..end]
        .char_indices()
        .rev()
        .find(|&(i, c)| matches!(c, '.' | '!' | '?') && q[i + 1..].starts_with(char::is_whitespace))
        .map_or(0, |(i, _)| i + 1);
    start..end + 1
}

enum Number {
    /// Not money: a count, a time, a year, a date, part of a word.
    Not,
    /// Money; `true` when a currency marks it; the currency, when said.
    Money(Money, bool, Option<Written>),
    /// Looks like money but cannot be read.
    Bad(String),
}

fn number(q: &str, toks: &[Tok], i: usize) -> Number {
    let t = &toks[i];
    let raw = &q[t.start..t.end];
    let before = q[..t.start].chars().rev().take(3).collect::<Vec<_>>();
    let after = q[t.end..].chars().next();
    // Dates, times, fractions and ranges written with / or : are not amounts.
    if matches!(after, Some('/' | ':' | '%'))
        || before.first().is_some_and(|c| matches!(c, '/' | ':'))
    {
        return Number::Not;
    }
    // "2 million", "3 grand": a scale word, and the currency may follow it ("2 million
    // dollars").
    let scaled_by = toks.get(i + 1).and_then(|t| scale(&t.text));
    let next = toks
        .get(i + 1 + usize::from(scaled_by.is_some()))
        .map(|t| t.text.as_str())
        .unwrap_or("");
    let prev = i
        .checked_sub(1)
        .map(|p| toks[p].text.as_str())
        .unwrap_or("");
    if is(UNIT_WORDS, next) {
        return Number::Not;
    }
    // Split "1,200.50usd" into the number and what is stuck to it (the word's text: digits
    // grouped by spaces, "1 200", are joined there).
    let text = t.text.as_str();
    let split = text
        .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == ','))
        .unwrap_or(text.len());
    let (digits, suffix) = text.split_at(split);
    let suffix_l = suffix.to_ascii_lowercase();
    let mut times = scaled_by;
    let mut marked = scaled_by.is_some();
    let mut written = None;
    // "5m" is five million only when a currency marks it ("$1.5m"): alone it may be minutes.
    let mut needs_mark = false;
    match suffix_l.as_str() {
        "" => {}
        _ if times.is_some() => return Number::Not,
        "k" => {
            times = Some(1000);
            marked = true;
        }
        "mn" | "mio" | "bn" => {
            times = Some(if suffix_l == "bn" {
                1_000_000_000
            } else {
                1_000_000
            });
            marked = true;
        }
        "m" => {
            times = Some(1_000_000);
            needs_mark = true;
        }
        // East Asian scale characters: "5万" (50,000), "3千円", "2억 원"; a currency sign may
        // follow them.
        s if east_asian_scale(s).is_some() => {
            let (n, currency) = east_asian_scale(s).unwrap_or((1, None));
            times = Some(n);
            marked = true;
            written = currency.and_then(Written::of);
        }
        s if is(CURRENCY_WORDS, s) => {
            marked = true;
            written = Written::of(s);
        }
        s if exponent(s) => {
            return Number::Bad(format!(
                "“{raw}” is not an amount I can read: write it out, e.g. 1000 or 1,000.00"
            ))
        }
        // 3rd, 24h, 4g, q4-like words, dates (2026-12-31), ids: not money.
        _ => return Number::Not,
    }
    let mut sign = "";
    let mut rest = before.iter();
    let mut c0 = rest.next().copied();
    if let Some(c) = c0.filter(|c| SYMBOLS.contains(c)) {
        marked = true;
        written = written.or_else(|| Written::of_symbol(c));
        c0 = rest.next().copied();
        if c0.is_some_and(|c| matches!(c, '-' | '−')) {
            sign = "-";
        }
    } else if c0.is_some_and(|c| matches!(c, '-' | '−')) {
        // "-50", "- 50" is not a sign but a dash: the minus must touch the number, and stand
        // at the start of a word.
        let c1 = rest.next().copied();
        if c1.is_none_or(|c| c.is_whitespace() || c == '(' || SYMBOLS.contains(&c)) {
            sign = "-";
            if let Some(c) = c1.filter(|c| SYMBOLS.contains(c)) {
                marked = true;
                written = written.or_else(|| Written::of_symbol(c));
            }
        }
    }
    // A symbol right after the number, or after one space ("1.200,50 €"); or before it
    // after one space ("€ 300").
    let spaced_after = q[t.end..].strip_prefix(' ').and_then(|r| r.chars().next());
    let spaced_before = (before.first() == Some(&' '))
        .then(|| before.get(1).copied())
        .flatten();
    if let Some(c) = [after, spaced_after, spaced_before]
        .into_iter()
        .flatten()
        .find(|c| SYMBOLS.contains(c))
    {
        marked = true;
        written = written.or_else(|| Written::of_symbol(c));
    }
    // "1.500": a decimal point (one and a half) or a thousands dot (fifteen hundred)? The
    // symbol written after the number ("2.000 €") is the continental way, where the dot groups
    // thousands. Otherwise, when both readings are amounts a payment can have (the third
    // decimal is 0), the reader does not guess; "10.005" stays ten and five thousandths,
    // which the rules refuse with the amount as read.
    let mut digits = digits.to_owned();
    if let Some((int, frac)) = thousands_dot(&digits) {
        if [after, spaced_after]
            .into_iter()
            .flatten()
            .any(|c| SYMBOLS.contains(&c))
        {
            digits = format!("{int}{frac}");
        } else if frac.ends_with('0') {
            let (whole, cents) = (int.to_owned(), frac[..2].to_owned());
            return Number::Bad(format!(
                "“{raw}” could be {whole}.{cents} or {whole},{frac}: write {whole}.{cents} or \
                 {whole}{frac}"
            ));
        }
    }
    for word in [next, prev] {
        if is(CURRENCY_WORDS, word) {
            marked = true;
            written = written.or_else(|| Written::of(word));
        }
    }
    // A day beside a month ("Dec 15", "15 December") is a date.
    if !marked && (month_word(prev).is_some() || month_word(next).is_some()) {
        return Number::Not;
    }
    // Years after "in", "since", "by"… ("the credit from 2025") are dates.
    if !marked
        && digits.len() == 4
        && (digits.starts_with("19") || digits.starts_with("20"))
        && is(
            &[
                "in", "since", "until", "till", "by", "before", "after", "of", "end", "early",
                "late", "year", "fy",
            ],
            prev,
        )
    {
        return Number::Not;
    }
    let plain = match plain_decimal(&digits) {
        Ok(p) => p,
        Err(why) => return Number::Bad(format!("“{raw}” {why}")),
    };
    if needs_mark && !marked {
        return Number::Not;
    }
    match Money::parse(&format!("{sign}{plain}")) {
        Ok(m) => match times {
            None => Number::Money(m, marked, written),
            Some(n) => match m.checked_mul_int(n) {
                Ok(m) => Number::Money(m, true, written),
                Err(_) => Number::Bad(format!("“{raw}” is too large to be an amount")),
            },
        },
        Err(MoneyParseError::TooManyDigits) => Number::Bad(format!(
            "“{raw}” is too large to be an amount (at most 15 digits before the decimal point and 12 after)"
        )),
        Err(_) => Number::Bad(format!("“{raw}” is not an amount I can read")),
    }
}

/// A suffix made of an East Asian scale character and perhaps a currency character after it:
/// the scale, and the currency code (lowercase) the character says.
fn east_asian_scale(suffix: &str) -> Option<(u32, Option<&'static str>)> {
    let mut chars = suffix.chars();
    let scale = match chars.next()? {
        '万' | '萬' | '만' => 10_000,
        '千' | '천' => 1_000,
        '億' | '亿' | '억' => 100_000_000,
        _ => return None,
    };
    let currency = match chars.as_str() {
        "" => None,
        "円" => Some("jpy"),
        "元" => Some("cny"),
        "원" => Some("krw"),
        _ => return None,
    };
    Some((scale, currency))
}

/// The scale a word multiplies a number by ("2 million", "3 grand").
fn scale(word: &str) -> Option<u32> {
    match word {
        "hundred" => Some(100),
        "thousand" | "grand" => Some(1000),
        "million" | "millions" => Some(1_000_000),
        "billion" | "billions" => Some(1_000_000_000),
        _ => None,
    }
}

/// The value of a number word ("seven", "forty").
fn number_word(word: &str) -> Option<u64> {
    const ONES: [&str; 20] = [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
    ];
    const TENS: [&str; 8] = [
        "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
    ];
    if let Some(n) = ONES.iter().position(|w| *w == word) {
        return u64::try_from(n).ok();
    }
    TENS.iter()
        .position(|w| *w == word)
        .and_then(|n| u64::try_from(n * 10 + 20).ok())
}

/// An amount written in words from word `i` on: "five hundred dollars", "a thousand", "thirty
/// thousand yen", "two hundred and fifty euros", "twenty-five hundred". Money only with a
/// scale word or a currency after it ("ten euros"): "two accounts", "the German one" are
/// not. The amount, its currency when said, and the index of the first word after it.
fn spelled(q: &str, toks: &[Tok], i: usize) -> Option<(Money, Option<Written>, usize)> {
    let word = |k: usize| toks.get(k).map_or("", |t| t.text.as_str());
    let mut k = i;
    let (mut total, mut current, mut scaled, mut any) = (0u64, 0u64, false, false);
    // "a thousand", "a hundred": "a" is one before a scale word only.
    if word(k) == "a" && scale(word(k + 1)).is_some() {
        current = 1;
        k += 1;
    }
    loop {
        let w = word(k);
        let parts: Vec<&str> = w.split('-').collect();
        if let Some(n) = parts
            .iter()
            .map(|p| number_word(p))
            .sum::<Option<u64>>()
            .filter(|_| !w.is_empty())
        {
            current = current.checked_add(n)?;
            any = true;
        } else if let Some(by) = scale(w).filter(|_| any || current > 0) {
            scaled = true;
            if by == 100 {
                current = current.max(1).checked_mul(100)?;
            } else {
                total = total.checked_add(current.max(1).checked_mul(u64::from(by))?)?;
                current = 0;
            }
        } else if w == "and" && any && number_word(word(k + 1)).is_some() {
            // "two hundred and fifty"
        } else {
            break;
        }
        k += 1;
    }
    if !any && !scaled {
        return None;
    }
    let next = word(k);
    if is(UNIT_WORDS, next) {
        return None;
    }
    let symbol_before = q[..toks[i].start]
        .trim_end()
        .chars()
        .next_back()
        .filter(|c| SYMBOLS.contains(c));
    let written = if is(CURRENCY_WORDS, next) {
        Written::of(next)
    } else {
        symbol_before.and_then(Written::of_symbol)
    };
    if !scaled && written.is_none() {
        return None;
    }
    let m = Money::parse(&total.checked_add(current)?.to_string()).ok()?;
    Some((m, written, k))
}

/// "1.500", "20.000", "999.990": one dot, then exactly three digits, after one to three digits
/// that do not start with 0 — a decimal point or a thousands dot. The parts before and after
/// the dot.
fn thousands_dot(digits: &str) -> Option<(&str, &str)> {
    let (int, frac) = digits.split_once('.')?;
    let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    ((1..=3).contains(&int.len())
        && !int.starts_with('0')
        && frac.len() == 3
        && all_digits(int)
        && all_digits(frac))
    .then_some((int, frac))
}

/// "e3", "E+10", "e-2": scientific notation.
fn exponent(s: &str) -> bool {
    let s = s.strip_prefix('e').unwrap_or("");
    let s = s.strip_prefix(['+', '-']).unwrap_or(s);
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

/// Digits with separators → plain decimal notation ("1,200.50" → "1200.50"), or why not.
pub(crate) fn plain_decimal(s: &str) -> Result<String, &'static str> {
    const UNCLEAR: &str = "is not an amount I can read: write it like 1200.50 or 1,200.50";
    let grouped = |groups: &[&str]| {
        groups.first().is_some_and(|g| (1..=3).contains(&g.len()))
            && groups[1..].iter().all(|g| g.len() == 3)
            && groups.iter().all(|g| g.bytes().all(|b| b.is_ascii_digit()))
    };
    let commas = s.matches(',').count();
    let dots = s.matches('.').count();
    if s.is_empty() || s.starts_with([',', '.']) || s.ends_with([',', '.']) {
        return Err(UNCLEAR);
    }
    let (int, frac, sep) = match (commas, dots) {
        (0, 0) => return Ok(s.to_owned()),
        (_, 0) | (0, _) => {
            let sep = if commas > 0 { ',' } else { '.' };
            let parts: Vec<&str> = s.split(sep).collect();
            if parts.len() > 2 {
                // Only thousands: "1,200,000", "1.200.000".
                return if grouped(&parts) {
                    Ok(parts.concat())
                } else {
                    Err(UNCLEAR)
                };
            }
            let (int, frac) = (parts[0], parts[1]);
            if frac.len() == 3 && grouped(&parts) && !int.starts_with('0') {
                // "1,200": thousands, as English writes them; "10.005": a decimal point, as
                // English writes it (the rules then refuse the third decimal).
                if sep == ',' {
                    return Ok(format!("{int}{frac}"));
                }
            }
            if sep == ',' && frac.len() > 2 {
                return Err(UNCLEAR);
            }
            return Ok(format!("{int}.{frac}"));
        }
        _ => {
            // Both: the last one is the decimal point, the others group thousands.
            let last = s.rfind([',', '.']).unwrap_or(0);
            let sep = if s[last..].starts_with(',') { ',' } else { '.' };
            let group = if sep == ',' { '.' } else { ',' };
            if s[last + 1..].contains(group) || s[..last].contains(sep) {
                return Err(UNCLEAR);
            }
            (&s[..last], &s[last + 1..], group)
        }
    };
    let groups: Vec<&str> = int.split(sep).collect();
    if !grouped(&groups) {
        return Err(UNCLEAR);
    }
    Ok(format!("{}.{frac}", groups.concat()))
}

/// "all of it", "everything", "the whole credit", "the rest", "all the remaining credit".
fn says_all(toks: &[Tok]) -> bool {
    let w = |i: usize| toks.get(i).map(|t| t.text.as_str()).unwrap_or("");
    let money = |s: &str| {
        crate::lexicon::fund_word(s).is_some()
            || is(
                &[
                    "it",
                    "them",
                    "that",
                    "balance",
                    "money",
                    "funds",
                    "budget",
                    "amount",
                    "remaining",
                    "left",
                    "thing",
                    "lot",
                    "sum",
                ],
                s,
            )
    };
    toks.iter().enumerate().any(|(i, t)| match t.text.as_str() {
        "everything" => true,
        "rest" => w(i.wrapping_sub(1)) == "the",
        // "all of it", "all the credit", "all of the launch voucher", "all the US store's
        // cash": money before the move goes on ("to", "from", a verb) or other things are
        // counted ("all accounts").
        "all" => (i + 1..i + 7)
            .map(w)
            .take_while(|s| {
                !s.is_empty()
                    && !is(crate::lexicon::FROM_WORDS, s)
                    && !is(crate::lexicon::TO_WORDS, s)
                    && !is(crate::lexicon::MOVE_WORDS, s)
                    && !is(UNIT_WORDS, s)
                    && !is(&["clients", "brands", "of them", "and", "or"], s)
            })
            .any(money),
        s if is(ALL_WORDS, s) => (i + 1..i + 4).map(w).any(money),
        _ => false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn separators() {
        for (s, want) in [
            ("1,200", "1200"),
            ("5,000.00", "5000.00"),
            ("1.200,50", "1200.50"),
            ("1,200,000", "1200000"),
            ("1.200.000", "1200000"),
            ("12,50", "12.50"),
            ("0.125", "0.125"),
            ("120.5", "120.5"),
            ("200", "200"),
            ("10.005", "10.005"),
        ] {
            assert_eq!(plain_decimal(s).as_deref(), Ok(want), "{s}");
        }
        for s in ["1,20,0", "1.200,500.5", "12,3456.7", "1,2345"] {
            assert!(plain_decimal(s).is_err(), "{s}");
        }
    }
}
