/** The only credentials the test server accepts (built into s3rver). */
export declare const testS3Credentials: { readonly accessKeyId: 'S3RVER'; readonly secretAccessKey: 'S3RVER' };

/** A running test S3 server and the folder it keeps objects in. */
export interface TestS3Server {
  endpoint: string;
  bucket: string;
  /** Where s3rver writes objects: `<directory>/<bucket>/<key>._S3rver_object`. */
  directory: string;
  close(): Promise<void>;
}

/** Starts a fresh server with one empty bucket on a free port of 127.0.0.1. */
export declare function startTestS3Server(bucket?: string): Promise<TestS3Server>;
