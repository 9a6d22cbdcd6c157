//! A readout's source text laid out for the readout view: paragraphs cut into pieces, each
//! plain or marked with the statements whose sentence covers it.
//!
//! Spans of several statements may coincide (two statements read from one sentence) or
//! overlap; overlapping spans become one marked piece listing all of them, so that the text is
//! shown once and every statement still has a place in it. Spans that do not index the text
//! (out of range, not on char boundaries) are left out.

use crate::model::Span;

/// One paragraph of the source: its byte range and its pieces, in order, covering it exactly.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceParagraph {
    pub start: usize,
    pub end: usize,
    pub pieces: Vec<Piece>,
}

/// A byte range of a paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    Plain {
        start: usize,
        end: usize,
    },
    /// Covered by the spans of these statements (indexes into the `spans` given to
    /// [`source_layout`], increasing).
    Marked {
        start: usize,
        end: usize,
        statements: Vec<usize>,
    },
}

/// Cuts `text` into paragraphs (separated by blank lines) and marks each statement's span.
pub fn source_layout(text: &str, spans: &[Span]) -> Vec<SourceParagraph> {
    let valid: Vec<(usize, Span)> = spans
        .iter()
        .copied()
        .enumerate()
        .filter(|(_, s)| s.start < s.end && s.slice(text).is_some())
        .collect();
    paragraphs(text)
        .into_iter()
        .map(|(start, end)| {
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
                    Some(Piece::Marked {
                        end: last_end,
                        statements,
                        ..
                    }) if a < *last_end => {
                        *last_end = (*last_end).max(b);
                        if let Err(at) = statements.binary_search(&i) {
                            statements.insert(at, i);
                        }
                    }
                    _ => {
                        if at < a {
                            pieces.push(Piece::Plain { start: at, end: a });
                        }
                        pieces.push(Piece::Marked {
                            start: a,
                            end: b,
                            statements: vec![i],
                        });
                    }
                }
                if let Some(Piece::Marked { end, .. }) = pieces.last() {
                    at = *end;
                }
            }
            if at < end {
                pieces.push(Piece::Plain { start: at, end });
            }
            SourceParagraph { start, end, pieces }
        })
        .collect()
}

/// Byte ranges of the paragraphs: text between runs of two or more line breaks, trimmed of
/// surrounding line breaks; empty paragraphs are skipped.
fn paragraphs(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    let mut i = 0;
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

fn push_trimmed(text: &str, start: usize, end: usize, out: &mut Vec<(usize, usize)>) {
    let slice = &text[start..end];
    let lead = slice.len() - slice.trim_start_matches('\n').len();
    let trail = slice.len() - slice.trim_end_matches('\n').len();
    if start + lead < end - trail {
        out.push((start + lead, end - trail));
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
                        Piece::Plain { start, end } => (text[*start..*end].to_string(), vec![]),
                        Piece::Marked {
                            start,
                            end,
                            statements,
                        } => (format!("[{}]", &text[*start..*end]), statements.clone()),
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
        let layout = source_layout(text, &[s("A said x."), s("B said y."), s("C said z.")]);
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
                &text[p.start..p.end],
                text[p.start..p.end].trim_matches('\n')
            );
        }
    }

    #[test]
    fn identical_and_overlapping_spans_share_one_piece() {
        let text = "They agreed to meet. Then more.";
        let layout = source_layout(
            text,
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
        assert!(source_layout("", &[]).is_empty());
        assert!(source_layout("\n\n\n", &[]).is_empty());
    }
}
