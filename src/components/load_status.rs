//! What the main landmark shows before the corpus is ready: a polite loading notice, or an
//! alert saying what failed and where.

use crate::corpus_loader::{LoadError, LoadState, Progress};
use readouts_core::CorpusError;
use yew::prelude::*;

/// The loading notice or the load error; renders nothing once the corpus is ready. A function,
/// not a component: it has no state (and each component type adds about a kilobyte of
/// lifecycle code to the wasm).
pub fn load_status(state: &LoadState) -> Html {
    match state {
        LoadState::Loading(progress) => loading(progress),
        LoadState::Failed(err) => html! {
            <section class="load-error" role="alert" aria-labelledby="load-error-title">
                <h1 id="load-error-title">{ err.title() }</h1>
                <p class="load-error-detail">{ sentence(&err.to_string()) }</p>
                <p class="load-error-hint">{ hint(err) }</p>
            </section>
        },
        LoadState::Ready(_) => Html::default(),
    }
}

/// The loading notice, with a bar of the bytes read (of the total, when the server said it).
/// The notice is the status (read once by screen readers); the bar is labelled by it.
fn loading(progress: &Progress) -> Html {
    let read = crate::format::megabytes(progress.read);
    let (max, value, text) = match progress.total {
        Some(total) if progress.read <= total => (
            Some(total.to_string()),
            Some(progress.read.to_string()),
            format!("{read} of {}", crate::format::megabytes(total)),
        ),
        // No total, or more bytes than it said: an indeterminate bar.
        _ => (None, None, format!("{read} read")),
    };
    html! {
        <div class="loading">
            <p class="status" role="status" id="load-status">{ "Loading the corpus…" }</p>
            <progress class="load-progress" aria-labelledby="load-status" max={max} value={value}></progress>
            <p class="load-bytes">{ text }</p>
        </div>
    }
}

/// Capitalises the first letter (the messages are ASCII English; Unicode case tables would
/// weigh on the wasm) and ends with a full stop.
fn sentence(text: &str) -> String {
    let mut chars = text.chars();
    let mut out: String = match chars.next() {
        Some(first) => std::iter::once(first.to_ascii_uppercase())
            .chain(chars)
            .collect(),
        None => return String::new(),
    };
    if !out.ends_with(['.', '!', '?']) {
        out.push('.');
    }
    out
}

/// What whoever runs the site can do about it.
fn hint(err: &LoadError) -> &'static str {
    match err {
        // A body cut short is a download that stopped: the file itself was found.
        LoadError::Network { .. } | LoadError::Body { .. } | LoadError::Stopped { .. } => {
            "Check the network connection and reload the page."
        }
        LoadError::Http { .. } => {
            "The file corpus.json must be served next to the app; rebuilding the app (scripts/serve.sh) creates it."
        }
        LoadError::Corpus(CorpusError::TooLarge { .. } | CorpusError::Limits(_)) => {
            "Bring what the message names within the limits (readouts limits lists them) and check the file with readouts check."
        }
        LoadError::Corpus(CorpusError::Json { .. }) => {
            "The file is damaged or was not written by readouts; rebuild it from the corpus folder."
        }
        LoadError::Corpus(_) => {
            "The file was written by another version of readouts; rebuild it with this version."
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::corpus_loader::read_corpus;
    use crate::test_support::render;

    #[derive(Properties, PartialEq)]
    struct Props {
        state: LoadState,
    }

    #[component]
    fn LoadStatus(props: &Props) -> Html {
        load_status(&props.state)
    }

    #[tokio::test]
    async fn loading_is_a_status_message() {
        let html = render::<LoadStatus>(Props {
            state: LoadState::Loading(Progress::default()),
        })
        .await;
        assert!(html.contains(r#"role="status""#), "{html}");
        assert!(html.contains("Loading the corpus"), "{html}");
    }

    #[tokio::test]
    async fn malformed_json_is_an_alert_with_line_and_column() {
        let err = read_corpus(b"{\n  \"schema_version\": 1,\n  \"readouts\": [,]\n}").unwrap_err();
        let html = render::<LoadStatus>(Props {
            state: LoadState::Failed(err.into()),
        })
        .await;
        assert!(html.contains(r#"role="alert""#), "{html}");
        assert!(html.contains("The corpus file is not valid JSON"), "{html}");
        assert!(html.contains("line 3, column 16"), "{html}");
    }

    #[test]
    fn sentences() {
        assert_eq!(sentence("the server said no"), "The server said no.");
        assert_eq!(sentence("done."), "Done.");
        assert_eq!(sentence(""), "");
    }
}
