// Reading the public API. Errors keep the API's 400 body ({"errors": {param: [messages]}})
// so that the page can say which parameter was refused.
export class ApiError extends Error {
  constructor(status, errors) {
    super(`HTTP ${status}`);
    this.status = status;
    this.errors = errors || {};
  }
}

// A plain GET (no extra headers), so that the map page's <link rel="preload"> of the first
// collection is the same request and the browser reuses it.
async function getJson(url, signal) {
  const response = await fetch(url, { signal });
  if (!response.ok) {
    let errors = null;
    try {
      errors = (await response.json()).errors;
    } catch {
      errors = null;
    }
    throw new ApiError(response.status, errors);
  }
  return response.json();
}

function withQuery(base, params) {
  const query = params.toString().replaceAll("%2C", ",");
  return query ? `${base}?${query}` : base;
}

export function practicesUrl(base, params) {
  return withQuery(base, params);
}

export async function fetchPractices(base, params, signal) {
  const data = await getJson(withQuery(base, params), signal);
  return data.features || [];
}

export async function fetchMunicipalities(base, voivodeships, signal) {
  const params = new URLSearchParams();
  if (voivodeships.length) params.set("voivodeship", voivodeships.join(","));
  const data = await getJson(withQuery(base, params), signal);
  return data;
}
