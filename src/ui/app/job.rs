//! One piece of work on a thread of its own (Tidy, a file being opened, an article being read),
//! its result taken by a later frame. A map or a file is untrusted input: work that grows with
//! it does not run on the window's thread.

use std::sync::mpsc::{self, Receiver};

/// Runs `work` on a thread named `name`; the result arrives on the receiver, and `repaint`
/// (when given) is asked for a frame to take it. An error when no thread can be started.
pub(super) fn spawn<T: Send + 'static>(
    name: &str,
    repaint: Option<egui::Context>,
    work: impl FnOnce() -> T + Send + 'static,
) -> std::io::Result<Receiver<T>> {
    let (tx, rx) = mpsc::channel();
    std::thread::Builder::new()
        .name(name.into())
        .spawn(move || {
            // The window may have stopped waiting (a map opened meanwhile): nobody to tell.
            if tx.send(work()).is_ok()
                && let Some(ctx) = repaint
            {
                ctx.request_repaint();
            }
        })?;
    Ok(rx)
}
