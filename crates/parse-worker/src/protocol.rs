//! What the parse worker does with one request, independent of the browser, so that it is
//! tested natively: a readout file's text becomes exactly what `readouts parse FILE` prints
//! (the same [`file::load`] and [`Corpus::to_json_pretty`]); a JSON file is read and checked
//! as `readouts check` does, and becomes a compact corpus.

use readouts_core::header::Header;
use readouts_core::validate::validate;
use readouts_core::{file, Corpus, CorpusError, Readout};

/// What the page asked for.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Request {
    /// The file's name (`name.txt`, `corpus.json`), or empty for pasted text.
    pub name: String,
    /// The file's text.
    pub text: String,
    /// `json` for a corpus or readout JSON; anything else is readout text.
    pub kind: String,
    /// Replaces what the text and its header gave (empty: keep it): the import form's fields.
    pub fields: Header,
}

/// Answers `request`: the JSON of a corpus, or why the file could not be imported, in plain
/// words that name the file.
pub fn answer(request: &Request) -> Result<String, String> {
    let who = if request.name.is_empty() {
        "the pasted text".to_string()
    } else {
        request.name.clone()
    };
    let result = if request.kind == "json" {
        check_json(&request.text)
    } else {
        readout_text(request)
    };
    result.map_err(|cause| format!("{who}: {cause}"))
}

/// A readout file's text into the corpus `readouts parse FILE` prints, the form's fields
/// acting as its header would.
fn readout_text(request: &Request) -> Result<String, String> {
    let stem = match request.name.rsplit_once('.') {
        Some((stem, _)) => stem,
        None => request.name.as_str(),
    };
    let stem = if stem.is_empty() { "readout" } else { stem };
    let readout = file::load_with(stem, &request.text, &request.fields)?.readout;
    Ok(Corpus::new(vec![readout]).to_json_pretty())
}

/// A corpus JSON, or one readout's JSON (an object without `schema_version`), read and
/// validated as `readouts check` does; the readouts as a compact corpus. Any problem refuses
/// the whole file (the first is named, and how many more there are).
fn check_json(text: &str) -> Result<String, String> {
    let corpus = match Corpus::from_json_unlimited(text) {
        Err(CorpusError::MissingSchemaVersion) => {
            let text = text.strip_prefix('\u{feff}').unwrap_or(text);
            let readout: Readout = serde_json::from_str(text).map_err(|e| {
                format!("neither a corpus (no schema_version) nor a readout's JSON: {e}")
            })?;
            Corpus::new(vec![readout])
        }
        read => read.map_err(|e| e.to_string())?,
    };
    let problems = validate(&corpus);
    if let Some(first) = problems.first() {
        let more = match problems.len() {
            1 => String::new(),
            n => format!(
                " (and {} more problem{})",
                n - 1,
                if n == 2 { "" } else { "s" }
            ),
        };
        return Err(format!("readouts check rejects it: {first}{more}"));
    }
    Ok(corpus.to_json())
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "title: Talks in Halvik\n---\nPresident Elena Varga-Holm of Arvelia met Prime Minister Tomas Lindqvist of Norland in Halvik on July 3, 2024. President Varga-Holm said that the two countries would open a new rail link.\n";

    fn text(name: &str, text: &str) -> Request {
        Request {
            name: name.into(),
            text: text.into(),
            ..Request::default()
        }
    }

    #[test]
    fn readout_text_gives_what_the_cli_prints() {
        let json = answer(&text("halvik.txt", TEXT)).unwrap();
        let loaded = file::load("halvik", TEXT).unwrap();
        assert_eq!(json, Corpus::new(vec![loaded.readout]).to_json_pretty());
        assert!(json.contains("\"title\": \"Talks in Halvik\""), "{json}");
    }

    #[test]
    fn fields_replace_what_the_text_gave() {
        let mut request = text("", TEXT);
        request.fields.title = Some("Renamed".into());
        request.fields.published = Some("2024-07-04".into());
        let corpus = Corpus::from_json(&answer(&request).unwrap()).unwrap();
        assert_eq!(corpus.readouts[0].title, "Renamed");
        assert_eq!(corpus.readouts[0].published.as_deref(), Some("2024-07-04"));
        request.fields.published = Some("4 July".into());
        assert_eq!(
            answer(&request).unwrap_err(),
            "the pasted text: the publication date `4 July` is not a date written YYYY-MM-DD"
        );
    }

    #[test]
    fn a_bad_header_names_the_file() {
        let err = answer(&text("a.txt", "url: a\nurl: b\n\nBody.")).unwrap_err();
        assert_eq!(err, "a.txt: header line 2: `url` given twice");
    }

    #[test]
    fn json_is_checked_as_readouts_check_does() {
        let corpus_json = answer(&text("halvik.txt", TEXT)).unwrap();
        let json = |body: &str| {
            answer(&Request {
                name: "x.json".into(),
                text: body.into(),
                kind: "json".into(),
                ..Request::default()
            })
        };
        let compact = json(&corpus_json).unwrap();
        assert_eq!(
            Corpus::from_json(&compact).unwrap(),
            Corpus::from_json(&corpus_json).unwrap()
        );
        // One readout's JSON, without the corpus around it.
        let corpus = Corpus::from_json(&corpus_json).unwrap();
        let readout = serde_json::to_string(&corpus.readouts[0]).unwrap();
        assert_eq!(Corpus::from_json(&json(&readout).unwrap()).unwrap(), corpus);
        // A statement whose span leaves the text is refused, with where.
        let mut broken = corpus.clone();
        broken.readouts[0].statements[0].span = readouts_core::Span::new(0, 99_999);
        let err = json(&broken.to_json()).unwrap_err();
        assert!(
            err.starts_with("x.json: readouts check rejects it: readouts[0]"),
            "{err}"
        );
        let err = json("{\"schema_version\": 1, \"readouts\": [}").unwrap_err();
        assert!(
            err.starts_with("x.json: ") && err.contains("line 1"),
            "{err}"
        );
    }
}
