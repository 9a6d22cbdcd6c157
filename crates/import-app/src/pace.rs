//! Long work on the main thread in slices. Reading hundreds of stored readouts, writing them
//! as one corpus, preparing a batch for the store: each is a loop over readouts that would
//! hold the main thread for hundreds of milliseconds at once (issue 12 asks for no task over
//! 100 ms). Such a loop calls [`Pace::step`] between items, which ends the task once the
//! slice has run for [`SLICE_MS`] and goes on in a new one (`setTimeout`), so the browser
//! paints, moves the progress bar and answers input in between.

use readouts_app::platform::next_task;
use web_sys::Performance;

/// How long a slice of work may hold the main thread before it lets the browser in: well
/// under the 50 ms at which the browser counts a long task, so that one item more (a readout
/// of a few hundred statements) still ends the task under it.
pub const SLICE_MS: f64 = 30.0;

/// The clock of the slice being run.
pub struct Pace {
    performance: Option<Performance>,
    since: f64,
}

impl Pace {
    /// A slice starting now.
    pub fn new() -> Pace {
        let performance = web_sys::window().and_then(|w| w.performance());
        let since = performance.as_ref().map_or(0.0, Performance::now);
        Pace { performance, since }
    }

    /// Between two items of work: goes on in a new task once this slice has run its time.
    pub async fn step(&mut self) {
        let Some(performance) = &self.performance else {
            return;
        };
        if performance.now() - self.since > SLICE_MS {
            next_task().await;
            self.since = performance.now();
        }
    }
}

/// `readouts` as one corpus file (the bytes of `Corpus::to_json`), written a slice at a time.
pub async fn corpus_json(readouts: &[readouts_core::Readout]) -> String {
    let mut writer = readouts_core::export::CorpusWriter::new();
    let mut pace = Pace::new();
    for readout in readouts {
        writer.push(readout);
        pace.step().await;
    }
    writer.finish()
}
