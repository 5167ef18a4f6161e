/**
 * One request as the wire step sends it: everything already resolved by the shared pipeline.
 * @internal
 */
export interface WireRequest {
  readonly method: string;
  /** Absolute URL, query included. */
  readonly url: string;
  /** Request headers, names in lower case. */
  readonly headers: Readonly<Record<string, string>>;
  /** Serialized JSON body. */
  readonly body: string | undefined;
  /** Aborted by the pipeline on timeout, caller abort or a refused body. */
  readonly signal: AbortSignal;
}

/**
 * A response whose headers arrived; the body is still on the wire.
 * @internal
 */
export interface WireResponse {
  readonly status: number;
  /**
   * One response header, or `null`.
   * @param name - header name in lower case
   */
  header(name: string): string | null;
  /** All response headers (built on demand). */
  headers(): Headers;
  /**
   * Reads the (decompressed) body chunk by chunk until its end, or until `sink` returns `false`,
   * which stops reading and releases the stream. Rejects when the exchange fails or is aborted.
   * @param sink - receives each chunk; returns `false` to stop
   */
  read(sink: (chunk: Uint8Array) => boolean): Promise<void>;
  /** Stops reading and releases the stream without reading the rest. */
  cancel(): void;
}

/**
 * The only step that differs between transports: puts one request on the wire and resolves with
 * the response headers. Rejects with the transport's own error (mapped by the pipeline).
 * @internal
 */
export type Wire = (request: WireRequest) => Promise<WireResponse>;
