//! The home page: every statement of the corpus as a card, in corpus order.

use crate::components::statement_card::StatementCard;
use crate::corpus_loader::SharedCorpus;
use crate::format::count;
use yew::prelude::*;

/// Every statement as a card. Needs the corpus in context (see [`crate::app::Shell`]).
#[component]
pub fn Home() -> Html {
    let Some(corpus) = use_context::<SharedCorpus>() else {
        return Html::default();
    };
    let statements = corpus.statement_count();
    let readouts = corpus.readouts.len();
    let cards = corpus.readouts.iter().enumerate().flat_map(|(r, readout)| {
        let corpus = corpus.clone();
        readout.statements.iter().enumerate().map(move |(s, statement)| {
            html! {
                <StatementCard key={statement.id.clone()} corpus={corpus.clone()} readout={r} statement={s} />
            }
        })
    });
    html! {
        <section class="statements" aria-labelledby="statements-title">
            <h1 id="statements-title">{ "Statements" }</h1>
            <p class="summary">
                { count(statements, "statement", "statements") }{ " from " }{ count(readouts, "readout", "readouts") }
            </p>
            if statements == 0 {
                <p class="empty">{ "The corpus has no statements yet. Add readouts to the corpus folder and rebuild the app." }</p>
            } else {
                <div class="cards">{ for cards }</div>
            }
        </section>
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::corpus_loader::read_corpus;
    use crate::test_support::{render, sample_corpus};

    #[derive(Properties, PartialEq)]
    struct WithCorpusProps {
        corpus: SharedCorpus,
    }

    #[component]
    fn WithCorpus(props: &WithCorpusProps) -> Html {
        html! {
            <ContextProvider<SharedCorpus> context={props.corpus.clone()}>
                <Home />
            </ContextProvider<SharedCorpus>>
        }
    }

    #[tokio::test]
    async fn lists_every_statement_as_a_card() {
        let html = render::<WithCorpus>(WithCorpusProps {
            corpus: sample_corpus(),
        })
        .await;
        assert!(
            html.contains("<h1 id=\"statements-title\">Statements</h1>"),
            "{html}"
        );
        assert!(html.contains("4 statements from 2 readouts"), "{html}");
        assert_eq!(html.matches(r#"class="card""#).count(), 4, "{html}");
    }

    #[tokio::test]
    async fn an_empty_corpus_says_so() {
        let corpus = read_corpus(r#"{"schema_version": 1, "readouts": []}"#).unwrap();
        let html = render::<WithCorpus>(WithCorpusProps { corpus }).await;
        assert!(html.contains("0 statements from 0 readouts"), "{html}");
        assert!(html.contains("The corpus has no statements yet"), "{html}");
        assert!(!html.contains("<article"), "{html}");
    }
}
