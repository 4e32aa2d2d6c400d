// Each tool has a colour AND a shape, so that no information is carried by colour alone:
// the legend, the filter list and the case list show the same symbol as the markers.
const polygon = (sides, radius, startDegrees) => {
  const points = [];
  for (let i = 0; i < sides; i += 1) {
    const angle = ((startDegrees + (360 / sides) * i) * Math.PI) / 180;
    points.push(`${(10 + radius * Math.cos(angle)).toFixed(2)} ${(10 + radius * Math.sin(angle)).toFixed(2)}`);
  }
  return `M${points.join("L")}Z`;
};

const star = () => {
  const points = [];
  for (let i = 0; i < 10; i += 1) {
    const radius = i % 2 === 0 ? 9 : 3.9;
    const angle = ((-90 + 36 * i) * Math.PI) / 180;
    points.push(`${(10 + radius * Math.cos(angle)).toFixed(2)} ${(10.5 + radius * Math.sin(angle)).toFixed(2)}`);
  }
  return `M${points.join("L")}Z`;
};

const CIRCLE = "M2 10a8 8 0 1 0 16 0a8 8 0 1 0-16 0Z";
export const SHAPES = {
  circle: CIRCLE,
  square: "M3 3H17V17H3Z",
  triangle: "M10 1.5L18.5 17H1.5Z",
  diamond: "M10 1L19 10L10 19L1 10Z",
  star: star(),
  "triangle-down": "M1.5 3H18.5L10 18.5Z",
  hexagon: polygon(6, 8.6, 0),
  pentagon: polygon(5, 9, -90),
  plus: "M7.2 1.5H12.8V7.2H18.5V12.8H12.8V18.5H7.2V12.8H1.5V7.2H7.2Z",
  ring: `${CIRCLE}M6 10a4 4 0 1 0 8 0a4 4 0 1 0-8 0Z`,
};

// The shape of each tool slug (slugs are fixed); a tool added later takes an unused shape.
const BY_TOOL = {
  konsultacje: "circle",
  "budzet-obywatelski": "square",
  "fundusz-solecki": "triangle",
  "inicjatywa-uchwalodawcza": "diamond",
  referendum: "star",
  "mlodziezowa-rada": "triangle-down",
  "rada-seniorow": "hexagon",
  "inicjatywa-lokalna": "pentagon",
  "panel-obywatelski": "plus",
  inne: "ring",
};

export function shapeFor(slug, index = 0) {
  if (BY_TOOL[slug]) return BY_TOOL[slug];
  const names = Object.keys(SHAPES);
  return names[index % names.length];
}

export function safeColor(color) {
  return /^#[0-9a-f]{6}$/i.test(color || "") ? color : "#555555";
}

// The symbol as SVG markup. Only constants and a checked colour go into it.
export function symbolSvg(shape, color, size = 20) {
  const path = SHAPES[shape] || CIRCLE;
  const fill = safeColor(color);
  return (
    `<svg class="tool-symbol" viewBox="-1 -1 22 22" width="${size}" height="${size}" aria-hidden="true" focusable="false">` +
    `<path d="${path}" fill="none" stroke="#1a1a1a" stroke-width="3.2" stroke-linejoin="round" fill-rule="evenodd"/>` +
    `<path d="${path}" fill="${fill}" stroke="#ffffff" stroke-width="1.4" stroke-linejoin="round" fill-rule="evenodd"/>` +
    "</svg>"
  );
}

// The same symbol as a DOM node, for places built with el().
export function symbolNode(shape, color, size = 20) {
  const template = document.createElement("template");
  template.innerHTML = symbolSvg(shape, color, size);
  return template.content.firstElementChild;
}
