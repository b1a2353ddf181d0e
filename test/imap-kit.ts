/**
 * A real IMAP server for the test: Debian's Dovecot (`dovecot-imapd`), started in the foreground
 * with a throwaway configuration, one mailbox user and Maildir storage in a temporary directory,
 * and a test-side imapflow client to put mail in and read flags. `.ci/run` installs the package;
 * scripts/test.mjs leaves this suite out with a notice when it is missing (SIGAP_REQUIRE_IMAP=1
 * makes that a failure).
 */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { connect, createServer, type AddressInfo } from "node:net";
import { tmpdir, userInfo } from "node:os";
import { join } from "node:path";
import { ImapFlow } from "imapflow";

/** Where Debian puts the server. */
export const DOVECOT = process.env["DOVECOT_PATH"] ?? "/usr/sbin/dovecot";

/** The running server with its one mailbox. */
export interface TestImap {
  /** IMAP_URL for a gateway: imap://user:password@127.0.0.1:port/INBOX */
  url: string;
  /** Puts a mail in the INBOX (unseen unless `flags` say otherwise); resolves with its UID. */
  append(raw: string | Buffer, flags?: string[]): Promise<number>;
  /** The flags of a mail by UID. */
  flags(uid: number): Promise<Set<string>>;
  /** Marks a mail unseen again (as a person reading the mailbox might). */
  markUnseen(uid: number): Promise<void>;
  /** Stops the server (the mailbox is down); the mail stays. */
  stop(): Promise<void>;
  /** Starts it again on the same port. */
  start(): Promise<void>;
  close(): Promise<void>;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = connect({ host: "127.0.0.1", port }, () => {
      s.end();
      resolve(true);
    });
    s.on("error", () => resolve(false));
  });
}

/** Starts Dovecot on a free loopback port with a user `desk`; fails with a sentence when it is not installed. */
export async function startTestImap(): Promise<TestImap> {
  if (!existsSync(DOVECOT)) throw new Error(`No Dovecot at ${DOVECOT}: apt-get install dovecot-imapd (or set DOVECOT_PATH).`);
  const dir = mkdtempSync(join(tmpdir(), "sigap-imap-"));
  // Dovecot's own processes run as its unprivileged users when started by root and must reach the mail store.
  chmodSync(dir, 0o755);
  const asRoot = process.getuid?.() === 0;
  const me = userInfo().username;
  const myGroup = asRoot ? "dovecot" : execFileSync("id", ["-gn"]).toString().trim();
  const mailUser = asRoot ? "dovecot" : me;
  const port = await freePort();
  const password = randomBytes(9).toString("hex");
  for (const sub of ["run", "state", "mail"]) mkdirSync(join(dir, sub));
  if (asRoot) {
    const uid = Number(execFileSync("id", ["-u", mailUser]).toString());
    const gid = Number(execFileSync("id", ["-g", mailUser]).toString());
    chownSync(join(dir, "mail"), uid, gid);
  }
  writeFileSync(join(dir, "users"), `desk:{PLAIN}${password}\n`);
  const conf = join(dir, "dovecot.conf");
  writeFileSync(
    conf,
    `base_dir = ${dir}/run
state_dir = ${dir}/state
log_path = ${dir}/dovecot.log
instance_name = sigap-test-${port}
protocols = imap
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
mail_location = maildir:${dir}/mail/%u
default_login_user = ${asRoot ? "dovenull" : me}
default_internal_user = ${asRoot ? "dovecot" : me}
default_internal_group = ${myGroup}
first_valid_uid = 0
service imap-login {
  chroot =
  inet_listener imap {
    address = 127.0.0.1
    port = ${port}
  }
}
service anvil {
  chroot =
}
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u ${dir}/users
}
userdb {
  driver = static
  args = uid=${mailUser} gid=${myGroup} home=${dir}/mail/%u
}
`,
  );
  let proc: ChildProcess | null = null;
  let exited = true;
  const start = async () => {
    const p = spawn(DOVECOT, ["-F", "-c", conf], { stdio: "ignore" });
    proc = p;
    exited = false;
    p.on("exit", () => (exited = true));
    for (let i = 0; i < 100 && !exited && !(await listening(port)); i++) await new Promise((r) => setTimeout(r, 50));
    if (exited || !(await listening(port))) {
      p.kill("SIGKILL");
      throw new Error(`Dovecot did not start on port ${port}; see ${dir}/dovecot.log`);
    }
  };
  const stop = async () => {
    const p = proc;
    proc = null;
    if (!p || exited) return;
    const gone = new Promise((r) => p.once("exit", r));
    p.kill("SIGTERM");
    await gone;
  };
  await start();

  // A connection per operation: the server may be stopped and started by the test in between.
  const inInbox = async <T>(work: (client: ImapFlow) => Promise<T>): Promise<T> => {
    const client = new ImapFlow({ host: "127.0.0.1", port, secure: false, auth: { user: "desk", pass: password }, logger: false });
    await client.connect();
    try {
      const lock = await client.getMailboxLock("INBOX");
      try {
        return await work(client);
      } finally {
        lock.release();
      }
    } finally {
      await client.logout().catch(() => undefined);
    }
  };
  return {
    url: `imap://desk:${password}@127.0.0.1:${port}/INBOX`,
    append: (raw, flags = []) =>
      inInbox(async (client) => {
        const r = await client.append("INBOX", raw, flags);
        if (!r || r.uid === undefined) throw new Error("Dovecot did not take the mail");
        return r.uid;
      }),
    flags: (uid) =>
      inInbox(async (client) => {
        const m = await client.fetchOne(String(uid), { flags: true }, { uid: true });
        return m === false ? new Set<string>() : (m.flags ?? new Set<string>());
      }),
    markUnseen: (uid) =>
      inInbox(async (client) => {
        await client.messageFlagsRemove(String(uid), ["\\Seen"], { uid: true });
      }),
    stop,
    start,
    async close() {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
