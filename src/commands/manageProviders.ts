/**
 * Manage Providers: a quick-pick flow to add a profile from a preset, edit
 * it (label, base URL, model, instance id, options), test it with a one-line
 * prompt (reply + latency), set its key, make it active, or remove it.
 * Writes `parley.providers` in the user's global settings.
 */
import * as vscode from 'vscode';
import { contextWindowOf } from '../chat/budget';
import { optionFields, parseNumberField, profileFields, type EditedProfileField, type OptionField } from '../profiles/fields';
import { needsApiKey } from '../profiles/needs';
import { displayName, uniqueId } from '../profiles/models';
import { checkProvidersWrite } from '../profiles/editableProviders';
import { PRESETS, profileFromPreset } from '../profiles/presets';
import { PROFILE_ID } from '../profiles/ranges';
import { formatProblem, validateProviders } from '../profiles/settings';
import type { ProviderProfile } from '../providers/types';
import { testProfile } from '../host/providerTester';
import { userLanguage } from '../host/userLanguage';
import { formatErrorText } from '../net/errorTexts';
import type { CommandDeps } from './deps';

type PickItem<T> = vscode.QuickPickItem & { value?: T };

async function pick<T>(items: PickItem<T>[], title: string, placeHolder?: string): Promise<T | undefined> {
  return (await vscode.window.showQuickPick(items, { title, ...(placeHolder ? { placeHolder } : {}) }))?.value;
}

/** Validates the whole list as it would be written; shows the first problem of the edited entry. */
async function writeIfValid(deps: CommandDeps, list: unknown[], index: number): Promise<boolean> {
  const problems = validateProviders(list).problems.filter((p) => p.setting.startsWith(`parley.providers[${index}]`));
  if (problems[0]) {
    vscode.window.showErrorMessage(vscode.l10n.t('Not saved: {0}', formatProblem(problems[0])));
    return false;
  }
  await deps.settings.writeProviders(list);
  return true;
}

async function addProfile(deps: CommandDeps): Promise<void> {
  const preset = await pick(
    PRESETS.map((p) => ({
      label: p.label,
      description: p.baseUrl,
      detail: p.needsKey ? vscode.l10n.t('Needs an API key') : p.needsInstanceId ? vscode.l10n.t('Needs an instance id') : vscode.l10n.t('Needs no key'),
      value: p,
    })),
    vscode.l10n.t('Add Provider'),
    vscode.l10n.t('Start from a preset'),
  );
  if (!preset) return;
  const list = deps.settings.editableProviders();
  const taken = list.map((p) => (p && typeof p === 'object' ? String((p as { id?: unknown }).id) : ''));
  const id = await vscode.window.showInputBox({
    title: vscode.l10n.t('Profile id'),
    prompt: vscode.l10n.t('A short name; the API key is stored under it.'),
    value: uniqueId(preset.id, taken),
    validateInput: (v) =>
      !PROFILE_ID.test(v.trim())
        ? vscode.l10n.t('Use letters, digits, "_", "." and "-" only.')
        : taken.includes(v.trim())
          ? vscode.l10n.t('Another profile already uses this id.')
          : undefined,
  });
  if (!id) return;
  let model: string | undefined;
  if (preset.kind === 'openai-compatible' && !preset.model) {
    // Local servers (LM Studio, vLLM) have no default model: ask for the one loaded there.
    model = (
      await vscode.window.showInputBox({
        title: vscode.l10n.t('Model'),
        prompt: vscode.l10n.t('The model name the server expects (e.g. the one loaded in {0}).', preset.label),
        ignoreFocusOut: true,
        validateInput: (v) => (v.trim() ? undefined : vscode.l10n.t('The model name cannot be empty.')),
      })
    )?.trim();
    if (!model) return;
  }
  const profile = profileFromPreset(preset.id, id.trim(), model ? { model } : {});
  list.push(profile);
  if (!(await writeIfValid(deps, list, list.length - 1))) return;
  deps.log.info(`profile ${profile.id} added (${profile.kind})`);
  await editProfile(deps, profile.id);
}

type TextField = 'label' | 'baseUrl' | 'model' | 'instanceId';

function textOf(profile: ProviderProfile, field: TextField): string | undefined {
  return field === 'instanceId' ? (profile.kind === 'secondme' ? profile.instanceId : undefined) : profile[field];
}

function fieldTitle(field: TextField): string {
  switch (field) {
    case 'label':
      return vscode.l10n.t('Label');
    case 'baseUrl':
      return vscode.l10n.t('Base URL');
    case 'model':
      return vscode.l10n.t('Model');
    case 'instanceId':
      return vscode.l10n.t('Instance id');
  }
}

async function editText(deps: CommandDeps, profileId: string, field: TextField, current: string | undefined): Promise<void> {
  const value = await vscode.window.showInputBox({ title: fieldTitle(field), value: current ?? '', ignoreFocusOut: true, prompt: vscode.l10n.t('Leave empty to remove the value.') });
  if (value === undefined) return;
  const list = deps.settings.editableProviders();
  const index = list.findIndex((p) => !!p && typeof p === 'object' && (p as { id?: unknown }).id === profileId);
  const entry = list[index] as Record<string, unknown> | undefined;
  if (!entry) return;
  if (value.trim()) entry[field] = value.trim();
  else delete entry[field];
  await writeIfValid(deps, list, index);
}

async function askOptionValue(field: OptionField, current: unknown): Promise<{ value: unknown } | 'unset' | undefined> {
  const unset = vscode.l10n.t('(default)');
  if (field.type === 'enum' || field.type === 'boolean') {
    const values: unknown[] = field.type === 'enum' ? [...field.values] : [true, false];
    const chosen = await pick<{ v: unknown } | 'unset'>(
      [...values.map((v) => ({ label: `${v === current ? '$(check) ' : ''}${String(v)}`, value: { v } })), { label: unset, value: 'unset' as const }],
      field.name,
    );
    return chosen === undefined ? undefined : chosen === 'unset' ? 'unset' : { value: chosen.v };
  }
  const text = await vscode.window.showInputBox({
    title: field.name,
    value: current === undefined ? '' : String(current),
    prompt:
      field.type === 'number'
        ? field.max !== undefined
          ? vscode.l10n.t('A number from {0} to {1}. Leave empty for the default.', field.min, field.max)
          : vscode.l10n.t('A number of at least {0}. Leave empty for the default.', field.min)
        : vscode.l10n.t('Leave empty for the default.'),
    validateInput: (v) => {
      if (field.type !== 'number' || v.trim() === '') return undefined;
      const parsed = parseNumberField(field, v);
      if (!('error' in parsed)) return undefined;
      return parsed.error === 'notWhole' ? vscode.l10n.t('Enter a whole number.') : vscode.l10n.t('Enter a number in the range shown.');
    },
  });
  if (text === undefined) return undefined;
  if (text.trim() === '') return 'unset';
  if (field.type === 'number') {
    const parsed = parseNumberField(field, text);
    return 'value' in parsed ? { value: parsed.value } : undefined;
  }
  return { value: text.trim() };
}

async function editOptions(deps: CommandDeps, profile: ProviderProfile): Promise<void> {
  const options: Readonly<Record<string, unknown>> = profile.options ?? {};
  const field = await pick(
    optionFields(profile).map((f) => ({
      label: f.name,
      description: options[f.name] === undefined ? vscode.l10n.t('default') : String(options[f.name]),
      value: f,
    })),
    vscode.l10n.t('Options of {0}', displayName(profile)),
  );
  if (!field) return;
  const answer = await askOptionValue(field, options[field.name]);
  if (answer === undefined) return;
  const list = deps.settings.editableProviders();
  const index = list.findIndex((p) => !!p && typeof p === 'object' && (p as { id?: unknown }).id === profile.id);
  const entry = list[index] as Record<string, unknown> | undefined;
  if (!entry) return;
  const next = { ...((entry.options as Record<string, unknown> | undefined) ?? {}) };
  if (answer === 'unset') delete next[field.name];
  else next[field.name] = answer.value;
  entry.options = next;
  await writeIfValid(deps, list, index);
}

/** System prompt and context window: fields of the profile itself (beside options). */
async function editProfileField(deps: CommandDeps, profile: ProviderProfile, name: EditedProfileField): Promise<void> {
  const field = profileFields(profile.kind).find((f) => f.name === name);
  if (!field) return;
  const answer = await askOptionValue(field, profile[name]);
  if (answer === undefined) return;
  const list = deps.settings.editableProviders();
  const index = list.findIndex((p) => !!p && typeof p === 'object' && (p as { id?: unknown }).id === profile.id);
  const entry = list[index] as Record<string, unknown> | undefined;
  if (!entry) return;
  if (answer === 'unset') delete entry[name];
  else entry[name] = answer.value;
  await writeIfValid(deps, list, index);
}

async function runTest(deps: CommandDeps, profile: ProviderProfile): Promise<void> {
  if (!deps.createProvider) {
    vscode.window.showWarningMessage(vscode.l10n.t('Testing needs the provider layer, which is not available in this build.'));
    return;
  }
  if (!(await deps.source.ensureReady(profile))) return;
  const create = deps.createProvider;
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Testing {0}…', displayName(profile)), cancellable: true },
    (_progress, token) => {
      const controller = new AbortController();
      token.onCancellationRequested(() => controller.abort());
      return testProfile(create, profile, deps.source.deps(), controller.signal);
    },
  );
  const text = deps.log.redact(result.error ? formatErrorText(result.error, userLanguage()) : result.text);
  deps.log.info(`test ${profile.id}: ${result.ok ? 'ok' : 'failed'} in ${result.totalMs} ms`);
  if (result.ok) {
    vscode.window.showInformationMessage(
      vscode.l10n.t('{0} answered in {1} ms (first token after {2} ms): "{3}"', displayName(profile), result.totalMs, result.firstTokenMs ?? result.totalMs, text),
    );
  } else {
    vscode.window.showErrorMessage(vscode.l10n.t('{0} failed after {1} ms: {2}', displayName(profile), result.totalMs, text));
  }
}

async function removeProfile(deps: CommandDeps, profile: ProviderProfile): Promise<boolean> {
  const remove = vscode.l10n.t('Remove');
  const choice = await vscode.window.showWarningMessage(
    vscode.l10n.t('Remove the profile "{0}" and its stored API key?', displayName(profile)),
    { modal: true },
    remove,
  );
  if (choice !== remove) return false;
  const list = deps.settings.editableProviders().filter((p) => !(p && typeof p === 'object' && (p as { id?: unknown }).id === profile.id));
  await deps.settings.writeProviders(list);
  await deps.keys.clear(profile.id);
  deps.log.info(`profile ${profile.id} removed`);
  return true;
}

type Action = 'label' | 'baseUrl' | 'model' | 'instanceId' | 'systemPrompt' | 'contextWindow' | 'options' | 'key' | 'test' | 'activate' | 'remove';

async function editProfile(deps: CommandDeps, profileId: string): Promise<void> {
  for (;;) {
    const profile = deps.source.list().find((p) => p.id === profileId);
    if (!profile) return;
    const items: PickItem<Action>[] = [
      { label: `$(beaker) ${vscode.l10n.t('Test')}`, detail: vscode.l10n.t('Send a one-line prompt and show the reply and the latency'), value: 'test' },
      { label: `$(check) ${vscode.l10n.t('Make Active')}`, value: 'activate' },
      { label: vscode.l10n.t('Edit'), kind: vscode.QuickPickItemKind.Separator },
      { label: vscode.l10n.t('Label'), description: profile.label ?? '', value: 'label' },
      { label: vscode.l10n.t('Base URL'), description: profile.baseUrl ?? vscode.l10n.t('default'), value: 'baseUrl' },
      ...(profile.kind !== 'emma' ? [{ label: vscode.l10n.t('Model'), description: profile.model ?? '', value: 'model' as const }] : []),
      ...(profile.kind === 'secondme' ? [{ label: vscode.l10n.t('Instance id'), description: profile.instanceId ?? '', value: 'instanceId' as const }] : []),
      {
        label: vscode.l10n.t('System Prompt'),
        description: profile.systemPrompt?.trim() ? profile.systemPrompt.trim().replace(/\s+/g, ' ').slice(0, 60) : vscode.l10n.t('none'),
        value: 'systemPrompt',
      },
      ...(profile.kind !== 'emma'
        ? [{
            label: vscode.l10n.t('Context Window (tokens)'),
            description: profile.contextWindow !== undefined ? String(profile.contextWindow) : vscode.l10n.t('default ({0})', contextWindowOf(profile)),
            value: 'contextWindow' as const,
          }]
        : []),
      { label: vscode.l10n.t('Options…'), value: 'options' },
      ...(needsApiKey(profile) ? [{ label: `$(key) ${vscode.l10n.t('Set API Key')}`, value: 'key' as const }] : []),
      { label: '', kind: vscode.QuickPickItemKind.Separator },
      { label: `$(trash) ${vscode.l10n.t('Remove')}`, value: 'remove' },
    ];
    const action = await pick(items, vscode.l10n.t('Provider {0} ({1})', displayName(profile), profile.kind));
    switch (action) {
      case undefined:
        return;
      case 'label':
      case 'baseUrl':
      case 'model':
      case 'instanceId':
        await editText(deps, profile.id, action, textOf(profile, action));
        break;
      case 'systemPrompt':
      case 'contextWindow':
        await editProfileField(deps, profile, action);
        break;
      case 'options':
        await editOptions(deps, profile);
        break;
      case 'key':
        await vscode.commands.executeCommand('parley.setApiKey', profile.id);
        break;
      case 'test':
        await runTest(deps, profile);
        break;
      case 'activate':
        await deps.source.setActive(profile.id);
        return;
      case 'remove':
        if (await removeProfile(deps, profile)) return;
        break;
    }
  }
}

function describeFound(found: 'object' | 'string' | 'number' | 'boolean'): string {
  switch (found) {
    case 'object':
      return vscode.l10n.t('an object');
    case 'string':
      return vscode.l10n.t('a string');
    case 'number':
      return vscode.l10n.t('a number');
    case 'boolean':
      return vscode.l10n.t('true or false');
  }
}

/**
 * Manage Providers writes the user's whole `parley.providers` back. When that
 * value is not a list it refuses (nothing it could write would keep it); when
 * some entries cannot be read it asks first (they are kept as they are).
 */
async function mayWriteProviders(): Promise<boolean> {
  const check = checkProvidersWrite(vscode.workspace.getConfiguration('parley').inspect<unknown>('providers')?.globalValue);
  if (check.kind === 'ok') return true;
  const openSettings = vscode.l10n.t('Open Settings');
  if (check.kind === 'notAList') {
    const choice = await vscode.window.showErrorMessage(
      vscode.l10n.t(
        'Manage Providers cannot change parley.providers in your user settings: it is {0}, not a list of profiles. Parley leaves it as it is; fix it in settings.json (e.g. put the profile in [ ]).',
        describeFound(check.found),
      ),
      openSettings,
    );
    if (choice === openSettings) await vscode.commands.executeCommand('workbench.action.openSettingsJson');
    return false;
  }
  const proceed = vscode.l10n.t('Continue');
  const choice = await vscode.window.showWarningMessage(
    vscode.l10n.t('parley.providers in your user settings has entries Parley cannot read.'),
    {
      modal: true,
      detail: vscode.l10n.t(
        '{0} problem(s), first: {1}. Changes made here keep those entries exactly as they are. Continue, or fix them in settings.json first?',
        check.problems.length,
        check.problems[0] ?? '',
      ),
    },
    proceed,
    openSettings,
  );
  if (choice === openSettings) await vscode.commands.executeCommand('workbench.action.openSettingsJson');
  return choice === proceed;
}

/** Manage Providers: pick a profile to edit, test or remove, or add one. Also run by the chat view's setup buttons. */
export async function manageProviders(deps: CommandDeps): Promise<void> {
  if (!(await mayWriteProviders())) return;
  const active = deps.source.active();
  const choice = await pick<string>(
    [
      ...deps.source.list().map((p) => ({
        label: `${p.id === active?.id ? '$(check) ' : ''}${displayName(p)}`,
        description: `${p.id} · ${p.kind}`,
        value: p.id,
      })),
      { label: '', kind: vscode.QuickPickItemKind.Separator },
      { label: `$(add) ${vscode.l10n.t('Add Provider…')}`, value: '\u0000add' },
      { label: `$(json) ${vscode.l10n.t('Open settings.json')}`, value: '\u0000json' },
    ],
    vscode.l10n.t('Manage Providers'),
    vscode.l10n.t('Choose a profile to edit, test or remove'),
  );
  if (choice === undefined) return;
  if (choice === '\u0000add') return addProfile(deps);
  if (choice === '\u0000json') {
    await vscode.commands.executeCommand('workbench.action.openSettingsJson');
    return;
  }
  return editProfile(deps, choice);
}

export function registerManageProviders(deps: CommandDeps): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand('parley.manageProviders', () => manageProviders(deps)),
  ];
}
