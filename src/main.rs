//! The readouts viewer's entry point: everything lives in the library (`src/lib.rs`).

fn main() {
    #[cfg(target_arch = "wasm32")]
    readouts_app::start();
}
