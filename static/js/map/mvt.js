// A reader of the point layers of Mapbox Vector Tiles (spec 2.1), as /tiles/practices/ sends
// them: only what the case layer needs (points and their properties), so no library. A tile is
// a protocol-buffers message: layers (field 3) of features (2) with keys (3), values (4) and
// an extent (5); a feature has an id (1), packed tags (2), a type (3) and packed geometry (4).

class Reader {
  constructor(bytes, start = 0, end = bytes.length) {
    this.bytes = bytes;
    this.pos = start;
    this.end = end;
  }

  varint() {
    let result = 0;
    let shift = 1;
    for (;;) {
      const byte = this.bytes[this.pos++];
      result += (byte & 0x7f) * shift; // multiplication: values may pass 2^31
      if (byte < 0x80) return result;
      shift *= 128;
    }
  }

  // [field number, wire type]
  tag() {
    const key = this.varint();
    return [Math.floor(key / 8), key & 7];
  }

  sub() {
    const length = this.varint();
    const reader = new Reader(this.bytes, this.pos, this.pos + length);
    this.pos += length;
    return reader;
  }

  skip(type) {
    if (type === 0) this.varint();
    else if (type === 1) this.pos += 8;
    else if (type === 2) {
      const length = this.varint(); // read first: it moves the position
      this.pos += length;
    }
    else if (type === 5) this.pos += 4;
    else throw new Error(`Unknown protocol-buffers wire type ${type}`);
  }

  string() {
    const sub = this.sub();
    return new TextDecoder().decode(this.bytes.subarray(sub.pos, sub.end));
  }

  packed() {
    const sub = this.sub();
    const values = [];
    while (sub.pos < sub.end) values.push(sub.varint());
    return values;
  }
}

const zigzag = (n) => (n % 2 ? -(n + 1) / 2 : n / 2);

function readValue(reader) {
  let value = null;
  while (reader.pos < reader.end) {
    const [field, type] = reader.tag();
    const view = new DataView(reader.bytes.buffer, reader.bytes.byteOffset + reader.pos);
    if (field === 1) value = reader.string();
    else if (field === 2) { value = view.getFloat32(0, true); reader.pos += 4; }
    else if (field === 3) { value = view.getFloat64(0, true); reader.pos += 8; }
    else if (field === 4 || field === 5) value = reader.varint();
    else if (field === 6) value = zigzag(reader.varint());
    else if (field === 7) value = Boolean(reader.varint());
    else reader.skip(type);
  }
  return value;
}

// The points of a geometry: MoveTo commands (id 1) with zigzag-encoded deltas.
function points(geometry) {
  const found = [];
  let x = 0;
  let y = 0;
  for (let i = 0; i < geometry.length;) {
    const command = geometry[i++];
    const count = command >> 3;
    for (let n = 0; n < count; n += 1) {
      if ((command & 7) === 7) break; // ClosePath has no parameters
      x += zigzag(geometry[i++]);
      y += zigzag(geometry[i++]);
      if ((command & 7) === 1) found.push([x, y]);
    }
  }
  return found;
}

function readLayer(reader) {
  const layer = { name: "", extent: 4096, keys: [], values: [], raw: [] };
  while (reader.pos < reader.end) {
    const [field, type] = reader.tag();
    if (field === 1) layer.name = reader.string();
    else if (field === 2) layer.raw.push(reader.sub());
    else if (field === 3) layer.keys.push(reader.string());
    else if (field === 4) layer.values.push(readValue(reader.sub()));
    else if (field === 5) layer.extent = reader.varint();
    else reader.skip(type);
  }
  const features = [];
  for (const sub of layer.raw) {
    let tags = [];
    let geometry = [];
    let type = 0;
    while (sub.pos < sub.end) {
      const [field, wire] = sub.tag();
      if (field === 2) tags = sub.packed();
      else if (field === 3) type = sub.varint();
      else if (field === 4) geometry = sub.packed();
      else sub.skip(wire);
    }
    if (type !== 1) continue; // points only
    const properties = {};
    for (let i = 0; i + 1 < tags.length; i += 2) properties[layer.keys[tags[i]]] = layer.values[tags[i + 1]];
    for (const point of points(geometry)) features.push({ x: point[0], y: point[1], properties });
  }
  return { name: layer.name, extent: layer.extent, features };
}

// {layer name: {extent, features: [{x, y, properties}]}} of a tile's bytes (an ArrayBuffer).
export function readTile(buffer) {
  const reader = new Reader(new Uint8Array(buffer));
  const layers = {};
  while (reader.pos < reader.end) {
    const [field, type] = reader.tag();
    if (field === 3) {
      const layer = readLayer(reader.sub());
      layers[layer.name] = layer;
    } else reader.skip(type);
  }
  return layers;
}
