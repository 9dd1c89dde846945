//! Messages in and out: the base protocol's framing (lsp-server's
//! [`Message::read`] and [`Message::write`]) over any reader and writer.
//!
//! A reader thread parses the client's messages and hands them to the main
//! loop in batches: everything that arrived together (what one read from the
//! pipe brought in) is one batch. The main loop takes every batch waiting, so
//! it sees all queued messages before it lints, and a burst of edits is linted
//! once, at its last version, without waiting for a fixed delay.
//! (`lsp_server::Connection::stdio` hands messages over one at a time through
//! a channel without a buffer, so what is queued behind the next message
//! cannot be seen.)

use std::io::{self, BufReader, Read, Write};
use std::sync::mpsc::{self, Receiver};
use std::thread;

use lsp_server::Message;

/// What the reader thread sends: messages read together, or why it stopped.
pub type Batch = Result<Vec<Message>, String>;

/// Bytes read from the client at once.
const READ_BUFFER: usize = 1 << 20;

/// Start reading `input` on a thread. The channel closes after `exit`, at the
/// end of the input, or after an error (sent as the last item).
#[must_use]
pub fn spawn_reader<R: Read + Send + 'static>(input: R) -> Receiver<Batch> {
    let (tx, rx) = mpsc::channel();
    let spawned = thread::Builder::new()
        .name("encyclint-lsp-reader".into())
        .spawn(move || {
            let mut input = BufReader::with_capacity(READ_BUFFER, input);
            loop {
                let mut batch = Vec::new();
                let last = loop {
                    let last = match Message::read(&mut input) {
                        Ok(Some(msg)) => {
                            let exit =
                                matches!(&msg, Message::Notification(n) if n.method == "exit");
                            batch.push(msg);
                            exit
                        }
                        Ok(None) => true,
                        Err(e) => {
                            if !batch.is_empty() {
                                let _ = tx.send(Ok(std::mem::take(&mut batch)));
                            }
                            let _ = tx.send(Err(format!("cannot read the client's messages: {e}")));
                            return;
                        }
                    };
                    // Whatever is already in the buffer arrived with this message.
                    if last || input.buffer().is_empty() {
                        break last;
                    }
                };
                if !batch.is_empty() && tx.send(Ok(batch)).is_err() {
                    return;
                }
                if last {
                    return;
                }
            }
        });
    if let Err(e) = spawned {
        // The receiver sees the reason, then the end.
        let (tx, rx) = mpsc::channel();
        let _ = tx.send(Err(format!("cannot start the reader thread: {e}")));
        return rx;
    }
    rx
}

/// Messages taken from the reader, and why it stopped if it did.
#[derive(Debug, Default)]
pub struct Received {
    /// In the order they were sent.
    pub messages: Vec<Message>,
    /// The reader stopped on this error after the messages.
    pub error: Option<String>,
}

/// Wait for the next batch, then take every batch already waiting. `None`
/// when the reader has stopped and nothing is left.
#[must_use]
pub fn next_messages(rx: &Receiver<Batch>) -> Option<Received> {
    let mut out = Received::default();
    let mut next = rx.recv().ok();
    while let Some(batch) = next {
        match batch {
            Ok(more) => out.messages.extend(more),
            Err(e) => {
                out.error = Some(e);
                break;
            }
        }
        next = rx.try_recv().ok();
    }
    (!out.messages.is_empty() || out.error.is_some()).then_some(out)
}

/// Write one message and flush it.
///
/// # Errors
/// The client has gone (a closed pipe) or another IO error.
pub fn write(out: &mut dyn Write, msg: &Message) -> io::Result<()> {
    let mut buf = Vec::new();
    msg.write(&mut buf)?;
    out.write_all(&buf)?;
    out.flush()
}
