//! `encyclint lsp` driven over stdio by a small client (tests/support/lsp_client.rs):
//! the life cycle, diagnostics, coalesced edits, code actions, hover, the
//! workspace index, configuration and bad input.

#[path = "support/lsp_client.rs"]
mod lsp_client;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use lsp_client::{Client, apply_edits, file_uri, is_publish};
use serde_json::{Value, json};

fn bin() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_encyclint"))
}

fn seed() -> String {
    fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/defense-cooperation.txt"),
    )
    .expect("the seed")
}

/// A server in an empty directory (no config above it), initialized with
/// `params` merged over plain UTF-16 capabilities.
fn start(dir: &Path, params: Value) -> (Client, Value) {
    let mut c = Client::start(&bin(), dir);
    let mut p = json!({"capabilities": {}, "processId": null});
    if let (Some(p), Some(extra)) = (p.as_object_mut(), params.as_object()) {
        for (k, v) in extra {
            p.insert(k.clone(), v.clone());
        }
    }
    let result = c.initialize(p);
    (c, result)
}

fn workspace(dir: &Path) -> Value {
    json!([{"uri": file_uri(dir), "name": "ws"}])
}

fn codes(params: &Value) -> Vec<String> {
    params["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap().to_string())
        .collect()
}

fn find<'a>(params: &'a Value, code: &str) -> &'a Value {
    params["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["code"] == code)
        .unwrap_or_else(|| panic!("no {code} in {params:#}"))
}

fn edits_of(action: &Value, uri: &str) -> Vec<Value> {
    action["edit"]["changes"][uri]
        .as_array()
        .expect("edits")
        .clone()
}

#[test]
fn initialize_negotiates_the_position_encoding_and_exit_codes() {
    let dir = tempfile::tempdir().unwrap();
    let (c, result) = start(
        dir.path(),
        json!({"capabilities": {"general": {"positionEncodings": ["utf-16", "utf-8"]}}}),
    );
    assert_eq!(result["capabilities"]["positionEncoding"], "utf-8");
    assert_eq!(result["serverInfo"]["name"], "encyclint");
    assert_eq!(result["capabilities"]["hoverProvider"], true);
    assert_eq!(result["capabilities"]["textDocumentSync"]["change"], 2);
    assert_eq!(
        result["capabilities"]["codeActionProvider"]["codeActionKinds"],
        json!(["quickfix", "source.fixAll.encyclint"])
    );
    assert_eq!(c.shutdown().code(), Some(0));

    let (mut c, result) = start(dir.path(), json!({}));
    assert_eq!(result["capabilities"]["positionEncoding"], "utf-16");
    // `exit` without `shutdown` is an error exit.
    c.notify("exit", Value::Null);
    assert_eq!(c.wait().code(), Some(1));
}

#[test]
fn the_seed_gets_what_check_reports_with_every_field() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("defense-cooperation.txt");
    fs::write(&path, seed()).unwrap();
    let uri = file_uri(&path);
    let (mut c, _) = start(dir.path(), json!({}));
    c.open(&uri, "plaintext", &seed());
    let params = c.diagnostics(&uri);
    assert_eq!(params["version"], 1);
    let s002 = find(&params, "S002");
    assert_eq!(
        s002["range"],
        json!({"start": {"line": 0, "character": 19}, "end": {"line": 0, "character": 23}})
    );
    assert_eq!(s002["severity"], 1);
    assert_eq!(s002["source"], "encyclint");
    assert!(
        s002["codeDescription"]["href"]
            .as_str()
            .unwrap()
            .ends_with("#s002")
    );
    assert!(
        s002["message"]
            .as_str()
            .unwrap()
            .starts_with("wiki chrome `Edit` in the title\nhelp: ")
    );
    let related = &s002["relatedInformation"][0];
    assert_eq!(related["location"]["uri"], uri.as_str());
    assert_eq!(
        related["message"],
        "copied from the page, not part of the text"
    );

    // The same findings as `encyclint check` (its columns count scalars; the
    // seed has no character outside the BMP, so UTF-16 columns agree).
    let out = Command::new(bin())
        .args(["check", "--format", "json"])
        .arg(&path)
        .current_dir(dir.path())
        .output()
        .unwrap();
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    let cli: Vec<(String, u64, u64)> = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["code"].as_str().unwrap().to_string(),
                d["span"]["line"].as_u64().unwrap() - 1,
                d["span"]["column"].as_u64().unwrap() - 1,
            )
        })
        .collect();
    let lsp: Vec<(String, u64, u64)> = params["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["code"].as_str().unwrap().to_string(),
                d["range"]["start"]["line"].as_u64().unwrap(),
                d["range"]["start"]["character"].as_u64().unwrap(),
            )
        })
        .collect();
    assert!(!cli.is_empty());
    assert_eq!(lsp, cli);
    assert_eq!(c.shutdown().code(), Some(0));
}

#[test]
fn columns_follow_the_negotiated_encoding_on_non_ascii_lines() {
    let dir = tempfile::tempdir().unwrap();
    let text = "Café 😀 HistoryEdit\nLead text, long enough to be a lead.\n";
    // `Edit` starts after "Café 😀 History": 15 UTF-16 units, 18 bytes.
    for (offered, start) in [(json!(["utf-16"]), 15), (json!(["utf-8", "utf-16"]), 18)] {
        let (mut c, _) = start_with(dir.path(), &offered);
        let uri = file_uri(&dir.path().join("café.txt"));
        c.open(&uri, "plaintext", text);
        let params = c.diagnostics(&uri);
        let s002 = find(&params, "S002");
        assert_eq!(s002["range"]["start"]["character"], start, "{offered}");
        assert_eq!(s002["range"]["end"]["character"], start + 4, "{offered}");
        // A hover at the end of the range still finds it.
        let hover = c.request(
            "textDocument/hover",
            json!({"textDocument": {"uri": uri}, "position": {"line": 0, "character": start + 4}}),
        );
        assert!(
            hover["result"]["contents"]["value"]
                .as_str()
                .unwrap()
                .starts_with("# title-artifact (S002)")
        );
        assert_eq!(c.shutdown().code(), Some(0));
    }
}

fn start_with(dir: &Path, encodings: &Value) -> (Client, Value) {
    start(
        dir,
        json!({"capabilities": {"general": {"positionEncodings": encodings}}}),
    )
}

#[test]
fn queued_changes_are_linted_once_at_the_latest_version() {
    let dir = tempfile::tempdir().unwrap();
    let uri = file_uri(&dir.path().join("a.txt"));
    let (mut c, _) = start(dir.path(), json!({}));
    c.open(
        &uri,
        "plaintext",
        "Defense CooperationEdit\nLead text of the article.\n",
    );
    let first = c.diagnostics(&uri);
    assert_eq!(first["version"], 1);
    assert!(codes(&first).contains(&"S002".to_string()));
    // Delete "Edit" one letter at a time, then type at the end of the lead:
    // five changes in one write, as an editor's queue would hold them.
    let mut changes = Vec::new();
    for (i, col) in [22, 21, 20, 19].into_iter().enumerate() {
        changes.push(Client::notification(
            "textDocument/didChange",
            json!({"textDocument": {"uri": uri, "version": i + 2}, "contentChanges": [
                {"range": {"start": {"line": 0, "character": col}, "end": {"line": 0, "character": col + 1}}, "text": ""}
            ]}),
        ));
    }
    changes.push(Client::notification(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 6}, "contentChanges": [
            {"range": {"start": {"line": 1, "character": 26}, "end": {"line": 1, "character": 26}}, "text": " More."}
        ]}),
    ));
    c.send_all(&changes);
    let last = c.diagnostics(&uri);
    assert_eq!(last["version"], 6, "one publish, for the latest version");
    assert!(!codes(&last).contains(&"S002".to_string()), "{last:#}");
    // Nothing was published for the versions in between.
    let hover = c.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri}, "position": {"line": 0, "character": 0}}),
    );
    assert_eq!(hover["result"], Value::Null);
    assert!(
        !c.seen.iter().any(|m| is_publish(m, &uri)),
        "publishes in between: {:#?}",
        c.seen
    );
    assert_eq!(c.shutdown().code(), Some(0));
}

#[test]
fn quick_fix_fix_all_and_disable_for_this_line() {
    let dir = tempfile::tempdir().unwrap();
    let seed_path = dir.path().join("defense-cooperation.txt");
    fs::write(&seed_path, seed()).unwrap();
    let uri = file_uri(&seed_path);
    let (mut c, _) = start(dir.path(), json!({}));
    let text = seed();
    c.open(&uri, "plaintext", &text);
    let params = c.diagnostics(&uri);
    let s002 = find(&params, "S002").clone();
    let r = c.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": uri}, "range": s002["range"],
               "context": {"diagnostics": [s002], "only": ["quickfix"]}}),
    );
    let actions = r["result"].as_array().unwrap();
    assert_eq!(actions.len(), 1, "{actions:#?}");
    let fix = &actions[0];
    assert_eq!(fix["kind"], "quickfix");
    assert_eq!(fix["title"], "S002: remove `Edit`");
    assert_eq!(fix["isPreferred"], true);
    assert_eq!(fix["diagnostics"][0]["code"], "S002");
    let edits = edits_of(fix, &uri);
    assert_eq!(
        edits,
        [json!({"range": s002["range"], "newText": ""})],
        "{fix:#}"
    );
    let fixed = apply_edits(&text, &edits);
    assert!(fixed.starts_with("Defense Cooperation\n"));
    // Without diagnostics in the context (or with columns that do not match
    // ours), the findings under the cursor are offered.
    let r = c.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": uri},
               "range": {"start": {"line": 0, "character": 21}, "end": {"line": 0, "character": 21}},
               "context": {"diagnostics": [], "only": ["quickfix"]}}),
    );
    assert_eq!(r["result"][0]["title"], "S002: remove `Edit`", "{r:#}");

    // Fix all: what `check --fix` writes.
    let md = fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("fixtures/references/malformed-reference-list.md"),
    )
    .unwrap();
    let md_path = dir.path().join("list.md");
    let md_uri = file_uri(&md_path);
    c.open(&md_uri, "markdown", &md);
    let _ = c.diagnostics(&md_uri);
    let r = c.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": md_uri},
               "range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}},
               "context": {"diagnostics": [], "only": ["source.fixAll"]}}),
    );
    let actions = r["result"].as_array().unwrap();
    assert_eq!(actions.len(), 1, "{actions:#?}");
    assert_eq!(actions[0]["kind"], "source.fixAll.encyclint");
    let all_fixed = apply_edits(&md, &edits_of(&actions[0], &md_uri));
    fs::write(&md_path, &md).unwrap();
    let status = Command::new(bin())
        .args(["check", "--fix"])
        .arg(&md_path)
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert!(status.status.code().is_some());
    assert_ne!(all_fixed, md);
    assert_eq!(all_fixed, fs::read_to_string(&md_path).unwrap());

    // Markdown: disable a rule for one line.
    let article = "# Defense CooperationEdit\n\nLead text of the article is here.\n";
    let a_uri = file_uri(&dir.path().join("a.md"));
    c.open(&a_uri, "markdown", article);
    let params = c.diagnostics(&a_uri);
    let s002 = find(&params, "S002").clone();
    let r = c.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": a_uri}, "range": s002["range"],
               "context": {"diagnostics": [s002]}}),
    );
    let actions = r["result"].as_array().unwrap();
    let titles: Vec<&str> = actions
        .iter()
        .map(|a| a["title"].as_str().unwrap())
        .collect();
    assert_eq!(
        titles,
        [
            "S002: remove `Edit`",
            "S002: disable title-artifact for this line",
            "encyclint: apply 1 safe fix"
        ]
    );
    let disabled = apply_edits(article, &edits_of(&actions[1], &a_uri));
    assert_eq!(
        disabled,
        format!("<!-- encyclint-disable-next-line S002 -->\n{article}")
    );
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": a_uri, "version": 2}, "contentChanges": [{"text": disabled}]}),
    );
    let params = c.diagnostics(&a_uri);
    assert_eq!(params["version"], 2);
    assert!(codes(&params).is_empty(), "{params:#}");
    // Fixing all of the seed too: the editor applies edits, the server writes nothing.
    let r = c.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": uri},
               "range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}},
               "context": {"diagnostics": []}}),
    );
    assert_eq!(r["result"][0]["kind"], "source.fixAll.encyclint", "{r:#}");
    assert_eq!(c.shutdown().code(), Some(0));
    assert_eq!(
        fs::read_to_string(&seed_path).unwrap(),
        seed(),
        "never written"
    );
}

#[test]
fn the_workspace_is_the_index_and_follows_file_changes() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    fs::write(
        root.join("a.txt"),
        "Alpha\nAlpha is a letter of the alphabet. See Beta.\n",
    )
    .unwrap();
    fs::write(root.join("c.txt"), "Gamma\nGamma is another letter.\n").unwrap();
    let (mut c, _) = start(
        root,
        json!({"workspaceFolders": workspace(root),
               "capabilities": {"workspace": {"didChangeWatchedFiles": {"dynamicRegistration": true}}}}),
    );
    let a = file_uri(&root.join("a.txt"));
    c.open(
        &a,
        "plaintext",
        &fs::read_to_string(root.join("a.txt")).unwrap(),
    );
    let params = c.diagnostics(&a);
    let r001 = find(&params, "R001");
    assert!(
        r001["message"]
            .as_str()
            .unwrap()
            .starts_with("reference to `Beta` does not resolve")
    );
    // The watcher was registered dynamically.
    let reg = c
        .server_requests
        .iter()
        .find(|m| m["method"] == "client/registerCapability")
        .expect("a registration");
    let watchers = &reg["params"]["registrations"][0]["registerOptions"]["watchers"];
    let globs: Vec<&str> = watchers
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w["globPattern"].as_str().unwrap())
        .collect();
    assert!(
        globs.contains(&"**/*.md") && globs.contains(&"**/encyclint.toml"),
        "{globs:?}"
    );

    // A new article makes the reference resolve.
    let b = root.join("b.txt");
    fs::write(&b, "Beta\nBeta is a letter too.\n").unwrap();
    c.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": file_uri(&b), "type": 1}]}),
    );
    let params = c.diagnostics(&a);
    assert!(!codes(&params).contains(&"R001".to_string()), "{params:#}");
    // Deleting it brings the finding back.
    fs::remove_file(&b).unwrap();
    c.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": file_uri(&b), "type": 3}]}),
    );
    let params = c.diagnostics(&a);
    assert!(codes(&params).contains(&"R001".to_string()), "{params:#}");
    // Saving an open article under a new title updates the index.
    let g = file_uri(&root.join("c.txt"));
    c.open(&g, "plaintext", "Gamma\nGamma is another letter.\n");
    let _ = c.diagnostics(&g);
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": g, "version": 2}, "contentChanges": [{"text": "Beta\nNow called Beta.\n"}]}),
    );
    let _ = c.diagnostics(&g);
    c.notify("textDocument/didSave", json!({"textDocument": {"uri": g}}));
    let params = c.wait_for("a republish of a.txt", |m| is_publish(m, &a))["params"].clone();
    assert!(!codes(&params).contains(&"R001".to_string()), "{params:#}");
    // Closing clears a document's diagnostics.
    c.notify("textDocument/didClose", json!({"textDocument": {"uri": a}}));
    let params = c.wait_for("cleared diagnostics", |m| {
        is_publish(m, &a) && m["params"]["diagnostics"] == json!([])
    });
    assert_eq!(params["params"]["version"], Value::Null);
    assert_eq!(c.shutdown().code(), Some(0));
}

#[test]
fn configuration_from_the_workspace_and_initialization_options() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    fs::write(root.join("encyclint.toml"), "ignore = [\"S002\"]\n").unwrap();
    let path = root.join("defense-cooperation.txt");
    fs::write(&path, seed()).unwrap();
    let uri = file_uri(&path);
    let (mut c, _) = start(root, json!({"workspaceFolders": workspace(root)}));
    c.open(&uri, "plaintext", &seed());
    let params = c.diagnostics(&uri);
    let found = codes(&params);
    assert!(
        !found.contains(&"S002".to_string()) && !found.is_empty(),
        "{found:?}"
    );
    // The config changes: it is reloaded.
    fs::write(root.join("encyclint.toml"), "select = [\"S002\"]\n").unwrap();
    c.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": file_uri(&root.join("encyclint.toml")), "type": 2}]}),
    );
    let params = c.diagnostics(&uri);
    assert_eq!(codes(&params), ["S002"]);
    // A broken config is shown, and the defaults apply.
    fs::write(root.join("encyclint.toml"), "selcet = [\"S002\"]\n").unwrap();
    c.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": file_uri(&root.join("encyclint.toml")), "type": 2}]}),
    );
    let shown = c.wait_for("an error message", |m| m["method"] == "window/showMessage");
    assert!(
        shown["params"]["message"]
            .as_str()
            .unwrap()
            .contains("selcet"),
        "{shown}"
    );
    let params = c.diagnostics(&uri);
    assert!(codes(&params).len() > 1);
    assert_eq!(c.shutdown().code(), Some(0));

    // initializationOptions are the command line's options.
    fs::remove_file(root.join("encyclint.toml")).unwrap();
    let (mut c, _) = start(
        root,
        json!({"workspaceFolders": workspace(root),
               "initializationOptions": {"select": ["S002", "B005"]}}),
    );
    c.open(&uri, "plaintext", &seed());
    let params = c.diagnostics(&uri);
    let mut found = codes(&params);
    found.dedup();
    assert_eq!(found, ["S002", "B005"]);
    assert_eq!(c.shutdown().code(), Some(0));
}

#[test]
fn bad_input_gets_the_same_messages_as_check() {
    let dir = tempfile::tempdir().unwrap();
    let (mut c, _) = start(
        dir.path(),
        json!({"initializationOptions": {"maxFileSize": 1000}}),
    );
    let bin_uri = file_uri(&dir.path().join("nul.txt"));
    c.open(&bin_uri, "plaintext", "Title\nab\u{0}c\n");
    let params = c.diagnostics(&bin_uri);
    let e = find(&params, "E001");
    assert_eq!(
        e["message"],
        "binary content (NUL byte at byte offset 8); not an article"
    );
    assert_eq!(e["range"]["start"], json!({"line": 0, "character": 0}));
    let big_uri = file_uri(&dir.path().join("big.md"));
    c.open(&big_uri, "markdown", &"# Big\n\n".repeat(200));
    let params = c.diagnostics(&big_uri);
    assert_eq!(
        find(&params, "E001")["message"],
        "file is 1400 bytes, over the 1000-byte limit (--max-file-size)"
    );
    // A document in a format encyclint does not read gets nothing.
    let rs = file_uri(&dir.path().join("main.rs"));
    c.open(&rs, "rust", "fn main() {}\n");
    let hover = c.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": rs}, "position": {"line": 0, "character": 0}}),
    );
    assert_eq!(hover["result"], Value::Null);
    assert!(!c.seen.iter().any(|m| is_publish(m, &rs)));
    assert_eq!(c.shutdown().code(), Some(0));
}

#[test]
fn the_vscode_extension_is_valid_and_starts_encyclint_lsp() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("editors/vscode");
    let manifest: Value =
        serde_json::from_str(&fs::read_to_string(dir.join("package.json")).unwrap())
            .expect("package.json is valid JSON");
    assert_eq!(manifest["name"], "encyclint");
    let main = manifest["main"].as_str().unwrap();
    let js = fs::read_to_string(dir.join(main)).expect("the main script exists");
    assert!(
        manifest["dependencies"]["vscode-languageclient"].is_string(),
        "{manifest:#}"
    );
    let path = &manifest["contributes"]["configuration"]["properties"]["encyclint.path"];
    assert_eq!(path["default"], "encyclint");
    assert!(js.contains(r#"config.get("path", "encyclint")"#), "{js}");
    assert!(js.contains(r#"args: ["lsp"]"#), "{js}");
    assert!(
        js.contains(r#"require("vscode-languageclient/node")"#),
        "{js}"
    );
    let events = manifest["activationEvents"].as_array().unwrap();
    assert!(events.contains(&json!("onLanguage:markdown")));
    assert!(events.contains(&json!("onLanguage:plaintext")));
    // The lock file pins what `npm ci` installs.
    let lock: Value =
        serde_json::from_str(&fs::read_to_string(dir.join("package-lock.json")).unwrap()).unwrap();
    assert!(lock["packages"]["node_modules/vscode-languageclient"]["version"].is_string());
}
