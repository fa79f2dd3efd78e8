/** The chart's SVG made self-contained: CSS-variable colours and fonts written onto each element. */
const STILAR = [
  'fill',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'opacity',
  'font-family',
  'font-size',
  'font-weight',
] as const;

export const fristaendeSvg = (svg: SVGSVGElement): string => {
  const kopia = svg.cloneNode(true) as SVGSVGElement;
  const original = [svg, ...svg.querySelectorAll('*')];
  const kopior = [kopia, ...kopia.querySelectorAll('*')];
  original.forEach((el, i) => {
    const stil = getComputedStyle(el);
    const mal = kopior[i] as SVGElement;
    for (const namn of STILAR) mal.style.setProperty(namn, stil.getPropertyValue(namn));
    // Attributes such as fill="var(--mantine-color-blue-8)" mean nothing outside the page:
    // the colour the browser resolved takes their place (or they go, if it has no such style).
    for (const { name, value } of [...mal.attributes]) {
      if (name === 'style' || !value.includes('var(')) continue;
      const losta = stil.getPropertyValue(name);
      if (losta) mal.setAttribute(name, losta);
      else mal.removeAttribute(name);
    }
  });
  const { width, height } = svg.getBoundingClientRect();
  kopia.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  kopia.setAttribute('width', String(Math.round(width)));
  kopia.setAttribute('height', String(Math.round(height)));
  kopia.style.setProperty('background', '#fff');
  return new XMLSerializer().serializeToString(kopia);
};

/** A file name from a heading: "Utfall mot årsmål" → "utfall-mot-arsmal". */
export const filnamn = (rubrik: string): string =>
  rubrik
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

export const laddaNer = (blob: Blob, namn: string) => {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = namn;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
};

/**
 * The SVG drawn onto a white canvas at twice its size, as PNG. The image is read from a data:
 * URL, not a blob: one: the API's Content-Security-Policy (helmet's `img-src 'self' data:`)
 * refuses blob: images, and the download then never came.
 */
export const svgTillPng = async (svgText: string, bredd: number, hojd: number): Promise<Blob> => {
  const bild = new Image();
  bild.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svgText)}`;
  await bild.decode();
  const skala = 2;
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(bredd * skala);
  canvas.height = Math.round(hojd * skala);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('Webbläsaren kan inte rita bilden.');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.drawImage(bild, 0, 0, canvas.width, canvas.height);
  return await new Promise<Blob>((resolve, reject) =>
    canvas.toBlob(
      (b) => (b ? resolve(b) : reject(new Error('Bilden kunde inte skapas.'))),
      'image/png',
    ),
  );
};
