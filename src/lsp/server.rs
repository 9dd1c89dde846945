//! The server's state and its handlers: one message at a time, answers and
//! notifications collected for the main loop to write.

use std::collections::{BTreeSet, HashMap};
use std::io::Write;
use std::path::{Path, PathBuf};

use lsp_server::{ErrorCode, Message, Notification, Request, RequestId, Response};
use lsp_types::notification::{
    DidChangeTextDocument, DidChangeWatchedFiles, DidCloseTextDocument, DidOpenTextDocument,
    DidSaveTextDocument, Exit, Initialized, LogMessage, Notification as _, PublishDiagnostics,
    ShowMessage,
};
use lsp_types::request::{
    CodeActionRequest, HoverRequest, Initialize, RegisterCapability, Request as _, Shutdown,
};
use lsp_types::{
    CodeActionKind, CodeActionOptions, CodeActionOrCommand, CodeActionParams,
    CodeActionProviderCapability, DidChangeTextDocumentParams, DidChangeWatchedFilesParams,
    DidChangeWatchedFilesRegistrationOptions, DidCloseTextDocumentParams,
    DidOpenTextDocumentParams, DidSaveTextDocumentParams, FileChangeType, FileSystemWatcher,
    GlobPattern, HoverParams, HoverProviderCapability, InitializeParams, InitializeResult,
    LogMessageParams, MessageType, PublishDiagnosticsParams, Registration, RegistrationParams,
    SaveOptions, ServerCapabilities, ServerInfo, ShowMessageParams, TextDocumentSyncCapability,
    TextDocumentSyncKind, TextDocumentSyncOptions, TextDocumentSyncSaveOptions, Uri,
};
use serde::Deserialize;
use serde_json::Value;

use super::actions::{self, Doc, FIX_ALL};
use super::diagnostics;
use super::position::{Encoding, Text};
use super::workspace::{self, Workspace};
use crate::config;
use crate::diagnostic::{Applicability, Diagnostic};
use crate::fix;
use crate::guard;
use crate::rules::meta::IoError;
use crate::session::{Options, Session};
use crate::source::{self, Format, SourceFile};
use crate::span::{LineIndex, Span};

/// What the files the server watches end with.
const WATCHED: &[&str] = &["**/*.txt", "**/*.md", "**/*.markdown", "**/encyclint.toml"];

/// `initializationOptions`: the command line's options an editor may set.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, deny_unknown_fields, rename_all = "camelCase")]
pub struct InitOptions {
    /// Only these rules (`--select`).
    pub select: Vec<String>,
    /// Never these rules (`--ignore`).
    pub ignore: Vec<String>,
    /// The config file (`--config`); default: the nearest `encyclint.toml`
    /// from the first workspace folder.
    pub config: Option<PathBuf>,
    /// A title list (`--titles`), replacing the config's.
    pub titles: Option<PathBuf>,
    /// An alias list (`--aliases`), replacing the config's.
    pub aliases: Option<PathBuf>,
    /// `--complete-index`.
    pub complete_index: bool,
    /// `--max-file-size`.
    pub max_file_size: Option<u64>,
}

impl InitOptions {
    fn options(&self, root: Option<&Path>) -> Options {
        let anchor = |p: &PathBuf| match root {
            Some(r) if p.is_relative() => r.join(p),
            _ => p.clone(),
        };
        Options {
            select: self.select.clone(),
            ignore: self.ignore.clone(),
            complete_index: self.complete_index,
            config: self.config.as_ref().map(anchor),
            cwd: root.map(Path::to_path_buf),
            titles: self.titles.as_ref().map(anchor),
            aliases: self.aliases.as_ref().map(anchor),
            max_file_size: self.max_file_size(),
            ..Options::default()
        }
    }

    fn max_file_size(&self) -> u64 {
        self.max_file_size.unwrap_or(source::DEFAULT_MAX_FILE_SIZE)
    }
}

/// Where the server is in the protocol's life cycle.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    Uninitialized,
    Running,
    ShutDown,
    Exited(u8),
}

/// What the client can do that changes what the server sends.
#[derive(Debug, Clone, Copy, Default)]
struct Client {
    versioned_edits: bool,
    watch_files: bool,
}

/// The findings of one version of a document.
#[derive(Debug)]
struct Lint {
    generation: u64,
    lines: LineIndex,
    diagnostics: Vec<Diagnostic>,
}

/// An open document.
#[derive(Debug)]
struct Document {
    version: i32,
    text: String,
    format: Format,
    /// The path the linter sees (absolute for files, so per-file ignores apply).
    name: String,
    path: Option<PathBuf>,
    lint: Option<Lint>,
}

/// The language server.
pub struct Server<'w> {
    log: &'w mut dyn Write,
    outgoing: Vec<Message>,
    state: State,
    encoding: Encoding,
    client: Client,
    options: InitOptions,
    session: Session,
    workspace: Workspace,
    docs: HashMap<Uri, Document>,
    dirty: BTreeSet<Uri>,
    /// Bumped whenever the config or the index changes: every lint is stale.
    generation: u64,
    next_id: i32,
    requests: HashMap<RequestId, String>,
}

fn default_session(max_file_size: u64) -> Session {
    Session::new(&Options {
        max_file_size,
        ..Options::default()
    })
    .expect("the default session needs no file")
}

impl<'w> Server<'w> {
    /// A server that logs to `log` (stderr) as well as to the client.
    #[must_use]
    pub fn new(log: &'w mut dyn Write) -> Self {
        Self {
            log,
            outgoing: Vec::new(),
            state: State::Uninitialized,
            encoding: Encoding::Utf16,
            client: Client::default(),
            options: InitOptions::default(),
            session: default_session(source::DEFAULT_MAX_FILE_SIZE),
            workspace: Workspace::default(),
            docs: HashMap::new(),
            dirty: BTreeSet::new(),
            generation: 0,
            next_id: 0,
            requests: HashMap::new(),
        }
    }

    /// Messages to send, in order.
    pub fn take_outgoing(&mut self) -> Vec<Message> {
        std::mem::take(&mut self.outgoing)
    }

    /// The exit code, once the client sent `exit`: 0 after `shutdown`, else 1.
    #[must_use]
    pub fn exit_code(&self) -> Option<u8> {
        match self.state {
            State::Exited(code) => Some(code),
            _ => None,
        }
    }

    /// Whether `shutdown` was answered.
    #[must_use]
    pub fn shut_down(&self) -> bool {
        self.state == State::ShutDown
    }

    /// Handle one message. A panic inside is caught: it is logged, a request
    /// gets an error answer, and the server goes on.
    pub fn handle(&mut self, msg: Message) {
        let (id, method) = match &msg {
            Message::Request(r) => (Some(r.id.clone()), r.method.clone()),
            Message::Notification(n) => (None, n.method.clone()),
            Message::Response(_) => (None, "a response".to_string()),
        };
        if let Err(panic) = guard::catch(|| self.dispatch(msg)) {
            let text = format!(
                "internal error: encyclint panicked while handling {method}: {panic}; \
                 the server goes on. Please report this."
            );
            self.log(MessageType::ERROR, &text);
            if let Some(id) = id {
                self.respond_err(id, ErrorCode::InternalError, text);
            }
        }
    }

    fn dispatch(&mut self, msg: Message) {
        match msg {
            Message::Request(req) => self.request(req),
            Message::Notification(n) => self.notification(n),
            Message::Response(resp) => {
                let method = self.requests.remove(&resp.id);
                if let (Some(method), Err(e)) = (method, resp.response_result) {
                    self.log(
                        MessageType::WARNING,
                        &format!("the client refused {method}: {}", e.message),
                    );
                }
            }
        }
    }

    fn request(&mut self, req: Request) {
        let id = req.id.clone();
        match self.state {
            State::Uninitialized if req.method == Initialize::METHOD => {
                match req.extract::<InitializeParams>(Initialize::METHOD) {
                    Ok((id, params)) => {
                        let result = self.initialize(params);
                        self.respond(id, result);
                        self.state = State::Running;
                    }
                    Err(e) => self.invalid(id, &e),
                }
            }
            State::Uninitialized => self.respond_err(
                req.id,
                ErrorCode::ServerNotInitialized,
                "the server is not initialized".into(),
            ),
            State::ShutDown | State::Exited(_) => self.respond_err(
                req.id,
                ErrorCode::InvalidRequest,
                "the server is shutting down".into(),
            ),
            State::Running => match req.method.as_str() {
                Shutdown::METHOD => {
                    self.state = State::ShutDown;
                    self.respond(req.id, Value::Null);
                }
                CodeActionRequest::METHOD => {
                    match req.extract::<CodeActionParams>(CodeActionRequest::METHOD) {
                        Ok((id, p)) => {
                            let actions = self.code_actions(&p);
                            self.respond(id, actions);
                        }
                        Err(e) => self.invalid(id, &e),
                    }
                }
                HoverRequest::METHOD => match req.extract::<HoverParams>(HoverRequest::METHOD) {
                    Ok((id, p)) => {
                        let hover = self.hover(&p);
                        self.respond(id, hover);
                    }
                    Err(e) => self.invalid(id, &e),
                },
                #[cfg(test)]
                "encyclint/test-panic" => panic!("a handler exploded"),
                _ => self.respond_err(
                    req.id,
                    ErrorCode::MethodNotFound,
                    format!("encyclint does not handle {}", req.method),
                ),
            },
        }
    }

    fn notification(&mut self, n: Notification) {
        if n.method == Exit::METHOD {
            let code = u8::from(self.state != State::ShutDown);
            self.state = State::Exited(code);
            return;
        }
        if self.state != State::Running {
            return;
        }
        let result = match n.method.as_str() {
            Initialized::METHOD => {
                self.initialized();
                Ok(())
            }
            DidOpenTextDocument::METHOD => n
                .extract(DidOpenTextDocument::METHOD)
                .map(|p| self.did_open(p)),
            DidChangeTextDocument::METHOD => n
                .extract(DidChangeTextDocument::METHOD)
                .map(|p| self.did_change(p)),
            DidSaveTextDocument::METHOD => n
                .extract(DidSaveTextDocument::METHOD)
                .map(|p| self.did_save(&p)),
            DidCloseTextDocument::METHOD => n
                .extract(DidCloseTextDocument::METHOD)
                .map(|p| self.did_close(p)),
            DidChangeWatchedFiles::METHOD => n
                .extract(DidChangeWatchedFiles::METHOD)
                .map(|p| self.did_change_watched_files(&p)),
            _ => Ok(()),
        };
        if let Err(e) = result {
            self.log(MessageType::ERROR, &format!("bad notification: {e}"));
        }
    }

    // ---- life cycle ---------------------------------------------------------

    fn initialize(&mut self, params: InitializeParams) -> InitializeResult {
        let caps = &params.capabilities;
        self.encoding = Encoding::negotiate(
            caps.general
                .as_ref()
                .and_then(|g| g.position_encodings.as_deref()),
        );
        let ws = caps.workspace.as_ref();
        self.client = Client {
            versioned_edits: ws
                .and_then(|w| w.workspace_edit.as_ref())
                .and_then(|e| e.document_changes)
                .unwrap_or(false),
            watch_files: ws
                .and_then(|w| w.did_change_watched_files)
                .and_then(|d| d.dynamic_registration)
                .unwrap_or(false),
        };
        let mut roots: Vec<PathBuf> = params
            .workspace_folders
            .iter()
            .flatten()
            .filter_map(|f| workspace::uri_to_path(&f.uri))
            .collect();
        #[allow(deprecated)]
        if roots.is_empty() {
            roots.extend(params.root_uri.as_ref().and_then(workspace::uri_to_path));
            roots.extend(params.root_path.as_ref().map(PathBuf::from));
            roots.truncate(1);
        }
        self.workspace.roots = roots;
        match params.initialization_options {
            None | Some(Value::Null) => {}
            Some(v) => match serde_json::from_value::<InitOptions>(v) {
                Ok(o) => self.options = o,
                Err(e) => self.show_error(&format!(
                    "initializationOptions: {e}; using the defaults \
                     (known: select, ignore, config, titles, aliases, completeIndex, maxFileSize)"
                )),
            },
        }
        InitializeResult {
            capabilities: ServerCapabilities {
                position_encoding: Some(self.encoding.kind()),
                text_document_sync: Some(TextDocumentSyncCapability::Options(
                    TextDocumentSyncOptions {
                        open_close: Some(true),
                        change: Some(TextDocumentSyncKind::INCREMENTAL),
                        save: Some(TextDocumentSyncSaveOptions::SaveOptions(SaveOptions {
                            include_text: Some(false),
                        })),
                        ..TextDocumentSyncOptions::default()
                    },
                )),
                code_action_provider: Some(CodeActionProviderCapability::Options(
                    CodeActionOptions {
                        code_action_kinds: Some(vec![
                            CodeActionKind::QUICKFIX,
                            CodeActionKind::from(FIX_ALL),
                        ]),
                        resolve_provider: Some(false),
                        ..CodeActionOptions::default()
                    },
                )),
                hover_provider: Some(HoverProviderCapability::Simple(true)),
                ..ServerCapabilities::default()
            },
            server_info: Some(ServerInfo {
                name: "encyclint".into(),
                version: Some(env!("CARGO_PKG_VERSION").into()),
            }),
        }
    }

    fn initialized(&mut self) {
        self.load();
        if self.client.watch_files {
            let options = DidChangeWatchedFilesRegistrationOptions {
                watchers: WATCHED
                    .iter()
                    .map(|g| FileSystemWatcher {
                        glob_pattern: GlobPattern::String((*g).to_string()),
                        kind: None,
                    })
                    .collect(),
            };
            let params = RegistrationParams {
                registrations: vec![Registration {
                    id: "encyclint-watched-files".into(),
                    method: DidChangeWatchedFiles::METHOD.into(),
                    register_options: serde_json::to_value(options).ok(),
                }],
            };
            self.send_request(RegisterCapability::METHOD, params);
        }
    }

    /// Load the config and settings, read the workspace's titles and the
    /// title lists, and mark every open document for linting.
    fn load(&mut self) {
        let root = self
            .workspace
            .roots
            .first()
            .cloned()
            .or_else(|| std::env::current_dir().ok());
        let max = self.options.max_file_size();
        let mut session = match Session::new(&self.options.options(root.as_deref())) {
            Ok(s) => s,
            Err(e) => {
                self.show_error(&format!("{e}; checking with the default settings"));
                default_session(max)
            }
        };
        // Orphans need the whole corpus at once: not in an editor.
        session.settings.ignore.insert("R006".into());
        let roots = std::mem::take(&mut self.workspace.roots);
        self.workspace = Workspace::scan(roots, session.files(), max);
        if let Err(e) = session.load_workspace_index(self.workspace.titles()) {
            self.show_error(&format!("{e}; references are judged without it"));
        }
        let config = session
            .config
            .as_ref()
            .map_or_else(|| "none".to_string(), |c| c.path.display().to_string());
        let index = match &session.index {
            Some(ix) => format!("{} title source(s)", ix.layers().len()),
            None => "none (references are not judged)".to_string(),
        };
        self.session = session;
        let folders = if self.workspace.roots.is_empty() {
            "no workspace folder".to_string()
        } else {
            let roots: Vec<String> = self
                .workspace
                .roots
                .iter()
                .map(|r| r.display().to_string())
                .collect();
            format!(
                "workspace {} ({} articles)",
                roots.join(", "),
                self.workspace.len()
            )
        };
        let text = format!(
            "encyclint {} language server: positions in {}, {folders}, config {config}, index {index}",
            env!("CARGO_PKG_VERSION"),
            self.encoding.kind().as_str(),
        );
        self.log(MessageType::INFO, &text);
        self.invalidate_all();
    }

    fn invalidate_all(&mut self) {
        self.generation += 1;
        self.dirty.extend(self.docs.keys().cloned());
    }

    fn titles_changed(&mut self) {
        if let Err(e) = self.session.set_workspace_titles(self.workspace.titles()) {
            self.log(MessageType::ERROR, &e.to_string());
        }
        self.invalidate_all();
    }

    // ---- documents ------------------------------------------------------------

    fn did_open(&mut self, p: DidOpenTextDocumentParams) {
        let doc = p.text_document;
        let path = workspace::uri_to_path(&doc.uri);
        let format = match &path {
            Some(path) if workspace::is_article(path) => Format::from_path(&path.to_string_lossy()),
            _ if doc.language_id == "markdown" => Format::Markdown,
            _ if matches!(doc.language_id.as_str(), "plaintext" | "text") => Format::Text,
            _ if matches!(doc.language_id.as_str(), "wikitext" | "mediawiki") => Format::Wikitext,
            // Not a format encyclint reads.
            _ => return,
        };
        let name = path.as_ref().map_or_else(
            || doc.uri.as_str().to_string(),
            |p| p.to_string_lossy().into_owned(),
        );
        self.docs.insert(
            doc.uri.clone(),
            Document {
                version: doc.version,
                text: doc.text,
                format,
                name,
                path,
                lint: None,
            },
        );
        self.dirty.insert(doc.uri);
    }

    fn did_change(&mut self, p: DidChangeTextDocumentParams) {
        let Some(doc) = self.docs.get_mut(&p.text_document.uri) else {
            return;
        };
        for change in p.content_changes {
            match change.range {
                Some(range) => {
                    let lines = LineIndex::new(&doc.text);
                    let span = Text::new(&doc.text, &lines, self.encoding).span(range);
                    doc.text
                        .replace_range(span.start()..span.end(), &change.text);
                }
                None => doc.text = change.text,
            }
        }
        doc.version = p.text_document.version;
        doc.lint = None;
        self.dirty.insert(p.text_document.uri);
    }

    fn did_save(&mut self, p: &DidSaveTextDocumentParams) {
        let uri = &p.text_document.uri;
        let Some(doc) = self.docs.get(uri) else {
            return;
        };
        let saved = doc
            .path
            .clone()
            .filter(|path| self.workspace.holds(path, self.session.files()))
            .map(|path| {
                let title = workspace::title_of(&path, &doc.text, doc.format);
                (path, title)
            });
        self.dirty.insert(uri.clone());
        if let Some((path, title)) = saved
            && self.workspace.set(&path, title)
        {
            self.titles_changed();
        }
    }

    fn did_close(&mut self, p: DidCloseTextDocumentParams) {
        if self.docs.remove(&p.text_document.uri).is_some() {
            self.dirty.remove(&p.text_document.uri);
            let params = PublishDiagnosticsParams {
                uri: p.text_document.uri,
                diagnostics: Vec::new(),
                version: None,
            };
            self.notify(PublishDiagnostics::METHOD, params);
        }
    }

    fn did_change_watched_files(&mut self, p: &DidChangeWatchedFilesParams) {
        let mut config_changed = false;
        let mut titles_changed = false;
        let max = self.options.max_file_size();
        for event in &p.changes {
            let Some(path) = workspace::uri_to_path(&event.uri) else {
                continue;
            };
            if path.file_name().is_some_and(|n| n == config::FILE_NAME) {
                config_changed = true;
            } else if self.workspace.holds(&path, self.session.files()) {
                titles_changed |= if event.typ == FileChangeType::DELETED {
                    self.workspace.set(&path, None)
                } else {
                    self.workspace.reread(&path, max)
                };
            }
        }
        if config_changed {
            self.load();
        } else if titles_changed {
            self.titles_changed();
        }
    }

    /// Publish the findings of every document changed since the last time.
    pub fn publish(&mut self) {
        for uri in std::mem::take(&mut self.dirty) {
            self.lint(&uri);
            let Some(doc) = self.docs.get(&uri) else {
                continue;
            };
            let Some(lint) = &doc.lint else { continue };
            let text = Text::new(&doc.text, &lint.lines, self.encoding);
            let diagnostics = lint
                .diagnostics
                .iter()
                .map(|d| diagnostics::to_lsp(d, &text, &uri))
                .collect();
            let params = PublishDiagnosticsParams {
                uri: uri.clone(),
                diagnostics,
                version: Some(doc.version),
            };
            self.notify(PublishDiagnostics::METHOD, params);
        }
    }

    /// Lint a document unless its findings are current.
    fn lint(&mut self, uri: &Uri) {
        let Some(doc) = self.docs.get_mut(uri) else {
            return;
        };
        if doc
            .lint
            .as_ref()
            .is_some_and(|l| l.generation == self.generation)
        {
            return;
        }
        let max = self.options.max_file_size();
        let diagnostics = match source::check_text(&doc.text, max) {
            Err(e) => vec![IoError::META.diag(Span::new(0, 0), e.to_string())],
            Ok(()) => {
                let src = SourceFile::new(doc.name.clone(), doc.text.as_str(), doc.format);
                self.session
                    .check_source(&src, None)
                    .diagnostics
                    .into_iter()
                    .map(|l| l.diag)
                    .collect()
            }
        };
        doc.lint = Some(Lint {
            generation: self.generation,
            lines: LineIndex::new(&doc.text),
            diagnostics,
        });
    }

    // ---- requests -------------------------------------------------------------

    fn code_actions(&mut self, p: &CodeActionParams) -> Vec<CodeActionOrCommand> {
        let uri = &p.text_document.uri;
        self.lint(uri);
        let Some(doc) = self.docs.get(uri) else {
            return Vec::new();
        };
        let Some(lint) = &doc.lint else {
            return Vec::new();
        };
        let text = Text::new(&doc.text, &lint.lines, self.encoding);
        let view = Doc {
            uri,
            version: doc.version,
            text,
            raw: &doc.text,
            format: doc.format,
            diagnostics: &lint.diagnostics,
            versioned: self.client.versioned_edits,
        };
        let only = p.context.only.as_deref();
        let mut out = Vec::new();
        let mut failure = None;
        if actions::wanted(only, CodeActionKind::QUICKFIX.as_str()) {
            // The findings the client sent back, else (none of ours, or sent
            // with columns that do not match) those in the requested range.
            let range = text.span(p.range);
            let sent: Vec<&Diagnostic> = lint
                .diagnostics
                .iter()
                .filter(|d| {
                    p.context
                        .diagnostics
                        .iter()
                        .any(|o| diagnostics::same(o, d, &text))
                })
                .collect();
            let chosen = if sent.is_empty() {
                lint.diagnostics
                    .iter()
                    .filter(|d| d.span.start() <= range.end() && range.start() <= d.span.end())
                    .collect()
            } else {
                sent
            };
            let mut disabled = BTreeSet::new();
            for d in chosen {
                out.extend(actions::quick_fix(&view, d));
                let line = text.position(d.span.start()).line;
                if disabled.insert((d.code.clone(), line)) {
                    out.extend(actions::disable_line(&view, d));
                }
            }
        }
        let fixable = lint.diagnostics.iter().any(|d| {
            d.fix
                .as_ref()
                .is_some_and(|f| f.applicability == Applicability::Safe)
        });
        if fixable
            && actions::wanted(only, FIX_ALL)
            && source::check_text(&doc.text, self.options.max_file_size()).is_ok()
        {
            let src = SourceFile::new(doc.name.clone(), doc.text.as_str(), doc.format);
            let cx = self.session.context();
            match guard::catch(|| fix::fix_source(&src, &cx)) {
                Ok(Ok(fixed)) => {
                    out.extend(actions::fix_all(&view, &fixed.source.text, fixed.fixes));
                }
                Ok(Err(e)) => failure = Some(format!("cannot fix {}: {e}", doc.name)),
                Err(panic) => {
                    failure = Some(format!(
                        "internal error: encyclint panicked while fixing {}: {panic}",
                        doc.name
                    ));
                }
            }
        }
        if let Some(text) = failure {
            self.log(MessageType::ERROR, &text);
        }
        out.into_iter()
            .map(CodeActionOrCommand::CodeAction)
            .collect()
    }

    fn hover(&mut self, p: &HoverParams) -> Option<lsp_types::Hover> {
        let at = &p.text_document_position_params;
        let uri = &at.text_document.uri;
        self.lint(uri);
        let doc = self.docs.get(uri)?;
        let lint = doc.lint.as_ref()?;
        let text = Text::new(&doc.text, &lint.lines, self.encoding);
        let view = Doc {
            uri,
            version: doc.version,
            text,
            raw: &doc.text,
            format: doc.format,
            diagnostics: &lint.diagnostics,
            versioned: self.client.versioned_edits,
        };
        actions::hover(&view, text.offset(at.position))
    }

    // ---- output ---------------------------------------------------------------

    fn respond(&mut self, id: RequestId, result: impl serde::Serialize) {
        self.outgoing.push(Response::new_ok(id, result).into());
    }

    fn respond_err(&mut self, id: RequestId, code: ErrorCode, message: String) {
        self.outgoing
            .push(Response::new_err(id, code as i32, message).into());
    }

    fn invalid(&mut self, id: RequestId, e: &lsp_server::ExtractError<Request>) {
        self.respond_err(id, ErrorCode::InvalidParams, e.to_string());
    }

    fn notify(&mut self, method: &str, params: impl serde::Serialize) {
        self.outgoing
            .push(Notification::new(method.to_string(), params).into());
    }

    fn send_request(&mut self, method: &str, params: impl serde::Serialize) {
        self.next_id += 1;
        let id = RequestId::from(format!("encyclint-{}", self.next_id));
        self.requests.insert(id.clone(), method.to_string());
        self.outgoing
            .push(Request::new(id, method.to_string(), params).into());
    }

    /// Log an error to stderr and to the client's log.
    pub fn log_error(&mut self, text: &str) {
        self.log(MessageType::ERROR, text);
    }

    /// Log to stderr and to the client's log.
    fn log(&mut self, typ: MessageType, text: &str) {
        let _ = writeln!(self.log, "encyclint lsp: {text}");
        self.notify(
            LogMessage::METHOD,
            LogMessageParams {
                typ,
                message: text.to_string(),
            },
        );
    }

    /// Log an error and show it to the user.
    fn show_error(&mut self, text: &str) {
        self.log(MessageType::ERROR, text);
        self.notify(
            ShowMessage::METHOD,
            ShowMessageParams {
                typ: MessageType::ERROR,
                message: format!("encyclint: {text}"),
            },
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn request(id: i32, method: &str, params: Value) -> Message {
        Request::new(RequestId::from(id), method.into(), params).into()
    }

    fn notification(method: &str, params: Value) -> Message {
        Notification::new(method.into(), params).into()
    }

    fn response(out: &[Message], id: i32) -> &Response {
        out.iter()
            .find_map(|m| match m {
                Message::Response(r) if r.id == RequestId::from(id) => Some(r),
                _ => None,
            })
            .expect("a response")
    }

    fn start(s: &mut Server<'_>) {
        s.handle(request(1, "initialize", json!({"capabilities": {}})));
        s.handle(notification("initialized", json!({})));
        s.take_outgoing();
    }

    #[test]
    fn a_panic_in_a_handler_is_answered_logged_and_survived() {
        let mut log = Vec::new();
        let mut s = Server::new(&mut log);
        start(&mut s);
        s.handle(request(7, "encyclint/test-panic", Value::Null));
        let out = s.take_outgoing();
        let err = response(&out, 7).response_result.clone().unwrap_err();
        assert_eq!(err.code, ErrorCode::InternalError as i32);
        assert!(
            err.message.contains("a handler exploded"),
            "{}",
            err.message
        );
        assert!(out.iter().any(|m| matches!(m,
            Message::Notification(n) if n.method == LogMessage::METHOD
                && n.params["message"].as_str().unwrap_or("").contains("panicked while handling encyclint/test-panic"))));
        // The server goes on.
        let uri = "file:///w/a.txt";
        s.handle(notification(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": uri, "languageId": "text", "version": 1, "text": "Defense CooperationEdit\nLead.\n"}}),
        ));
        s.publish();
        let out = s.take_outgoing();
        assert!(out.iter().any(
            |m| matches!(m, Message::Notification(n) if n.method == PublishDiagnostics::METHOD)
        ));
        drop(s);
        let log = String::from_utf8(log).unwrap();
        assert!(
            log.contains("encyclint lsp: internal error: encyclint panicked"),
            "{log}"
        );
    }

    #[test]
    fn life_cycle_errors_and_exit_codes() {
        let mut log = Vec::new();
        let mut s = Server::new(&mut log);
        s.handle(request(1, "textDocument/hover", json!({})));
        let out = s.take_outgoing();
        let err = response(&out, 1).response_result.clone().unwrap_err();
        assert_eq!(err.code, ErrorCode::ServerNotInitialized as i32);
        start(&mut s);
        s.handle(request(2, "textDocument/hover", json!({"bad": 1})));
        let out = s.take_outgoing();
        let err = response(&out, 2).response_result.clone().unwrap_err();
        assert_eq!(err.code, ErrorCode::InvalidParams as i32);
        s.handle(request(3, "textDocument/definition", json!({})));
        let out = s.take_outgoing();
        let err = response(&out, 3).response_result.clone().unwrap_err();
        assert_eq!(err.code, ErrorCode::MethodNotFound as i32);
        s.handle(request(4, "shutdown", Value::Null));
        assert!(s.shut_down());
        s.handle(request(5, "textDocument/hover", json!({})));
        let out = s.take_outgoing();
        assert!(response(&out, 4).response_result.is_ok());
        let err = response(&out, 5).response_result.clone().unwrap_err();
        assert_eq!(err.code, ErrorCode::InvalidRequest as i32);
        s.handle(notification("exit", Value::Null));
        assert_eq!(s.exit_code(), Some(0));

        let mut log = Vec::new();
        let mut s = Server::new(&mut log);
        start(&mut s);
        s.handle(notification("exit", Value::Null));
        assert_eq!(s.exit_code(), Some(1), "exit without shutdown");
    }

    #[test]
    fn incremental_changes_apply_in_order_in_utf16() {
        let mut log = Vec::new();
        let mut s = Server::new(&mut log);
        start(&mut s);
        let uri = "file:///w/a.md";
        s.handle(notification(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": "# Café 😀 x\n\nLead.\n"}}),
        ));
        // Replace `x` (after a 2-unit emoji), then append to the second line.
        s.handle(notification(
            "textDocument/didChange",
            json!({"textDocument": {"uri": uri, "version": 2}, "contentChanges": [
                {"range": {"start": {"line": 0, "character": 10}, "end": {"line": 0, "character": 11}}, "text": "Crème"},
                {"range": {"start": {"line": 2, "character": 5}, "end": {"line": 2, "character": 5}}, "text": " More."},
            ]}),
        ));
        let doc = &s.docs[&<Uri as std::str::FromStr>::from_str(uri).unwrap()];
        assert_eq!(doc.text, "# Café 😀 Crème\n\nLead. More.\n");
        assert_eq!(doc.version, 2);
        assert_eq!(doc.format, Format::Markdown);
    }
}
