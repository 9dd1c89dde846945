// Load extension.js outside VS Code, with `vscode` and the language client
// replaced by stand-ins, and check what it would start: `encyclint lsp` for
// plain text and Markdown, with the settings as initializationOptions.
// Run by .ci/run: `node editors/vscode/smoke-test.js` (no npm install needed).
"use strict";

const assert = require("assert");
const Module = require("module");

const started = [];
class LanguageClient {
  constructor(id, name, serverOptions, clientOptions) {
    Object.assign(this, { id, name, serverOptions, clientOptions });
  }
  start() {
    started.push(this);
    return Promise.resolve();
  }
  stop() {
    return Promise.resolve();
  }
}
const settings = { path: "/opt/encyclint", select: ["S", "B"], ignore: ["R002"] };
const vscode = {
  workspace: {
    getConfiguration: (section) => {
      assert.strictEqual(section, "encyclint");
      return { get: (key, fallback) => (key in settings ? settings[key] : fallback) };
    },
  },
};
const load = Module._load;
Module._load = function (request, parent, isMain) {
  if (request === "vscode") return vscode;
  if (request === "vscode-languageclient/node") return { LanguageClient };
  return load.call(this, request, parent, isMain);
};

const extension = require("./extension.js");
const context = { subscriptions: [] };
extension.activate(context).then(() => {
  assert.strictEqual(started.length, 1);
  const client = started[0];
  assert.deepStrictEqual(client.serverOptions, { command: "/opt/encyclint", args: ["lsp"] });
  const languages = client.clientOptions.documentSelector.map((s) => s.language);
  assert.ok(languages.includes("plaintext") && languages.includes("markdown"));
  assert.deepStrictEqual(client.clientOptions.initializationOptions, {
    select: ["S", "B"],
    ignore: ["R002"],
  });
  assert.strictEqual(context.subscriptions[0], client);
  return extension.deactivate();
}).then(() => {
  console.log("vscode extension: OK (starts `/opt/encyclint lsp` for plaintext and markdown)");
}).catch((e) => {
  console.error("vscode extension: FAIL:", e.message);
  process.exit(1);
});
