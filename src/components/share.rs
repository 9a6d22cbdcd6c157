//! "Share" on every card (and so on the statement page): a disclosure with Copy link, Copy
//! citation (plain, and Chicago-style: the core's [`citation`]), and Share… through the
//! browser's share sheet (the Web Share API) where the browser has one, and a polite status
//! that says what was copied. The texts are made on click, never while rendering: a page
//! renders fifty cards.
//!
//! One click listener per card, on the panel (the buttons say what they do in `data-share`),
//! and built with [`crate::dom`]'s out-of-line elements, as the card is.

use crate::corpus_loader::SharedIndex;
use crate::dom::{class, el, on_click, text};
use readouts_core::export::{citation, permalink, Style};
use yew::prelude::*;

/// The Share disclosure of statement number `doc`, its summary described by the card's
/// heading (`described_by`). Not in embeds: the page around an embed decides what is shared
/// from it, and a frame of another site may not use the clipboard.
pub fn share_menu(index: &SharedIndex, doc: u32, described_by: AttrValue) -> Html {
    let mut buttons = vec![
        button("link", "Copy link"),
        button("cite", "Copy citation"),
        button("chicago", "Copy Chicago-style citation"),
    ];
    if can_share() {
        buttons.push(button("share", "Share…"));
    }
    buttons.push(el(
        "p",
        &["class", "role"],
        vec![Some("share-status".into()), Some("status".into())],
        Vec::new(),
    ));
    let index = index.clone();
    let panel = on_click(
        class("div", "share-panel", buttons),
        Callback::from(move |e: MouseEvent| clicked(&index, doc, e)),
    );
    class(
        "details",
        "share",
        vec![
            el(
                "summary",
                &["class", "aria-describedby"],
                vec![Some("share-toggle".into()), Some(described_by)],
                vec![text("Share")],
            ),
            panel,
        ],
    )
}

/// `<button type="button" data-share="action">label</button>`.
fn button(action: &'static str, label: &'static str) -> Html {
    el(
        "button",
        &["type", "class", "data-share"],
        vec![
            Some("button".into()),
            Some("share-action".into()),
            Some(action.into()),
        ],
        vec![text(label)],
    )
}

/// What a click on the panel asks for, and the text for it: `(action, text, status when
/// copied)`; None for an unknown action.
pub fn share_text(
    index: &SharedIndex,
    doc: u32,
    action: &str,
    base: &str,
) -> Option<(String, &'static str)> {
    if doc as usize >= index.len() {
        return None;
    }
    let (readout, statement) = index.statement(doc);
    Some(match action {
        "link" => (permalink(base, &statement.id), "Link copied."),
        "cite" | "share" => (
            citation(readout, statement, base, Style::Plain),
            "Citation copied.",
        ),
        "chicago" => (
            citation(readout, statement, base, Style::Chicago),
            "Chicago-style citation copied.",
        ),
        _ => return None,
    })
}

/// Whether the browser has the Web Share API (`navigator.share`); natively, no.
fn can_share() -> bool {
    #[cfg(target_arch = "wasm32")]
    {
        web_sys::window()
            .is_some_and(|w| js_sys::Reflect::has(&w.navigator(), &"share".into()).unwrap_or(false))
    }
    #[cfg(not(target_arch = "wasm32"))]
    false
}

/// A click in the panel of statement `doc`: the button's action, its text to the clipboard
/// (or the share sheet), and the outcome in the panel's status.
fn clicked(index: &SharedIndex, doc: u32, e: MouseEvent) {
    #[cfg(target_arch = "wasm32")]
    {
        use wasm_bindgen::JsCast;
        let button = e
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|t| t.closest("[data-share]").ok().flatten());
        let Some(button) = button else {
            return;
        };
        let action = button.get_attribute("data-share").unwrap_or_default();
        let Some((text, done)) = share_text(index, doc, &action, &crate::embed::base_url()) else {
            return;
        };
        let status = button
            .parent_element()
            .and_then(|panel| panel.query_selector(".share-status").ok().flatten());
        if action == "share" {
            let (_, statement) = index.statement(doc);
            let url = permalink(&crate::embed::base_url(), &statement.id);
            // The citation without its last word, the permalink: the sheet has the URL.
            let said = text.strip_suffix(url.as_str()).unwrap_or(&text).trim_end();
            crate::platform::share_sheet(said, &url);
            return;
        }
        yew::platform::spawn_local(async move {
            let copied = crate::platform::write_clipboard(&text).await;
            if let Some(status) = status {
                let message = if copied {
                    done.to_string()
                } else {
                    format!(
                        "This browser did not allow copying; select the text to copy it: {text}"
                    )
                };
                status.set_text_content(Some(&message));
            }
        });
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = (index, doc, e);
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::test_support::sample_index;

    #[test]
    fn each_action_has_its_text() {
        let index = sample_index();
        let base = "https://r.example/";
        let (link, _) = share_text(&index, 0, "link", base).unwrap();
        assert_eq!(link, "https://r.example/s/astana-s1");
        let (cite, status) = share_text(&index, 0, "cite", base).unwrap();
        assert_eq!(status, "Citation copied.");
        assert!(
            cite.starts_with("Xi Jinping pointed out: \"China and Russia should deepen cooperation.\" Ministry of Tests, \"Xi Jinping Meets with Russian President Vladimir Putin\", 14 July 2024."),
            "{cite}"
        );
        let (chicago, _) = share_text(&index, 0, "chicago", base).unwrap();
        assert!(chicago.starts_with("Ministry of Tests. “"), "{chicago}");
        assert_eq!(share_text(&index, 0, "nope", base), None);
        assert_eq!(share_text(&index, 99, "link", base), None);
    }
}
