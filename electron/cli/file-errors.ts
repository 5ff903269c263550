/** What went wrong reading a path, in a few words for a one-line message (never a stack trace). */
export function fileErrorText(error: unknown, isWhat = 'a file'): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or folder';
    case 'EISDIR':
      return `is a folder, not ${isWhat}`;
    case 'ENOTDIR':
      return 'a part of the path is not a folder';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    default:
      return (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? 'cannot read it';
  }
}
