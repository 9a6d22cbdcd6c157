//! Layout of a normalized readout: the `date` header, blocks (paragraphs, transcript turns,
//! list items, headings, the source line) and the sentences inside each block.

use super::dates::Date;
use super::lexicon::{lexicon, PageLineClass};
use super::tokens::is_double_quote;
use crate::model::Span;
use std::ops::Range;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    /// A short first line without final punctuation: a headline.
    Heading,
    Prose,
    /// A transcript turn; `label` is the speaker label before the colon.
    Turn {
        label: Span,
    },
    /// An item of a list (a bullet or number line, or a line after a line ending in `:`).
    ListItem,
    /// A "(Source: …)" line.
    SourceLine,
    /// A line of the publisher's page pasted with the readout ("THE WHITE HOUSE", "For
    /// Immediate Release …", "From:", "Published"): `data/page_lines.tsv`.
    PageLine,
}

#[derive(Debug, Clone)]
pub struct Block {
    pub kind: BlockKind,
    /// Zero-based paragraph index; list items share the paragraph of the line introducing them.
    pub paragraph: usize,
    pub span: Span,
    /// The block's sentences: a range of [`Layout::sentences`].
    pub sentences: Range<usize>,
}

/// The readout split into its parts.
#[derive(Debug, Clone)]
pub struct Layout {
    /// The `date YYYY-MM-DD` header, if the text starts with one.
    pub published: Option<Date>,
    /// Where the readout's prose starts: after the `date` header and the spaces that follow
    /// it, else 0. Every block, and so every sentence and statement, starts at or after it.
    pub prose_start: usize,
    pub blocks: Vec<Block>,
    /// The value of the page's release line ("For Immediate Release October 11, 2043",
    /// "Published" then "2 October 2044"), or a date line among the page lines before the
    /// headline: the page's release date, for the event pass to read.
    pub release: Option<Span>,
    /// Every sentence of every block, in text order.
    pub sentences: Vec<Span>,
}

/// Reads the header and splits the body into blocks and sentences.
pub fn layout(text: &str) -> Layout {
    let (published, body_start) = match date_header(text) {
        Some((date, end)) => (Some(date), end),
        None => (None, 0),
    };
    let mut paragraph = 0usize;
    let mut previous_line_blank = true;
    // Room for a line per 40 bytes: one allocation for nearly every readout.
    let mut lines = Vec::with_capacity(text.len() / 40 + 1);
    let mut line_start = body_start;
    for line in text[body_start..].split('\n') {
        let end = line_start + line.len();
        lines.push(trim_span(text, line_start, end));
        line_start = end + 1;
    }
    let mut blocks: Vec<Block> = Vec::with_capacity(lines.len());
    // Whether the last list item had a bullet ("-", "・") rather than a number.
    let mut last_item_was_bullet = false;
    // Whether the last list item had a marker at all.
    let mut last_item_marked = false;
    // The label of the transcript turn the text is in, if any.
    let mut current_turn: Option<Span> = None;
    // The class of the last page line when its value is the next line ("From:", "Published").
    let mut awaited_value: Option<PageLineClass> = None;
    let mut release: Option<Span> = None;
    // Whether every block so far is a page line (none, at first).
    let mut only_page_lines = true;
    // Whether every block so far is a page line or a heading.
    let mut only_top_lines = true;
    // Whether the last block is a headline after page lines only.
    let mut headline_on_top = false;
    for (index, &Span { start, end }) in lines.iter().enumerate() {
        if start == end {
            previous_line_blank = true;
            continue;
        }
        let next_line_blank = lines.get(index + 1).is_none_or(|l| l.is_empty());
        let line = &text[start..end];
        // A line right after an item or a ":" line is an item too, unless the list's marked
        // items ended with a final period ("・to launch … agreement." then prose).
        let unmarked_item = !previous_line_blank
            && blocks.last().is_some_and(|b| {
                let closed = last_item_marked && text[..b.span.end].ends_with('.');
                (b.kind == BlockKind::ListItem && !closed)
                    || (text[..b.span.end].ends_with(':')
                        && b.kind != BlockKind::Heading
                        && !names_spokesperson(&text[b.span.range()]))
            });
        let kind;
        let mut content_start = start;
        // A line that starts a block of its own: no wrapped line of the block before it.
        let opens_block =
            previous_line_blank || blocks.last().is_none_or(|b| !joins_next_line(text, b));
        let page = if opens_block || is_clock_line(line) {
            page_line(
                text,
                Span::new(start, end),
                awaited_value.take(),
                only_page_lines && !blocks.is_empty(),
            )
        } else {
            None
        };
        if let Some(page) = page {
            kind = BlockKind::PageLine;
            awaited_value = page.awaits;
            if release.is_none() {
                release = page.release;
            }
        } else if is_source_line(line) {
            kind = BlockKind::SourceLine;
        } else if let Some(marker) = list_marker_len(line) {
            // "2. …", "(1) …": a number, bracketed or not (Japan's MOFA numbers subsections
            // "(1) Eastern Europe"); bullets and "a)" are not numbers.
            let numbered = line
                .strip_prefix('(')
                .unwrap_or(line)
                .starts_with(|c: char| c.is_ascii_digit());
            let in_list = blocks.last().is_some_and(|b| {
                b.kind == BlockKind::ListItem || text[..b.span.end].ends_with(':')
            });
            // The last block is an item with a bullet, not a number, that closed its list with a
            // final period ("・To cooperate … next year."): a number is no item of it.
            let after_bullet = last_item_was_bullet
                && blocks.last().is_some_and(|b| {
                    b.kind == BlockKind::ListItem && text[..b.span.end].ends_with('.')
                });
            let item = &line[marker..];
            kind = if !numbered && (in_list || !ends_sentence(item)) {
                BlockKind::ListItem
            } else if !numbered {
                // "- At the outset, Minister A expressed … . Minister B congratulated him.": a
                // bulleted paragraph that no ":" line introduces, read sentence by sentence, as
                // a numbered one.
                BlockKind::Prose
            } else if is_section_heading(item) && (!in_list || last_item_was_bullet) {
                // "2. Bilateral relations": a numbered section heading (Japan's MOFA), which
                // also ends a list of bullets before it.
                BlockKind::Heading
            } else if in_list && !after_bullet {
                BlockKind::ListItem
            } else {
                // "3. The two ministers exchanged views … . Minister A stated …": a numbered
                // paragraph that no ":" line introduces, or that follows the closed list of
                // bullets ("・", "(a)") the paragraph before it introduced, read sentence by
                // sentence.
                BlockKind::Prose
            };
            if kind == BlockKind::ListItem {
                last_item_was_bullet = !numbered;
            }
            content_start = start + marker;
        } else if let Some(label_end) = turn_label_end(line) {
            kind = BlockKind::Turn {
                label: Span::new(start, start + label_end),
            };
            content_start = start + label_end + 1;
            while text[content_start..end].starts_with(' ') {
                content_start += 1;
            }
        } else if unmarked_item {
            kind = BlockKind::ListItem;
        } else if let Some(last) = blocks.last_mut().filter(|b| {
            !previous_line_blank
                && joins_next_line(text, b)
                && b.kind != BlockKind::SourceLine
                && !is_date_line(text, start, end)
                && !is_date_line(text, b.span.start, b.span.end)
        }) {
            // A wrapped line: the block goes on.
            last.span.end = end;
            continue;
        } else if only_page_lines
            && (next_line_blank
                || !blocks.is_empty()
                || lines
                    .get(index + 1)
                    .is_some_and(|l| is_date_line(text, l.start, l.end)))
            && is_heading(line)
        {
            // The headline: the first line, or the first after the page's lines, which may
            // run on into the readout's ("Press release", the headline, a summary line); or a
            // first line apart from the text by the date line under it.
            kind = BlockKind::Heading;
        } else if only_top_lines
            && previous_line_blank
            && next_line_blank
            && is_heading(line)
            && !is_date_line(text, start, end)
        {
            // A line alone under the headline, before any prose, that no punctuation ends (the
            // page's real headline under a caption, "Barack Obama photo"): a heading too.
            kind = BlockKind::Heading;
        } else if !previous_line_blank
            && blocks.len() == 1
            && blocks[0].kind == BlockKind::Prose
            && is_heading(&text[blocks[0].span.range()])
            && is_date_line(text, start, end)
        {
            // "CHAIRMAN'S STATEMENT OF THE … / … OF THE AMBER SEA" then "14 November 2046, Port
            // Adair": the wrapped lines above a date line that follows them with no blank line
            // are the headline.
            blocks[0].kind = BlockKind::Heading;
            kind = BlockKind::Prose;
        } else if headline_on_top
            && !previous_line_blank
            && lines
                .get(index + 1)
                .is_some_and(|&next| is_page_line(text, next))
        {
            // A summary line under the headline, among the page's lines (gov.uk's pages).
            kind = BlockKind::PageLine;
        } else if let Some(label) = current_turn {
            // A turn lasts until the next label: later paragraphs belong to it.
            kind = BlockKind::Turn { label };
        } else {
            kind = BlockKind::Prose;
        }
        current_turn = match kind {
            BlockKind::Turn { label } => Some(label),
            _ => None,
        };
        if kind == BlockKind::ListItem {
            last_item_marked = content_start != start;
        }
        let continues_list = kind == BlockKind::ListItem
            && blocks.last().is_some_and(|b| {
                b.kind == BlockKind::ListItem || text[..b.span.end].ends_with(':')
            });
        if !blocks.is_empty() && !continues_list {
            paragraph += 1;
        }
        blocks.push(Block {
            kind,
            paragraph,
            span: Span::new(content_start, end),
            sentences: 0..0,
        });
        headline_on_top = only_page_lines && kind == BlockKind::Heading;
        only_page_lines &= kind == BlockKind::PageLine;
        only_top_lines &= matches!(kind, BlockKind::PageLine | BlockKind::Heading);
        previous_line_blank = false;
    }
    mark_top_labels(text, &mut blocks);
    // Room for a sentence per 60 bytes of prose (most are longer), plus one per block.
    let mut all_sentences = Vec::with_capacity(text.len() / 60 + blocks.len());
    for block in &mut blocks {
        let from = all_sentences.len();
        match block.kind {
            BlockKind::Heading
            | BlockKind::SourceLine
            | BlockKind::ListItem
            | BlockKind::PageLine => all_sentences.push(block.span),
            _ => sentences(text, block.span, &mut all_sentences),
        };
        block.sentences = from..all_sentences.len();
    }
    Layout {
        published,
        prose_start: body_start,
        blocks,
        release,
        sentences: all_sentences,
    }
}

/// The most words of a label line between the headline and the opening ("Readout", "Office of
/// the Spokesperson", as the State Department's pages print them).
const LABEL_WORDS: usize = 5;

/// The longest label or theme line, in bytes.
const LABEL_LEN: usize = 120;

/// Marks as headings the label lines between the headline and the first paragraph: a prose
/// block of one short line, without digits or final punctuation, after the headline and only
/// headings, page lines, date lines or other labels. They are page furniture (as the listed
/// page lines are, `data/page_lines.tsv`), never the opening.
fn mark_top_labels(text: &str, blocks: &mut [Block]) {
    if blocks.first().is_none_or(|b| b.kind != BlockKind::Heading) {
        return;
    }
    for block in blocks.iter_mut().skip(1) {
        let line = &text[block.span.range()];
        if matches!(block.kind, BlockKind::Heading | BlockKind::PageLine)
            || is_date_line(text, block.span.start, block.span.end)
        {
            continue;
        }
        // Short lines only: a paragraph is never read through.
        let label = block.kind == BlockKind::Prose
            && line.len() <= LABEL_LEN
            && !line.contains('\n')
            && !line.bytes().any(|b| b.is_ascii_digit())
            && ((line.split(' ').count() <= LABEL_WORDS && is_heading(line))
                || is_quoted_title(line));
        if !label {
            return;
        }
        block.kind = BlockKind::Heading;
    }
}

/// The most words of a quoted theme line ("“Shared Waters, Shared Future”").
const THEME_WORDS: usize = 12;

/// A line that is nothing but a short quotation without a sentence's end inside: a summit's
/// theme under its headline ("“Shared Waters, Shared Future”").
fn is_quoted_title(line: &str) -> bool {
    let mut chars = line.chars();
    let (Some(open), Some(close)) = (chars.next(), chars.next_back()) else {
        return false;
    };
    let inner = chars.as_str();
    is_double_quote(open)
        && is_double_quote(close)
        && !inner.contains(is_double_quote)
        && !inner.contains(['.', '!', '?', ':', ';'])
        && inner.split(' ').count() <= THEME_WORDS
}

/// A line that is only a date ("June 17, 2049", "14 November 2046, Port Adair, Selvania"):
/// never joined to the lines around it. Short lines with a digit only are read.
fn is_date_line(text: &str, start: usize, end: usize) -> bool {
    end - start <= 60
        && text[start..end].bytes().any(|b| b.is_ascii_digit())
        && super::event::is_standalone_dateline(text, start, end)
}

/// A line that ends without final punctuation continues on the next line (hard wrapping).
fn joins_next_line(text: &str, block: &Block) -> bool {
    let last = text[..block.span.end].chars().next_back();
    !matches!(
        last,
        Some('.' | '!' | '?' | ':' | ';' | '"' | '”' | '’' | ')' | '…')
    ) && !matches!(block.kind, BlockKind::Heading | BlockKind::PageLine)
}

/// A page line: whether the next line is its value, and where its release date is.
struct PageLine {
    awaits: Option<PageLineClass>,
    release: Option<Span>,
}

/// `line` as a line of the publisher's page (`data/page_lines.tsv`), if it is one: a listed
/// line, the value of the page line before it (`value_of`), or, among the page lines that
/// open the text (`at_top`), a date line (the release date, "April 17, 2031", before the
/// headline). Only short lines without a sentence's final punctuation are looked at.
fn page_line(
    text: &str,
    line: Span,
    value_of: Option<PageLineClass>,
    at_top: bool,
) -> Option<PageLine> {
    let words = &text[line.start..line.end];
    let released = |span: Span| {
        Some(PageLine {
            awaits: None,
            release: Some(span),
        })
    };
    match value_of {
        Some(PageLineClass::Release) => return released(line),
        Some(_) => {
            return Some(PageLine {
                awaits: None,
                release: None,
            })
        }
        None => {}
    }
    // "[Ministry of Foreign Affairs of Kaminato] [Monday, Jun 8, 2046]": a line of bracketed
    // parts (Japan's MOFA), released on the date in its last.
    if words.starts_with('[') && words.ends_with(']') && words.len() <= 100 {
        let mut last = Span::new(line.start + words.rfind('[')? + 1, line.end - 1);
        // "Monday, Jun 8, 2046": the weekday before the date.
        if let Some((day, _)) = text[last.range()].split_once(", ") {
            if lexicon().weekdays.contains(day) {
                last.start += day.len() + 2;
            }
        }
        return Some(PageLine {
            awaits: None,
            release: super::event::release_date(text, last).map(|_| last),
        });
    }
    if is_clock_line(words) {
        return Some(PageLine {
            awaits: None,
            release: None,
        });
    }
    if words.len() > 100
        || !words.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
        || words.ends_with(['.', '!', '?'])
    {
        return None;
    }
    // A breadcrumb trail ("Home > China News"): the page's way to the readout.
    if words.contains(" > ") {
        return Some(PageLine {
            awaits: None,
            release: None,
        });
    }
    match lexicon().page_line(words) {
        Some((class, None)) => Some(PageLine {
            awaits: (class != PageLineClass::Mast).then_some(class),
            release: None,
        }),
        Some((PageLineClass::Release, Some(value))) => {
            released(dated_part(text, Span::new(line.start + value, line.end)))
        }
        Some(_) => Some(PageLine {
            awaits: None,
            release: None,
        }),
        None if at_top && super::event::release_date(text, line).is_some() => released(line),
        None => None,
    }
}

/// The part of a release line's value that holds its date, when bars part it ("By : Admin |
/// June 2, 2046 | 21:29 IST"); else the whole value.
fn dated_part(text: &str, value: Span) -> Span {
    let mut start = value.start;
    text[value.range()]
        .split('|')
        .map(|part| {
            let span = trim_span(text, start, start + part.len());
            start += part.len() + 1;
            span
        })
        .find(|&part| super::event::release_date(text, part).is_some())
        .unwrap_or(value)
}

/// A line that is only a clock time, with a time zone or not ("17:45", "09:30 CET"): the
/// time the page was released (under its date, as the European Council prints it), never
/// the readout's prose nor the event's time of day.
fn is_clock_line(line: &str) -> bool {
    let (time, zone) = line.split_once(' ').unwrap_or((line, ""));
    let Some((hours, minutes)) = time.split_once(':') else {
        return false;
    };
    (1..=2).contains(&hours.len())
        && minutes.len() == 2
        && hours
            .bytes()
            .chain(minutes.bytes())
            .all(|b| b.is_ascii_digit())
        && zone.len() <= 5
        && zone.bytes().all(|b| b.is_ascii_uppercase())
}

/// A line of the page by itself (the line after the headline's summary, "From:").
fn is_page_line(text: &str, line: Span) -> bool {
    !line.is_empty() && page_line(text, line, None, false).is_some()
}

/// `text[start..end]` without its leading and trailing whitespace.
fn trim_span(text: &str, mut start: usize, mut end: usize) -> Span {
    let slice = &text[start..end];
    let trimmed_front = slice.trim_start();
    start += slice.len() - trimmed_front.len();
    end -= trimmed_front.len() - trimmed_front.trim_end().len();
    Span::new(start, end)
}

/// `date 2024-07-14` (or `Date: 2024-07-14`) at the very start: the date and where the body starts.
fn date_header(text: &str) -> Option<(Date, usize)> {
    let head = text.get(..4)?;
    if !head.eq_ignore_ascii_case("date") {
        return None;
    }
    let mut rest = &text[4..];
    rest = rest.strip_prefix(':').unwrap_or(rest);
    let trimmed = rest.trim_start_matches(' ');
    if trimmed.len() == rest.len() && !rest.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let iso = trimmed.get(..10)?;
    let date = Date::parse_iso(iso)?;
    let after = &trimmed[10..];
    if after.starts_with(|c: char| c.is_alphanumeric()) {
        return None;
    }
    let end = text.len() - after.len();
    let skip = after.len() - after.trim_start().len();
    Some((date, end + skip))
}

fn is_source_line(line: &str) -> bool {
    let inner = line.strip_prefix('(').unwrap_or(line);
    inner.len() > 7
        && inner
            .get(..7)
            .is_some_and(|h| h.eq_ignore_ascii_case("source:"))
}

fn is_heading(line: &str) -> bool {
    let last = line.chars().next_back();
    line.len() <= 200
        && (!matches!(
            last,
            Some('.' | '!' | '?' | ':' | ';' | ',' | '"' | '”' | '’' | ')')
        ) || dated_title(line))
        && turn_label_end(line).is_none()
}

/// A title that ends with its dates in brackets ("State Visit of the President of Feyral to
/// Ilvane (March 8-10, 2040)", India's MEA): a year inside the last brackets, and no final
/// punctuation before them.
fn dated_title(line: &str) -> bool {
    let Some(inner) = line.strip_suffix(')') else {
        return false;
    };
    let Some((before, dates)) = inner.rsplit_once(" (") else {
        return false;
    };
    let year = dates
        .split(|c: char| !c.is_ascii_digit())
        .any(|n| n.len() == 4 && (n.starts_with("19") || n.starts_with("20")));
    year && !before.is_empty() && is_heading(before)
}

/// A line that names a spokesperson or the press ("As stated by Spokesperson X:", "A
/// Downing Street spokesperson said:"): a lead-in to the readout, whose lines are its prose,
/// never the items of a list. Read by the role labels of `data/role_labels.txt` of five
/// letters or more, in any case.
fn names_spokesperson(line: &str) -> bool {
    line.split(|c: char| !c.is_alphabetic()).any(|word| {
        let mut chars = word.chars();
        let Some(first) = chars.next() else {
            return false;
        };
        let capitalized: String = first.to_uppercase().chain(chars).collect();
        capitalized.len() >= 5 && lexicon().is_role_label(&capitalized)
    })
}

/// Whether `item` ends as a sentence does (".", "!", "?", a closing quote or bracket after one).
fn ends_sentence(item: &str) -> bool {
    let core = item.trim_end_matches(['"', '”', '’', ')']);
    core.ends_with(['.', '!', '?', '…'])
}

/// The text of a numbered line that makes it a section heading ("Bilateral relations",
/// "Regional and international situation"): a capital first letter, no final punctuation, and
/// a few words.
fn is_section_heading(item: &str) -> bool {
    item.starts_with(|c: char| c.is_uppercase())
        && item.split(' ').count() <= 8
        && !matches!(
            item.chars().next_back(),
            Some('.' | '!' | '?' | ':' | ';' | ',' | '"' | '”' | '’' | ')')
        )
}

/// Bytes taken by a bullet or number marker at the start of the line (with its space).
fn list_marker_len(line: &str) -> Option<usize> {
    let mut chars = line.char_indices();
    let (_, first) = chars.next()?;
    // "・" (Japanese) is written against its item, with no space.
    if first == '・' {
        let content = line[first.len_utf8()..].trim_start();
        return (!content.is_empty()).then_some(line.len() - content.len());
    }
    if matches!(first, '-' | '•' | '*' | '–' | '—' | '·' | '▪' | '●') {
        let rest = &line[first.len_utf8()..];
        let content = rest.trim_start();
        return (rest.len() > content.len() && !content.is_empty())
            .then_some(line.len() - content.len());
    }
    // "1. ", "2) ", "(3) ", "a) ", "(b) "
    let body = line.strip_prefix('(').unwrap_or(line);
    let digits = body.chars().take_while(char::is_ascii_digit).count();
    let label_len = if digits > 0 && digits <= 2 {
        digits
    } else if body.chars().next().is_some_and(|c| c.is_ascii_lowercase())
        && body[1..].starts_with(')')
    {
        1
    } else {
        return None;
    };
    let after = &body[label_len..];
    let after = after
        .strip_prefix(')')
        .or_else(|| after.strip_prefix('.').filter(|_| digits > 0))?;
    let content = after.trim_start();
    (after.len() > content.len() && !content.is_empty()).then_some(line.len() - content.len())
}

/// End of a transcript speaker label ("Lina Orsk:", "President Lina Orsk:") at the line start.
fn turn_label_end(line: &str) -> Option<usize> {
    const LONGEST: usize = 80;
    // The colon is looked for where a label can end, not through a whole paragraph.
    let head = line.get(..=LONGEST).unwrap_or(line);
    let colon = head.find(':')?;
    // "Tomasz Rydel (retranslated):", "… (via interpreter):": a note after the speaker.
    let label = line[..colon].trim_end();
    let label = match label
        .strip_suffix(')')
        .and_then(|l| l.rfind(" (").map(|o| &l[..o]))
    {
        Some(speaker) => speaker,
        None => label,
    };
    let after = &line[colon + 1..];
    // "Chair's Statement: Summit of …" is a headline, not a speaker.
    if label.contains("'s ") || label.contains("’s ") {
        return None;
    }
    if label.is_empty()
        || label.len() > LONGEST
        || !after.starts_with(' ')
        || after.trim().is_empty()
    {
        return None;
    }
    let words: Vec<&str> = label.split(' ').collect();
    if words.len() > 7 {
        return None;
    }
    let mut capitalized = 0;
    for word in &words {
        let word = word.trim_end_matches('.');
        if word.is_empty() || word.chars().any(|c| c.is_ascii_digit()) {
            return None;
        }
        if word.chars().next().is_some_and(char::is_uppercase) {
            capitalized += 1;
        } else if !super::names::is_particle(word)
            && word != "of"
            && !word
                .split_once('-')
                .is_some_and(|(_, rest)| rest.starts_with(char::is_uppercase))
        {
            // "President of Dravonia Stanislav Vereshin:" holds "of"; "al-Tamari" a particle.
            return None;
        }
    }
    (capitalized > 0 && !lexicon().is_header_key(label)).then_some(colon)
}

/// Splits a block into sentences. A sentence ends at `.`, `!`, `?` or `…` (with any closing
/// quotes or brackets) followed by a space and a capital, digit, quote or bracket; not after a
/// known abbreviation or an initial, and not inside a balanced double quotation. Appends them
/// to `out`.
pub fn sentences(text: &str, block: Span, out: &mut Vec<Span>) {
    super::work::add(block.len());
    let quoted = quoted_regions(text, block);
    let mut start = block.start;
    let mut i = block.start;
    // The first quoted region that does not end before `i` (regions are sorted).
    let mut region = 0;
    let bytes = text.as_bytes();
    while i < block.end {
        // Fast path: ASCII that can neither end a sentence nor close a quote.
        if bytes[i] < 0x80 && !matches!(bytes[i], b'.' | b'!' | b'?' | b'"') {
            i = skip_to(bytes, i, block.end, *b".!?\"");
            continue;
        }
        let c = match text[i..block.end].chars().next() {
            Some(c) => c,
            None => break,
        };
        let next = i + c.len_utf8();
        while quoted.get(region).is_some_and(|q| q.end < i) {
            region += 1;
        }
        let closes_quote = is_double_quote(c)
            && quoted.get(region).is_some_and(|q| q.end == i)
            && text[..i].ends_with(['.', '!', '?', '…']);
        let inside_quote = quoted.get(region).is_some_and(|q| q.start < i && i < q.end);
        if closes_quote || (matches!(c, '.' | '!' | '?' | '…') && !inside_quote) {
            // Take closing quotes and brackets.
            let mut end = next;
            while let Some(d) = text[end..block.end].chars().next() {
                if is_double_quote(d) || matches!(d, ')' | ']' | '’' | '\'') {
                    end += d.len_utf8();
                } else {
                    break;
                }
            }
            let followed = &text[end..block.end];
            let boundary = followed.is_empty()
                || (followed.starts_with(' ')
                    && followed[1..].chars().next().is_some_and(|d| {
                        d.is_uppercase()
                            || d.is_ascii_digit()
                            || is_double_quote(d)
                            || matches!(d, '(' | '[' | '‘' | '\'')
                    }));
            if boundary && (closes_quote || !(c == '.' && is_abbreviation(text, start, i))) {
                push_trimmed(text, out, start, end);
                start = end;
                i = end;
                continue;
            }
            i = end.max(next);
            continue;
        }
        i = next;
    }
    push_trimmed(text, out, start, block.end);
}

fn push_trimmed(text: &str, out: &mut Vec<Span>, start: usize, end: usize) {
    let span = trim_span(text, start, end);
    if !span.is_empty() {
        out.push(span);
    }
}

/// True when the period at `dot` ends an abbreviation or a one-letter initial.
fn is_abbreviation(text: &str, sentence_start: usize, dot: usize) -> bool {
    let before = &text[sentence_start..dot];
    let word = &before[word_start(before)..];
    if word.is_empty() {
        return false;
    }
    // Initials and dotted acronyms: "F.", "U.S.", "a.m."
    // After the word's last inner period (a byte scan: words are short).
    let last_part = word
        .bytes()
        .rposition(|b| b == b'.')
        .map_or(word, |dot| &word[dot + 1..]);
    if last_part.chars().count() == 1 && last_part.chars().all(char::is_alphabetic) {
        let is_sentence_end_letter = word.len() == 1 && word.chars().all(char::is_lowercase);
        return !is_sentence_end_letter;
    }
    lexicon().is_abbreviation(word)
}

/// Where the word (letters, digits and periods) that ends `before` starts: by bytes while they
/// are ASCII, as nearly all are, else by characters.
fn word_start(before: &str) -> usize {
    let bytes = before.as_bytes();
    let in_word = |b: &u8| b.is_ascii_alphanumeric() || *b == b'.';
    match bytes.iter().rposition(|b| !in_word(b)) {
        Some(i) if bytes[i] < 0x80 => i + 1,
        None => 0,
        Some(_) => before
            .rfind(|c: char| !(c.is_alphanumeric() || c == '.'))
            .map_or(0, |i| {
                i + before[i..].chars().next().map_or(1, char::len_utf8)
            }),
    }
}

/// The first index in `i..end` holding one of the ASCII `stops` or a non-ASCII byte, or `end`.
/// Tests eight bytes at a time (the classic "has a zero byte" word trick): most bytes of
/// prose are skipped this way.
fn skip_to<const N: usize>(bytes: &[u8], mut i: usize, end: usize, stops: [u8; N]) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let has_byte = |word: u64, byte: u8| {
        let x = word ^ (ONES * u64::from(byte));
        x.wrapping_sub(ONES) & !x & HIGH != 0
    };
    while let Some(chunk) = bytes[i..end].first_chunk::<8>() {
        let word = u64::from_le_bytes(*chunk);
        if word & HIGH != 0 || stops.iter().any(|&b| has_byte(word, b)) {
            break;
        }
        i += 8;
    }
    while i < end && bytes[i] < 0x80 && !stops.contains(&bytes[i]) {
        i += 1;
    }
    i
}

/// The quotations of the block, each from its opening quote to its closing one (excluded), in
/// order; none when the quotes do not balance.
fn quoted_regions(text: &str, block: Span) -> Vec<Span> {
    let mut regions = Vec::new();
    let mut open: Option<usize> = None;
    let bytes = text.as_bytes();
    let mut at = block.start;
    loop {
        // Every double quote starts with '"' or one of the lead bytes 0xE2 and 0xC2.
        let found = skip_to(bytes, at, block.end, *b"\"");
        if found >= block.end {
            break;
        }
        at = found + 1;
        if !matches!(bytes[found], b'"' | 0xE2 | 0xC2) {
            continue;
        }
        let Some(c) = text[found..block.end].chars().next() else {
            break;
        };
        match (c, open) {
            ('"' | '“' | '„' | '«', None) => open = Some(found),
            ('"' | '”' | '»', Some(o)) => {
                regions.push(Span::new(o, found));
                open = None;
            }
            ('“' | '«', Some(_)) => return Vec::new(),
            _ => {}
        }
    }
    if open.is_some() {
        return Vec::new();
    }
    regions
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The kinds of `text`'s blocks, in order.
    fn block_kinds(text: &str) -> Vec<BlockKind> {
        layout(text).blocks.iter().map(|b| b.kind).collect()
    }

    fn sentence_texts(text: &str) -> Vec<&str> {
        let mut spans = Vec::new();
        sentences(text, Span::new(0, text.len()), &mut spans);
        spans.into_iter().map(|s| &text[s.start..s.end]).collect()
    }

    #[test]
    fn splits_sentences_but_not_abbreviations_initials_or_quotes() {
        assert_eq!(
            sentence_texts(
                "Mr. Orsk met John F. Brenn in the U.S. capital. He said: \"We agree. We act.\" Then it ended! 3 more."
            ),
            vec![
                "Mr. Orsk met John F. Brenn in the U.S. capital.",
                "He said: \"We agree. We act.\"",
                "Then it ended!",
                "3 more."
            ]
        );
    }

    #[test]
    fn a_masthead_that_opens_with_a_number_is_a_page_line() {
        use BlockKind::*;
        let text = "10 Downing Street\nPM meeting with President B: 12 June 2047\nThe PM met B.";
        assert_eq!(block_kinds(text), vec![PageLine, Heading, Prose]);
    }

    #[test]
    fn a_line_of_bracketed_parts_is_a_page_line_released_on_its_date() {
        use BlockKind::*;
        let text = "[Ministry of Foreign Affairs of A] [Monday, Jun 8, 2046]\nA-B Meeting\nOn Sunday, June 7, A met B.";
        let layout = layout(text);
        let kinds: Vec<_> = layout.blocks.iter().map(|b| b.kind).collect();
        assert_eq!(kinds, vec![PageLine, Heading, Prose]);
        assert_eq!(&text[layout.release.unwrap().range()], "Jun 8, 2046");
    }

    #[test]
    fn a_release_line_parted_by_bars_is_released_on_its_dated_part() {
        let text = "Call between A and B\n\nPublished By : Admin | June 2, 2046 | 21:29 IST\n\nA spoke with B today.";
        let layout = layout(text);
        assert_eq!(&text[layout.release.unwrap().range()], "June 2, 2046");
    }

    #[test]
    fn a_breadcrumb_trail_is_a_page_line() {
        use BlockKind::*;
        let text = "Home > Kesmar News\nA Meets B\n\nA met B today.";
        assert_eq!(block_kinds(text), vec![PageLine, Heading, Prose]);
    }

    #[test]
    fn a_spokesperson_lead_in_introduces_prose_not_a_list() {
        use BlockKind::*;
        // One block of lines, as a news site pastes the State Department's release.
        let text = "Department of State\nAs stated by Spokesperson C:\nSecretary A spoke with B.";
        assert_eq!(block_kinds(text), vec![PageLine, Prose, Prose]);
        // A ":" line of the readout itself still opens a list.
        let text = "A and B agreed on the following:\nto meet again.";
        assert_eq!(block_kinds(text), vec![Prose, ListItem]);
        assert!(names_spokesperson("A Harlow spokesperson said:"));
        assert!(!names_spokesperson("A said the following:"));
    }

    #[test]
    fn a_line_alone_under_the_headline_before_any_prose_is_a_heading() {
        use BlockKind::*;
        let text = "Archive photo\n\nReadout of the President's Call with B\n\nToday the President spoke with B.";
        assert_eq!(block_kinds(text), vec![Heading, Heading, Prose]);
        // Not once the prose has begun, nor a date line.
        let text = "A Meets B\n\nMay 3, 2040\n\nA met B.\n\nFiled Under";
        assert_eq!(block_kinds(text)[2..], [Prose, Prose]);
    }

    #[test]
    fn a_date_line_under_a_headline_without_a_blank_line_parts_them() {
        let kinds_and_texts = |text: &'static str| {
            layout(text)
                .blocks
                .into_iter()
                .map(|b| (b.kind, &text[b.span.range()]))
                .collect::<Vec<_>>()
        };
        // A headline, its date line, then the opening, one line each (Japan's MOFA).
        let text = "Talk Between the Ministers of A and B\nJune 17, 2049\nMr. A held a talk.";
        let blocks = kinds_and_texts(text);
        assert_eq!(
            blocks[0],
            (BlockKind::Heading, "Talk Between the Ministers of A and B")
        );
        assert_eq!(blocks[1].1, "June 17, 2049");
        assert_eq!(blocks[2].1, "Mr. A held a talk.");
        // A headline wrapped over two lines, then "date, City, Country" (a chair's statement).
        let text = "STATEMENT OF THE THIRD SUMMIT OF THE\nCOASTAL STATES\n14 November 2046, Port Adair, Selvania\nThe Summit was held.";
        let blocks = kinds_and_texts(text);
        assert_eq!(
            blocks[0],
            (
                BlockKind::Heading,
                "STATEMENT OF THE THIRD SUMMIT OF THE\nCOASTAL STATES"
            )
        );
        assert_eq!(blocks[1].0, BlockKind::Prose);
        assert!(blocks[1].1.starts_with("14 November 2046"));
        // A wrapped line that only mentions a date still joins its paragraph.
        let text = "The leaders met in Vell on\nJune 17, 2049 and agreed.";
        assert_eq!(kinds_and_texts(text).len(), 1);
    }

    #[test]
    fn bulleted_paragraphs_without_a_colon_line_are_read_sentence_by_sentence() {
        let text = "The outline is as follows.\n- At the outset, Ann thanked Bo. Bo welcomed Ann.\n- Bo stated that it was so.";
        let l = layout(text);
        let kinds: Vec<_> = l.blocks.iter().map(|b| b.kind).collect();
        assert_eq!(kinds, [BlockKind::Prose; 3]);
        assert_eq!(l.blocks[1].sentences.len(), 2);
        // Items after a ":" line, and items without a final period, stay list items.
        let text = "They agreed on the following:\n- A first step. A second one.\n- a third";
        let kinds = block_kinds(text);
        assert_eq!(
            kinds,
            [BlockKind::Prose, BlockKind::ListItem, BlockKind::ListItem]
        );
        let text = "Topics\n\n- trade\n- energy";
        let kinds = block_kinds(text);
        assert_eq!(
            kinds,
            [BlockKind::Heading, BlockKind::ListItem, BlockKind::ListItem]
        );
    }

    #[test]
    fn label_lines_between_the_headline_and_the_opening_are_headings() {
        let text = "Secretary A's Call with Minister B\n\nReadout\nApril 7, 2048\n\nOffice of the Spokesperson\n\nThe below is attributable to Spokesperson C:\n\nSecretary A spoke today with Minister B.\n\nShort line";
        let kinds = block_kinds(text);
        assert_eq!(
            kinds,
            [
                BlockKind::Heading,
                BlockKind::PageLine,
                BlockKind::Prose,
                BlockKind::Heading,
                BlockKind::Prose,
                BlockKind::Prose,
                BlockKind::Prose
            ]
        );
        // A theme in quotation marks, and a place line, under the date line.
        let text = "SUMMIT STATEMENT\n14 November 2046, Port Adair\n\u{201c}Shared Waters, Shared Future\u{201d}\nThe Summit was held.";
        let kinds = block_kinds(text);
        assert_eq!(
            kinds,
            [
                BlockKind::Heading,
                BlockKind::Prose,
                BlockKind::Heading,
                BlockKind::Prose
            ]
        );
        let text = "Talks\n\nApril 14, 2046\nThe Amber Palace, Kirovsk\n\nA held talks with B.";
        let kinds = block_kinds(text);
        assert_eq!(
            kinds,
            [
                BlockKind::Heading,
                BlockKind::Prose,
                BlockKind::Heading,
                BlockKind::Prose
            ]
        );
        // Without a headline, a short first paragraph is left as it is.
        let text = "A met B.\n\nOffice of the Spokesperson\n\nThey agreed.";
        assert!(layout(text)
            .blocks
            .iter()
            .all(|b| b.kind == BlockKind::Prose));
    }

    #[test]
    fn reads_the_date_header_on_the_same_line() {
        let text = "date 2024-07-14 On the evening of July 3 they met.";
        let layout = layout(text);
        assert_eq!(layout.published, Date::parse_iso("2024-07-14"));
        assert_eq!(layout.blocks.len(), 1);
        assert_eq!(
            &text[layout.blocks[0].span.start..layout.blocks[0].span.end],
            "On the evening of July 3 they met."
        );
        assert_eq!(
            &text[layout.prose_start..],
            "On the evening of July 3 they met."
        );
    }

    #[test]
    fn the_prose_starts_after_the_date_header_and_its_blank_lines() {
        let text = "Date: 2031-05-02\n\nTalks\n\nA met B.";
        let layout = layout(text);
        assert_eq!(&text[layout.prose_start..], "Talks\n\nA met B.");
        assert!(layout
            .blocks
            .iter()
            .all(|b| b.span.start >= layout.prose_start));
        // Without a header, or with a date that is not one, the prose is the whole text.
        for text in ["A met B.", "date 2031-05-02x A met B.", "Dated 2031-05-02."] {
            assert_eq!(super::layout(text).prose_start, 0, "{text}");
        }
    }

    #[test]
    fn a_title_may_end_with_its_dates_in_brackets() {
        assert!(is_heading(
            "State Visit of the President of Feyral to Ilvane (March 8-10, 2040)"
        ));
        assert!(is_heading(
            "Visit of the Prime Minister to Kestria (3 May 2040)"
        ));
        // Brackets without a year, or a sentence before them, still end prose.
        assert!(!is_heading("Talks with the Northern Trade Council (NTC)"));
        assert!(!is_heading("They met in Vell. (Photo, 2040)"));
    }

    #[test]
    fn reads_numbered_headings_paragraphs_and_items() {
        let text = "Talks\n\nThe overview is as follows.\n1. Bilateral relations\n2. At the outset, A spoke. B agreed.\nThey agreed on the following:\n・to meet;\n3. Regional affairs\nThey agreed on these:\n1. Open a fund.";
        let layout = layout(text);
        let kinds: Vec<_> = layout.blocks.iter().map(|b| b.kind).collect();
        use BlockKind::*;
        assert_eq!(
            kinds[1..],
            [Prose, Heading, Prose, Prose, ListItem, Heading, Prose, ListItem]
        );
        let numbered = &layout.blocks[3];
        assert_eq!(numbered.sentences.len(), 2);
        let item = layout.blocks[5].span;
        assert_eq!(&text[item.start..item.end], "to meet;");
    }

    #[test]
    fn finds_turns_lists_headings_and_source_lines() {
        let text = "Leaders Meet in Vell\n\nThey agreed on the following:\n- first item;\n2) second item\n\nLina Orsk: Welcome. We are glad.\nTomas Brenn (retranslated): Thank you.\n\nWe will meet again.\n\n(Source: Ministry)";
        let blocks = layout(text).blocks;
        let kinds: Vec<_> = blocks.iter().map(|b| b.kind).collect();
        assert!(matches!(kinds[0], BlockKind::Heading));
        assert_eq!(kinds[1], BlockKind::Prose);
        assert_eq!(kinds[2], BlockKind::ListItem);
        assert_eq!(kinds[3], BlockKind::ListItem);
        assert!(matches!(kinds[4], BlockKind::Turn { .. }));
        let BlockKind::Turn { label } = kinds[5] else {
            panic!("a turn with a note: {:?}", kinds[5]);
        };
        assert_eq!(&text[label.start..label.end], "Tomas Brenn (retranslated)");
        // A turn lasts over the unlabelled paragraphs after it.
        assert_eq!(kinds[6], BlockKind::Turn { label });
        assert_eq!(kinds[7], BlockKind::SourceLine);
        assert_eq!(blocks[2].paragraph, blocks[1].paragraph);
        assert_eq!(turn_label_end("Chair's Statement: Summit of the Sea"), None);
        assert!(turn_label_end("President of Dravonia Stanislav Vereshin: Friends,").is_some());
        assert!(turn_label_end("Rashid Qa'im al-Tamari (via interpreter): Thanks.").is_some());
        assert_eq!(
            &text[blocks[2].span.start..blocks[2].span.end],
            "first item;"
        );
    }

    #[test]
    fn a_numbered_paragraph_after_bulleted_items_ends_their_list() {
        use BlockKind::*;
        let text = "2. They agreed on the following:\n(a) to meet;\n(b) to talk.\n3. The Chair \
                    thanked them. They left.";
        assert_eq!(block_kinds(text), [Prose, ListItem, ListItem, Prose]);
        // Numbered items of a numbered list stay items.
        let text = "They agreed on the following:\n1. to meet;\n2. to talk.";
        assert_eq!(block_kinds(text), [Prose, ListItem, ListItem]);
    }

    #[test]
    fn a_line_of_only_a_clock_time_is_a_page_line() {
        use BlockKind::*;
        let text =
            "Phone call between A and B\n\nPress release\n12 May 2048\n17:45\n\nPresident A \
                    held a phone call today with Prime Minister B.";
        assert_eq!(
            block_kinds(text),
            [Heading, PageLine, Prose, PageLine, Prose]
        );
        assert!(
            is_clock_line("09:30 CET") && !is_clock_line("17:45 today") && !is_clock_line("1:2")
        );
    }

    #[test]
    fn page_lines_before_the_headline_are_blocks_of_their_own() {
        use BlockKind::*;
        let kinds =
            |text: &str| -> Vec<BlockKind> { layout(text).blocks.iter().map(|b| b.kind).collect() };
        let text = "THE WHITE HOUSE\nOffice of the Press Secretary\nFor Immediate Release\n\nApril 17, 2031\n\nReadout of the Call\n\nA spoke with B.";
        let page = layout(text);
        assert_eq!(
            page.blocks.iter().map(|b| b.kind).collect::<Vec<_>>(),
            [PageLine, PageLine, PageLine, PageLine, Heading, Prose]
        );
        let release = page.release.unwrap();
        assert_eq!(&text[release.range()], "April 17, 2031");
        // The release date on the release line, the publisher after "From:" (no transcript
        // turn), the headline and a summary line run on with the page's lines.
        let text = "Press release\nPM call with X: 2 May 2031\nThe PM spoke to X.\nFrom: Prime Minister's Office\nPublished 2 May 2031\n\nThe PM spoke to X.";
        assert_eq!(
            kinds(text),
            [PageLine, Heading, PageLine, PageLine, PageLine, Prose]
        );
        let release = layout(text).release.unwrap();
        assert_eq!(&text[release.range()], "2 May 2031");
        // "From:" then its value, "Published" then the date.
        let text = "News story\nFrom:\nThe Office, Vell\nPublished\n2 May 2031\n\nA met B.";
        assert_eq!(
            kinds(text),
            [PageLine, PageLine, PageLine, PageLine, PageLine, Prose]
        );
        // A listed line inside wrapped prose stays prose; a release line without a date is
        // no page line; a date line under a headline stays the readout's (a dateline).
        assert_eq!(
            kinds("Talks\n\nA met B at\nThe White House\ntoday."),
            [Heading, Prose]
        );
        assert_eq!(
            kinds("Published reports differ\n\nA met B."),
            [Heading, Prose]
        );
        assert_eq!(
            kinds("Talks with B\n\nApril 29, 2031\n\nA met B."),
            [Heading, Prose, Prose]
        );
    }

    #[test]
    fn joins_wrapped_lines_and_breaks_after_final_punctuation() {
        let text = "Orsk said that the\nweather was fine.\nBrenn said it was not.";
        let blocks = layout(text).blocks;
        assert_eq!(blocks.len(), 2);
        assert_eq!(blocks[0].paragraph, 0);
        assert_eq!(blocks[1].paragraph, 1);
    }
}
