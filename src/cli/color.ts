/** Colour when standard error is a terminal, unless NO_COLOR or --no-color says otherwise; FORCE_COLOR forces it. */
export function wantColor(stream: NodeJS.WriteStream, flag: boolean, env: NodeJS.ProcessEnv): boolean {
  if (!flag) return false;
  if (env['NO_COLOR'] !== undefined && env['NO_COLOR'] !== '') return false;
  if (env['FORCE_COLOR'] !== undefined && env['FORCE_COLOR'] !== '0') return true;
  return stream.isTTY === true;
}
