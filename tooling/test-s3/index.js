// Test support: an S3-compatible server in this process on 127.0.0.1 (@20minutes/s3rver), which
// checks SigV4 signatures against its one built-in key pair and refuses any other secret.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from '@20minutes/s3rver';

/** The only credentials the test server accepts (built into s3rver). */
export const testS3Credentials = Object.freeze({ accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' });

/** Starts a fresh server with one empty bucket on a free port of 127.0.0.1. */
export async function startTestS3Server(bucket = 'bayan-test') {
  const directory = mkdtempSync(join(tmpdir(), 'bayan-s3rver-'));
  const server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory, allowMismatchedSignatures: false, configureBuckets: [{ name: bucket }] });
  const { port } = await server.run();
  return {
    endpoint: `http://127.0.0.1:${port}`,
    bucket,
    directory,
    close: async () => {
      await server.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
