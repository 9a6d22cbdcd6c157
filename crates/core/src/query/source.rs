//! A readout's source text laid out for the readout view: paragraphs cut into pieces, each
//! plain or marked with the statements whose sentence covers it.
//!
//! Spans of several statements may coincide (two statements read from one sentence) or
//! overlap; overlapping spans become one marked piece listing all of them, so that the text is
//! shown once and every statement still has a place in it. Spans that do not index the text
//! (out of range, not on char boundaries) are left out.
//!
//! Only the readout's prose is laid out: the text from `source.prose_start`, so the `date`
//! line the parser read as the publication date is never shown as part of the readout.

use crate::model::Span;

/// One paragraph of the source: its byte range and its pieces, in order, covering it exactly.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceParagraph {
    pub span: Span,
    pub pieces: Vec<Piece>,
}

/// A part of a paragraph, by its span in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    Plain {
        span: Span,
    },
    /// Covered by the spans of these statements (indexes into the `spans` given to
    /// [`source_layout`], increasing).
    Marked {
        span: Span,
        statements: Vec<usize>,
    },
}

/// Cuts the prose of `text`, from `prose_start` ([`Source::prose_start`]; the whole text when
/// it is not a char boundary of it), into paragraphs (separated by blank lines) and marks each
/// statement's span; what lies before the prose is left out, spans clipped to it.
///
/// [`Source::prose_start`]: crate::model::Source::prose_start
pub fn source_layout(text: &str, prose_start: usize, spans: &[Span]) -> Vec<SourceParagraph> {
    let prose_start = if text.is_char_boundary(prose_start) {
        prose_start
    } else {
        0
    };
    let valid: Vec<(usize, Span)> = spans
        .iter()
        .copied()
        .enumerate()
        .filter(|(_, s)| s.start < s.end && s.slice(text).is_some())
        .collect();
    paragraphs(text, prose_start)
        .into_iter()
        .map(|paragraph| {
            let Span { start, end } = paragraph;
            // The spans within this paragraph, clipped to it, in text order (kept in order by
            // insertion: spans mostly come in order, and the app's wasm is spared a sort).
            let mut clipped: Vec<(usize, usize, usize)> = Vec::new();
            for &(i, s) in &valid {
                let (a, b) = (s.start.max(start), s.end.min(end));
                if a < b {
                    let at = clipped.partition_point(|&c| c <= (a, b, i));
                    clipped.insert(at, (a, b, i));
                }
            }
            let mut pieces = Vec::new();
            let mut at = start;
            for (a, b, i) in clipped {
                match pieces.last_mut() {
                    Some(Piece::Marked { span, statements }) if a < span.end => {
                        span.end = span.end.max(b);
                        if let Err(at) = statements.binary_search(&i) {
                            statements.insert(at, i);
                        }
                    }
                    _ => {
                        if at < a {
                            pieces.push(Piece::Plain {
                                span: Span::new(at, a),
                            });
                        }
                        pieces.push(Piece::Marked {
                            span: Span::new(a, b),
                            statements: vec![i],
                        });
                    }
                }
                if let Some(Piece::Marked { span, .. }) = pieces.last() {
                    at = span.end;
                }
            }
            if at < end {
                pieces.push(Piece::Plain {
                    span: Span::new(at, end),
                });
            }
            SourceParagraph {
                span: paragraph,
                pieces,
            }
        })
        .collect()
}

/// The paragraphs from `from`: text between runs of two or more line breaks, trimmed of
/// surrounding line breaks; empty paragraphs are skipped.
fn paragraphs(text: &str, from: usize) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = from;
    let bytes = text.as_bytes();
    let mut i = from;
    while i < bytes.len() {
        if bytes[i] == b'\n' && bytes.get(i + 1) == Some(&b'\n') {
            push_trimmed(text, start, i, &mut out);
            while i < bytes.len() && bytes[i] == b'\n' {
                i += 1;
            }
            start = i;
        } else {
            i += 1;
        }
    }
    push_trimmed(text, start, bytes.len(), &mut out);
    out
}

fn push_trimmed(text: &str, start: usize, end: usize, out: &mut Vec<Span>) {
    let slice = &text[start..end];
    let lead = slice.len() - slice.trim_start_matches('\n').len();
    let trail = slice.len() - slice.trim_end_matches('\n').len();
    if start + lead < end - trail {
        out.push(Span::new(start + lead, end - trail));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marked(text: &str, layout: &[SourceParagraph]) -> Vec<Vec<(String, Vec<usize>)>> {
        layout
            .iter()
            .map(|p| {
                p.pieces
                    .iter()
                    .map(|piece| match piece {
                        Piece::Plain { span } => (text[span.range()].to_string(), vec![]),
                        Piece::Marked { span, statements } => {
                            (format!("[{}]", &text[span.range()]), statements.clone())
                        }
                    })
                    .collect()
            })
            .collect()
    }

    #[test]
    fn paragraphs_and_marks() {
        let text = "Intro.\n\nA said x. B said y. End.\n\n\nC said z.";
        let s = |a: &str| {
            let start = text.find(a).unwrap();
            Span::new(start, start + a.len())
        };
        let layout = source_layout(text, 0, &[s("A said x."), s("B said y."), s("C said z.")]);
        assert_eq!(
            marked(text, &layout),
            vec![
                vec![("Intro.".to_string(), vec![])],
                vec![
                    ("[A said x.]".to_string(), vec![0]),
                    (" ".to_string(), vec![]),
                    ("[B said y.]".to_string(), vec![1]),
                    (" End.".to_string(), vec![]),
                ],
                vec![("[C said z.]".to_string(), vec![2])],
            ]
        );
        // The pieces cover each paragraph exactly.
        for p in &layout {
            assert_eq!(
                &text[p.span.range()],
                text[p.span.range()].trim_matches('\n')
            );
        }
    }

    #[test]
    fn identical_and_overlapping_spans_share_one_piece() {
        let text = "They agreed to meet. Then more.";
        let layout = source_layout(
            text,
            0,
            &[Span::new(0, 20), Span::new(0, 20), Span::new(5, 26)],
        );
        assert_eq!(
            marked(text, &layout),
            vec![vec![
                ("[They agreed to meet. Then ]".to_string(), vec![0, 1, 2]),
                ("more.".to_string(), vec![]),
            ]]
        );
    }

    #[test]
    fn bad_spans_are_left_out() {
        let text = "Ólafur spoke.";
        let layout = source_layout(
            text,
            0,
            &[
                Span::new(1, 4),
                Span::new(3, 99),
                Span::new(5, 5),
                Span::new(7, 14),
            ],
        );
        assert_eq!(
            marked(text, &layout),
            vec![vec![
                ("Ólafur".to_string(), vec![]),
                ("[ spoke.]".to_string(), vec![3]),
            ]]
        );
        assert!(source_layout("", 0, &[]).is_empty());
        assert!(source_layout("\n\n\n", 0, &[]).is_empty());
    }

    #[test]
    fn only_the_prose_is_laid_out() {
        let text = "date 2024-07-14 A said x. B said y.\n\nC said z.";
        let prose_start = "date 2024-07-14 ".len();
        let spans = [
            Span::new(prose_start, prose_start + 9),
            // A span that reaches into the date line (validation refuses it) is clipped.
            Span::new(0, prose_start + 2),
            Span::new(text.len() - 9, text.len()),
        ];
        let layout = source_layout(text, prose_start, &spans);
        assert_eq!(layout[0].span.start, prose_start);
        assert_eq!(
            marked(text, &layout),
            vec![
                vec![
                    ("[A said x.]".to_string(), vec![0, 1]),
                    (" B said y.".to_string(), vec![]),
                ],
                vec![("[C said z.]".to_string(), vec![2])],
            ]
        );
        // On its own line, with a blank line after it.
        let text = "date 2024-07-14\n\nA said x.";
        let layout = source_layout(text, text.find('A').unwrap(), &[]);
        assert_eq!(
            marked(text, &layout),
            vec![vec![("A said x.".to_string(), vec![])]]
        );
        // A prose start that does not index the text: the whole text, as for old corpora.
        for bad in [1_000, 1] {
            let text = "Ólafur spoke.";
            let layout = source_layout(text, bad, &[]);
            assert_eq!(
                marked(text, &layout),
                vec![vec![(text.to_string(), vec![])]]
            );
        }
    }
}
