/**
 * A throwaway Samba Active Directory domain controller for integration tests: provisioned into a
 * temporary folder, bound to loopback only, run in the foreground (`samba -i -M single`) as the
 * leader of its own process group, and stopped by that group's id.
 *
 * Everything it writes stays in the folder: every path option of smb.conf is set there (and
 * checked with Samba's own loadparm), the clients get the same smb.conf (SMB_CONF_PATH), TMPDIR,
 * a Kerberos cache and config there. One path cannot be set in smb.conf: smbd reaches winbindd
 * through libwbclient, which uses its built-in /run/samba/winbindd unless nss_wrapper (the cwrap
 * library Samba's own selftest runs under) is preloaded; then it honours
 * SELFTEST_WINBINDD_SOCKET_DIR. Hence libnss-wrapper, with a passwd/group file in the folder.
 */
import { spawn, spawnSync, type ChildProcess, type SpawnSyncReturns } from 'node:child_process';
import { mkdirSync, mkdtempSync, openSync, closeSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const PYTHON = '/usr/bin/python3';
export const DC_URL = 'ldap://127.0.0.1';
export const DC_USER = 'Administrator';
/** Meets Samba's default complexity rule; used only for this throwaway domain. */
export const DC_PASSWORD = 'Gpf0rge!throwaway-dc';
const REALM = 'GPFORGE.TEST';
const DOMAIN = 'GPFORGE';
/** Ports the DC needs on 127.0.0.1 (LDAP, SMB, Kerberos, RPC endpoint mapper). */
const PORTS = [389, 445, 88, 135];

/** smb.conf options that name a place on disk: each must lie inside the DC's folder. */
export const PATH_OPTIONS = [
  'private dir',
  'lock directory',
  'state directory',
  'cache directory',
  'pid directory',
  'ncalrpc dir',
  'binddns dir',
  'winbindd socket directory',
  'ntp signd socket directory',
  'log file',
] as const;

/** Why the DC test cannot run here, or undefined when it can. */
export function sambaDcUnavailable(): string | undefined {
  const missing = ['samba', 'samba-tool'].filter((tool) => spawnSync('sh', ['-c', `command -v ${tool}`]).status !== 0);
  if (missing.length > 0) return `Samba AD DC test needs ${missing.join(' and ')}: apt-get install samba samba-ad-dc samba-ad-provision winbind krb5-user python3-samba`;
  if (spawnSync(PYTHON, ['-c', 'import samba.samdb']).status !== 0) return 'Samba AD DC test needs the Python samba module: apt-get install python3-samba';
  const preload = spawnSync('/bin/true', [], { env: { ...process.env, LD_PRELOAD: 'libnss_wrapper.so' }, encoding: 'utf8' });
  if (preload.stderr.includes('cannot be preloaded')) return 'Samba AD DC test needs nss_wrapper (keeps winbindd\'s socket in the test folder): apt-get install libnss-wrapper';
  return undefined;
}

export interface SambaDc {
  readonly dir: string;
  readonly pid: number;
  /** Environment for clients (samba-tool, deploy-samba.sh): this DC's smb.conf, the password, TMPDIR. */
  readonly clientEnv: NodeJS.ProcessEnv;
  /** Effective value of each PATH_OPTIONS option, as Samba's loadparm reads smb.conf. */
  readonly paths: Readonly<Record<string, string>>;
  readonly log: () => string;
  stop(): Promise<void>;
}

/** Provisions and starts a DC; resolves with `skip` (a reason) when this machine cannot host it. */
export async function startSambaDc(): Promise<{ dc: SambaDc } | { skip: string }> {
  const busy = await busyPorts();
  if (busy.length > 0) return { skip: `Samba AD DC test skipped: port ${busy.join(', ')} on 127.0.0.1 is in use` };
  const dir = mkdtempSync(join(tmpdir(), 'gpforge-samba-dc-'));
  const env = dcEnv(dir);
  const provision = run('samba-tool', provisionArgs(dir), env, 120_000);
  if (provision.status !== 0) {
    rmSync(dir, { recursive: true, force: true });
    return { skip: `Samba AD DC test skipped: samba-tool domain provision failed: ${tail(provision)}` };
  }
  const conf = join(dir, 'etc', 'smb.conf');
  const paths = readPathOptions(conf);
  const logFile = join(dir, 'samba.out');
  const out = openSync(logFile, 'w');
  // stdin stays an open pipe: `samba -i` ends at end of input.
  const child = spawn('samba', ['-i', '-M', 'single', '-s', conf], { env, detached: true, stdio: ['pipe', out, out] });
  closeSync(out);
  const dc = managed(child, dir, env, paths, logFile);
  const ready = await waitUntilReady(dc, child, 90_000);
  if (ready !== true) {
    const log = dc.log();
    await dc.stop();
    return { skip: `Samba AD DC test skipped: the DC did not start (${ready}): ${log.slice(-600)}` };
  }
  return { dc };
}

/** Runs a command with the DC's client environment (and `input` on stdin); never throws on a failing exit. */
export function run(command: string, args: readonly string[], env: NodeJS.ProcessEnv, timeout = 60_000, input = ''): SpawnSyncReturns<string> {
  return spawnSync(command, args, { env, input, encoding: 'utf8', timeout, killSignal: 'SIGKILL' });
}

function dcEnv(dir: string): NodeJS.ProcessEnv {
  const passwd = join(dir, 'nss-passwd');
  const group = join(dir, 'nss-group');
  writeFileSync(passwd, 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\n');
  writeFileSync(group, 'root:x:0:\nusers:x:100:\nnogroup:x:65534:\n');
  const tmp = join(dir, 'tmp');
  mkdirSync(tmp);
  writeFileSync(join(dir, 'provision.conf'), '');
  return {
    ...process.env,
    // Provisioning reads this empty file instead of the machine's /etc/samba/smb.conf; afterwards
    // the same variable names the DC's own smb.conf (clientEnv).
    SMB_CONF_PATH: join(dir, 'provision.conf'),
    LD_PRELOAD: 'libnss_wrapper.so',
    NSS_WRAPPER_PASSWD: passwd,
    NSS_WRAPPER_GROUP: group,
    SELFTEST_WINBINDD_SOCKET_DIR: join(dir, 'winbindd'),
    TMPDIR: tmp,
    KRB5CCNAME: `FILE:${join(dir, 'krb5cc')}`,
    KRB5_CONFIG: join(dir, 'private', 'krb5.conf'),
  };
}

function provisionArgs(dir: string): string[] {
  const options = {
    interfaces: 'lo',
    'bind interfaces only': 'yes',
    'disable netbios': 'yes',
    // No DNS server: the tests need none, and port 53 is often taken.
    'server services': '-dns',
    'dns forwarder': '',
    'log file': join(dir, 'log.%m'),
    'pid directory': join(dir, 'run'),
    'ncalrpc dir': join(dir, 'ncalrpc'),
    'winbindd socket directory': join(dir, 'winbindd'),
    'ntp signd socket directory': join(dir, 'ntp_signd'),
  };
  return [
    'domain', 'provision',
    `--realm=${REALM}`, `--domain=${DOMAIN}`, `--adminpass=${DC_PASSWORD}`,
    '--server-role=dc', '--dns-backend=SAMBA_INTERNAL', `--targetdir=${dir}`,
    ...Object.entries(options).map(([name, value]) => `--option=${name}=${value}`),
  ];
}

/** Samba's own reading of every path option (defaults included), via python3-samba's loadparm. */
function readPathOptions(conf: string): Record<string, string> {
  const script = 'import json, sys\nfrom samba.param import LoadParm\nlp = LoadParm()\nlp.load(sys.argv[1])\nprint(json.dumps({n: lp.get(n) for n in sys.argv[2:]}))';
  const result = spawnSync(PYTHON, ['-c', script, conf, ...PATH_OPTIONS], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`reading ${conf} with Samba's loadparm failed: ${result.stderr}`);
  return JSON.parse(result.stdout) as Record<string, string>;
}

/** The DC's handle: stop() ends its whole process group (samba, smbd, winbindd) in every outcome. */
function managed(child: ChildProcess, dir: string, env: NodeJS.ProcessEnv, paths: Record<string, string>, logFile: string): SambaDc {
  const pid = child.pid;
  if (pid === undefined) throw new Error('samba did not start');
  let exited = child.exitCode !== null;
  const exit = new Promise<void>((resolve) => child.once('exit', () => ((exited = true), resolve())));
  // If the test process dies first, the group still goes (synchronously, at exit).
  const killAtExit = () => killGroup(pid, 'SIGKILL');
  process.once('exit', killAtExit);
  const clientEnv = { ...env, SMB_CONF_PATH: join(dir, 'etc', 'smb.conf'), PASSWD: DC_PASSWORD };
  const readLog = () => spawnSync('tail', ['-c', '4000', logFile], { encoding: 'utf8' }).stdout;
  return {
    dir,
    pid,
    clientEnv,
    paths,
    log: readLog,
    async stop() {
      killGroup(pid, 'SIGTERM');
      const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 10_000));
      if (!exited && (await Promise.race([exit, timeout])) === 'timeout') killGroup(pid, 'SIGKILL');
      await waitForGroupGone(pid);
      process.removeListener('exit', killAtExit);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // The group is gone already.
  }
}

/** Waits until no process of the group is left (smbd and winbindd exit after samba), then SIGKILLs stragglers. */
async function waitForGroupGone(pgid: number): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (groupMembers(pgid).length === 0) return;
    if (i === 50) killGroup(pgid, 'SIGKILL');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Process ids of the group, from ps (empty when none is left). */
export function groupMembers(pgid: number): number[] {
  const ps = spawnSync('ps', ['-o', 'pid=', '-g', String(pgid)], { encoding: 'utf8' });
  return ps.stdout.split(/\s+/).filter((s) => s !== '').map(Number);
}

/** Ready when LDAP and SMB (with winbindd behind it) answer: a GPO backup of the default policy works. */
async function waitUntilReady(dc: SambaDc, child: ChildProcess, timeoutMs: number): Promise<true | string> {
  const probe = join(dc.dir, 'probe');
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) return `samba exited (${child.exitCode ?? child.signalCode})`;
    rmSync(probe, { recursive: true, force: true });
    mkdirSync(probe);
    const result = run('samba-tool', ['gpo', 'backup', '{31B2F340-016D-11D2-945F-00C04FB984F9}', '-H', DC_URL, '-U', DC_USER, '--tmpdir', probe], dc.clientEnv, 20_000);
    if (result.status === 0) return true;
    last = tail(result);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return `not ready after ${timeoutMs / 1000} s: ${last}`;
}

async function busyPorts(): Promise<number[]> {
  const open = await Promise.all(PORTS.map((port) => isListening(port)));
  return PORTS.filter((_, i) => open[i]);
}

function isListening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
}

function tail(result: SpawnSyncReturns<string>): string {
  return `${result.stdout ?? ''}${result.stderr ?? ''}${result.error ? String(result.error) : ''}`.trim().slice(-600);
}
