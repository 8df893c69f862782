import * as vscode from 'vscode';
import { metadataObjectJson } from '../export/metadataJson';
import { Disposable } from '../lifecycle/disposable';
import { putOwn } from '../metadata/metadataChange';
import { MASKED_VALUE } from '../metadata/valuePreview';
import { onDidChangeSetting, Setting, settings } from '../settings/settings';

/** Not `ecs-metadata`: that scheme is the editable documents' file system, which would shadow these. */
export const METADATA_DOCUMENT_SCHEME = 'ecs-metadata-compare';

/** One side of a comparison: its server's metadata as read, and the other side's, to mark differences. */
interface Side {
  metadata: Record<string, string>;
  other: Record<string, string>;
  /** The other side's name, for a masked value that differs from it. */
  otherName: string;
}

/**
 * Read-only JSON documents of a server's metadata, for the diff editor: the metadata is fixed when
 * the document is made (a comparison shows what was read then) and forgotten when VS Code closes it.
 * While Mask Values is on every value shows as the mask, a value that differs from the other side's
 * marked so (the diff still shows which keys differ, not how); turning it on or off redraws them.
 */
export class MetadataDocuments extends Disposable implements vscode.TextDocumentContentProvider {
  private readonly sides = new Map<string, Side>();
  private readonly changed = this.register(new vscode.EventEmitter<vscode.Uri>());
  readonly onDidChange = this.changed.event;
  private counter = 0;

  constructor() {
    super();
    this.register(vscode.workspace.registerTextDocumentContentProvider(METADATA_DOCUMENT_SCHEME, this));
    this.register(vscode.workspace.onDidCloseTextDocument((doc) => this.sides.delete(doc.uri.toString())));
    this.register(
      onDidChangeSetting([Setting.maskValues], () => {
        for (const uri of this.sides.keys()) this.changed.fire(vscode.Uri.parse(uri));
      }),
    );
    this.register({ dispose: () => this.sides.clear() });
  }

  /** A new document named for the profile and server, holding `side`'s metadata. */
  add(profile: string, serverName: string, side: Side): vscode.Uri {
    const safe = (part: string): string => part.replace(/[/\\?#%]/g, '_');
    const uri = vscode.Uri.from({
      scheme: METADATA_DOCUMENT_SCHEME,
      path: `/${safe(profile)}/${safe(serverName)}.json`,
      query: `v=${++this.counter}`,
    });
    this.sides.set(uri.toString(), side);
    return uri;
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    const side = this.sides.get(uri.toString());
    if (!side) return '';
    return metadataObjectJson(settings.maskValues() ? maskedSide(side) : side.metadata);
  }
}

/** `side`'s metadata with every value masked; one that differs from the other side's says so. */
function maskedSide({ metadata, other, otherName }: Side): Record<string, string> {
  const masked: Record<string, string> = {};
  for (const [key, value] of Object.entries(metadata)) {
    const same = Object.prototype.hasOwnProperty.call(other, key) && other[key] === value;
    putOwn(
      masked,
      key,
      same ? MASKED_VALUE : vscode.l10n.t('{0} (differs from {1})', MASKED_VALUE, otherName),
    );
  }
  return masked;
}
