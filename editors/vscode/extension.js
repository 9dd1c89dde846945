// A minimal VS Code client for `encyclint lsp`: it starts the server for
// plain-text and Markdown files and passes the `encyclint.*` settings as
// initializationOptions. The server registers its own file watchers.
"use strict";

const vscode = require("vscode");
const { LanguageClient } = require("vscode-languageclient/node");

let client;

function activate(context) {
  const config = vscode.workspace.getConfiguration("encyclint");
  const serverOptions = {
    command: config.get("path", "encyclint"),
    args: ["lsp"],
  };
  const clientOptions = {
    documentSelector: [
      { scheme: "file", language: "plaintext" },
      { scheme: "file", language: "markdown" },
      { scheme: "untitled", language: "plaintext" },
      { scheme: "untitled", language: "markdown" },
    ],
    initializationOptions: {
      select: config.get("select", []),
      ignore: config.get("ignore", []),
    },
  };
  client = new LanguageClient("encyclint", "encyclint", serverOptions, clientOptions);
  context.subscriptions.push(client);
  return client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
