import { randomBytes } from 'node:crypto';

/** A multipart/form-data body as a browser sends it: text fields, then one file (tests, scripts). */
export function multipartBody(
  fields: Record<string, string>,
  file: { name: string; bytes: Buffer; type?: string },
): { body: Buffer; headers: Record<string, string> } {
  const boundary = `----fazhi${randomBytes(8).toString('hex')}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields))
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\n` +
        `Content-Type: ${file.type ?? 'application/octet-stream'}\r\n\r\n`,
    ),
    file.bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  return {
    body: Buffer.concat(parts),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}
