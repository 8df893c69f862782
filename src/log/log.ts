import * as vscode from 'vscode';

/** Where the extension writes what it did. Never secrets, never metadata values. */
export interface Log {
  info(msg: string): void;
  error(msg: string): void;
}

/** The one "ECS Metadata" output channel. */
export class OutputChannelLog implements Log, vscode.Disposable {
  private readonly channel: vscode.LogOutputChannel;

  constructor(name: string) {
    this.channel = vscode.window.createOutputChannel(name, { log: true });
  }

  info(msg: string): void {
    this.channel.info(msg);
  }

  error(msg: string): void {
    this.channel.error(msg);
  }

  show(): void {
    this.channel.show(true);
  }

  dispose(): void {
    this.channel.dispose();
  }
}
