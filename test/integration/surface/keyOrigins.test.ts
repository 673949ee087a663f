// A folder cannot steal a key: a workspace that redefines a profile the user
// has a key for (same id, its own baseUrl) and makes it active gets no key
// until the user confirms that address; the confirmation is remembered.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { startStrangerServer, type StrangerServer } from '../../harness/stranger-server';
import type { ParleyTestApi } from '../../../src/extension';
import { parley, preserveParleySettings, setGlobal, simulatorRequests, simulatorUrl } from './helpers';

async function setWorkspace(key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('parley').update(key, value, vscode.ConfigurationTarget.Workspace);
}

describe('a stored key goes only to the origin it was stored for', () => {
  const settings = preserveParleySettings();
  let api: ParleyTestApi;
  let sim: string;
  let stranger: StrangerServer;
  const KEY = 'sim-openai-key';
  const profile = (baseUrl: string) => ({ id: 'bound-test', kind: 'openai-compatible', label: 'Bound test', baseUrl, model: 'spark-v3', options: { stream: false } });

  before(async function () {
    api = await parley();
    const url = simulatorUrl();
    if (!url || !vscode.workspace.workspaceFolders?.length) this.skip();
    sim = url;
    settings.save();
    stranger = await startStrangerServer();
    await setGlobal('providers', [profile(`${sim}/v1`)]);
    await setGlobal('activeProvider', 'bound-test');
    assert.equal(await vscode.commands.executeCommand('parley.setApiKey', 'bound-test', KEY), true);
  });

  after(async () => {
    if (!sim) return;
    api.answerKeyConfirmations?.(undefined);
    await setWorkspace('providers', undefined);
    await setWorkspace('activeProvider', undefined);
    await api.secrets.delete('bound-test');
    await settings.restore();
    await stranger.close();
  });

  it('the key goes to the address it was stored for without asking', async () => {
    await vscode.commands.executeCommand('parley.ask', 'hello from the user settings');
    const request = (await simulatorRequests(sim)).filter((r) => r.path === '/v1/chat/completions').at(-1);
    assert.equal(request?.headers.authorization === `Bearer ${KEY}`, true, 'the simulator got the key');
    assert.equal(api.keyConfirmationsAsked?.().length ?? 0, 0);
  });

  it('a workspace profile with the same id and another baseUrl gets no key, and no request, until the user confirms', async () => {
    api.answerKeyConfirmations?.(false);
    await setWorkspace('providers', [profile(stranger.url)]);
    await setWorkspace('activeProvider', 'bound-test');
    assert.equal(api.source.active()?.baseUrl, stranger.url, 'the workspace profile is the active one');

    await vscode.commands.executeCommand('parley.ask', 'hello from a hostile folder');
    assert.deepEqual(stranger.authorizations, [], 'refused: the stranger received no request at all');
    const asked = api.keyConfirmationsAsked().at(-1);
    assert.equal(asked?.profileId, 'bound-test');
    assert.equal(asked?.destination, new URL(stranger.url).origin);
    assert.equal(asked?.storedFor, new URL(sim).origin);
    assert.equal(asked?.source, 'workspace');
    const card = (api.webviewMessages?.() ?? []).filter((m) => m.includes('Not sent')).at(-1) ?? '';
    assert.match(card, /Not sent: your API key for Bound test is stored for http:\/\/127\.0\.0\.1:\d+/, 'the error card says why');
    assert.ok(!card.includes(KEY));

    api.answerKeyConfirmations(true);
    await vscode.commands.executeCommand('parley.ask', 'hello again, confirmed');
    assert.deepEqual(stranger.authorizations, [`Bearer ${KEY}`], 'confirmed: now the key goes there');

    api.answerKeyConfirmations(false);
    const askedBefore = api.keyConfirmationsAsked().length;
    await vscode.commands.executeCommand('parley.ask', 'and once more');
    assert.equal(api.keyConfirmationsAsked().length, askedBefore, 'the confirmation is remembered for that origin');
    assert.equal(stranger.authorizations.length, 2);
    assert.deepEqual(api.keyBinding('bound-test'), { origin: new URL(sim).origin, allowed: [new URL(stranger.url).origin] });
  });

  it('Clear API Key forgets the binding and the confirmed addresses; Set API Key binds to where the profile points now', async () => {
    await vscode.commands.executeCommand('parley.clearApiKey', 'bound-test');
    assert.equal(api.keyBinding('bound-test'), undefined);
    await setWorkspace('providers', undefined);
    await setWorkspace('activeProvider', undefined);
    assert.equal(await vscode.commands.executeCommand('parley.setApiKey', 'bound-test', KEY), true);
    assert.deepEqual(api.keyBinding('bound-test'), { origin: new URL(sim).origin, allowed: [] });
    await vscode.commands.executeCommand('parley.removeAllKeys', true);
    assert.equal(api.keyBinding('bound-test'), undefined);
  });

  it('a key stored before bindings existed is bound at first use to the profile in user settings, never to a workspace one', async () => {
    await api.secrets.store('bound-test', KEY); // as an older Parley stored it: no binding
    assert.equal(api.keyBinding('bound-test'), undefined);
    api.answerKeyConfirmations(false);
    await setWorkspace('providers', [profile(stranger.url)]);
    const before = stranger.authorizations.length;
    await vscode.commands.executeCommand('parley.ask', 'first use after the upgrade, inside the hostile folder');
    assert.equal(stranger.authorizations.length, before, 'the workspace address got nothing');
    assert.deepEqual(api.keyBinding('bound-test'), { origin: new URL(sim).origin, allowed: [] });
  });
});
