import { describe, expect, it } from 'vitest';
import { awsUriEncode, EMPTY_SHA256, sha256Hex, signRequest } from './s3Signature';

describe('signRequest', () => {
  it('matches the GET Object example of the Amazon S3 SigV4 documentation', () => {
    const headers = signRequest(
      { method: 'GET', url: new URL('https://examplebucket.s3.amazonaws.com/test.txt'), headers: { Range: 'bytes=0-9' }, payloadHash: EMPTY_SHA256, date: new Date('2013-05-24T00:00:00Z') },
      { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', region: 'us-east-1' },
    );
    expect(headers.authorization).toBe(
      'AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request,SignedHeaders=host;range;x-amz-content-sha256;x-amz-date,Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41',
    );
    expect(headers).toMatchObject({ 'x-amz-date': '20130524T000000Z', 'x-amz-content-sha256': EMPTY_SHA256, range: 'bytes=0-9' });
  });

  it('sorts the query as the SigV4 test suite expects (get-vanilla-query-order-key-case)', () => {
    const headers = signRequest(
      { method: 'GET', url: new URL('https://example.amazonaws.com/?Param2=value2&Param1=value1'), payloadHash: EMPTY_SHA256, date: new Date('2015-08-30T12:36:00Z'), contentSha256Header: false },
      { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY', region: 'us-east-1', service: 'service' },
    );
    expect(headers.authorization).toBe('AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request,SignedHeaders=host;x-amz-date,Signature=b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500');
  });

  it('changes with the secret', () => {
    const request = { method: 'PUT', url: new URL('http://127.0.0.1:9000/b/k'), payloadHash: sha256Hex('x'), date: new Date('2026-01-01T00:00:00Z') };
    const a = signRequest(request, { accessKeyId: 'k', secretAccessKey: 'one', region: 'us-east-1' });
    const b = signRequest(request, { accessKeyId: 'k', secretAccessKey: 'two', region: 'us-east-1' });
    expect(a.authorization).not.toBe(b.authorization);
  });
});

describe('awsUriEncode', () => {
  it('keeps only unreserved characters (and slashes when asked), UTF-8 percent-encoded in upper case', () => {
    expect(awsUriEncode('a b/é~*')).toBe('a%20b%2F%C3%A9~%2A');
    expect(awsUriEncode('dir/f (1).csv', true)).toBe('dir/f%20%281%29.csv');
  });
});
