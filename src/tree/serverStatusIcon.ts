import * as vscode from 'vscode';

/** A codicon per server status, coloured so running, stopped, busy and broken servers stand apart. */
export function serverStatusIcon(status: string | undefined): vscode.ThemeIcon {
  switch (status?.toUpperCase()) {
    case 'ACTIVE':
      return new vscode.ThemeIcon('vm-running', new vscode.ThemeColor('testing.iconPassed'));
    case 'SHUTOFF':
    case 'STOPPED':
    case 'SUSPENDED':
    case 'PAUSED':
    case 'SHELVED':
    case 'SHELVED_OFFLOADED':
      return new vscode.ThemeIcon('vm-outline');
    case 'ERROR':
      return new vscode.ThemeIcon('vm', new vscode.ThemeColor('errorForeground'));
    case 'DELETED':
    case 'SOFT_DELETED':
      return new vscode.ThemeIcon('trash');
    case undefined:
    case '':
      return new vscode.ThemeIcon('vm');
    default:
      // BUILD, REBOOT, RESIZE, MIGRATING and friends: something is in progress.
      return new vscode.ThemeIcon('vm-active');
  }
}
