//! `encyclint lsp`: a language server over stdio, for editors.
//!
//! A synchronous main loop on lsp-server's message types and lsp-types'
//! protocol types:
//!
//! ```text
//! reader thread ─(batches)─▶ take every waiting batch ─▶ handle each message in order
//!   (answers go out at once; edits only mark documents dirty)
//!   ─▶ lint each dirty document once, at its latest version ─▶ publishDiagnostics
//! ```
//!
//! Findings come from [`Session::check_source`](crate::session::Session::check_source)
//! (config, settings, per-file ignores, the panic guard), so the editor shows
//! what `encyclint check` prints; positions are converted from bytes in the
//! encoding the client negotiated. The workspace is the title index: every
//! article's title under the workspace folders, kept current as files are
//! saved, created and deleted, plus the config's title and alias lists.
//!
//! | file | owns |
//! |---|---|
//! | `transport.rs` | framing, the reader thread, batches |
//! | `server.rs` | life cycle, documents, handlers |
//! | `position.rs` | byte offsets ↔ LSP positions (UTF-8 or UTF-16) |
//! | `diagnostics.rs` | encyclint's diagnostics as LSP diagnostics |
//! | `actions.rs` | quick fixes, fix all, disable for this line, hover |
//! | `workspace.rs` | the workspace's titles, file URIs |

mod actions;
mod diagnostics;
pub mod position;
mod server;
mod transport;
pub mod workspace;

use std::io::{self, Read, Write};

pub use server::{InitOptions, Server};

/// Serve one client: read messages from `input`, write to `output`, log to
/// `log`. Returns the exit code: 0 after `shutdown` then `exit`, 1 when the
/// client exits without `shutdown`, goes away, or sends what cannot be read.
///
/// # Errors
/// Writing to `output` failed (the client has gone).
pub fn serve<R: Read + Send + 'static>(
    input: R,
    output: &mut dyn Write,
    log: &mut dyn Write,
) -> io::Result<u8> {
    let rx = transport::spawn_reader(input);
    let mut server = Server::new(log);
    while let Some(received) = transport::next_messages(&rx) {
        for msg in received.messages {
            server.handle(msg);
            for m in server.take_outgoing() {
                transport::write(output, &m)?;
            }
            if let Some(code) = server.exit_code() {
                return Ok(code);
            }
        }
        // Every queued message is handled: now lint what changed, once.
        server.publish();
        for m in server.take_outgoing() {
            transport::write(output, &m)?;
        }
        if let Some(e) = received.error {
            server.log_error(&e);
            for m in server.take_outgoing() {
                transport::write(output, &m)?;
            }
            return Ok(1);
        }
    }
    Ok(u8::from(!server.shut_down()))
}
