/** A protobuf message decoded without its schema: field number -> raw values, in order. */
export type WireMessage = Map<number, (bigint | Buffer)[]>;

/**
 * Decodes protobuf wire format (varint, 64-bit, length-delimited, 32-bit). Enough to read OTLP
 * export requests in tests without bringing in a protobuf runtime and the OTLP .proto files.
 */
export function decodeWire(buffer: Buffer): WireMessage {
  const fields: WireMessage = new Map();
  let offset = 0;
  const varint = (): bigint => {
    let result = 0n;
    for (let shift = 0n; ; shift += 7n) {
      const byte = buffer[offset++]!;
      result |= BigInt(byte & 0x7f) << shift;
      if (byte < 0x80) return result;
    }
  };
  while (offset < buffer.length) {
    const key = Number(varint());
    const field = key >>> 3;
    let value: bigint | Buffer;
    switch (key & 7) {
      case 0:
        value = varint();
        break;
      case 1:
        value = buffer.subarray(offset, (offset += 8));
        break;
      case 2: {
        const length = Number(varint());
        value = buffer.subarray(offset, (offset += length));
        break;
      }
      case 5:
        value = buffer.subarray(offset, (offset += 4));
        break;
      default:
        throw new Error(`Unsupported protobuf wire type ${key & 7}`);
    }
    fields.set(field, [...(fields.get(field) ?? []), value]);
  }
  return fields;
}

export function messages(message: WireMessage, field: number): WireMessage[] {
  return (message.get(field) ?? []).map((value) => decodeWire(value as Buffer));
}

export function bytes(message: WireMessage, field: number): Buffer | undefined {
  return message.get(field)?.[0] as Buffer | undefined;
}
