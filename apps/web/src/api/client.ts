import { ApiError } from './api-error';
import { forsenadISvar, lasmodellStatus } from './lasmodell-status';
import { sparadToken } from './session';

type Metod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

let vidUtloggning: () => void = () => undefined;

/** The auth context registers what a 401 does (back to the login page). */
export const narTokenUpphor = (handling: () => void): void => {
  vidUtloggning = handling;
};

const skicka = async (
  metod: Metod,
  path: string,
  body?: unknown,
  extra: Record<string, string> = {},
  signal?: AbortSignal,
): Promise<Response> => {
  const token = sparadToken();
  const headers: Record<string, string> = { ...extra };
  if (token) headers.Authorization = `Bearer ${token}`;
  // A form (a file upload) sets its own multipart Content-Type with the boundary.
  const formular = body instanceof FormData;
  if (body !== undefined && !formular) headers['Content-Type'] = 'application/json';
  const response = await fetch(`/api/v1${path}`, {
    method: metod,
    headers,
    body: body === undefined ? undefined : formular ? body : JSON.stringify(body),
    signal,
  });
  // Every read says whether the figures it carries lag behind (the layout shows a notice).
  lasmodellStatus.rapportera(forsenadISvar(metod, response));
  if (response.ok) return response;
  const fel = (await response.json().catch(() => ({}))) as { message?: unknown; details?: unknown };
  if (response.status === 401 && token) vidUtloggning();
  throw new ApiError(
    response.status,
    typeof fel.message === 'string' ? fel.message : `Fel ${response.status}`,
    fel.details,
  );
};

const json = async <T>(
  metod: Metod,
  path: string,
  body?: unknown,
  headers?: Record<string, string>,
  signal?: AbortSignal,
): Promise<T> => {
  const response = await skicka(metod, path, body, headers, signal);
  return response.status === 204 ? (undefined as T) : ((await response.json()) as T);
};

export const api = {
  /** A GET; `signal` cancels it (useHamta aborts the answer no longer wanted). */
  get: <T>(path: string, signal?: AbortSignal) =>
    json<T>('GET', path, undefined, undefined, signal),
  post: <T>(path: string, body?: unknown, headers?: Record<string, string>) =>
    json<T>('POST', path, body ?? {}, headers),
  put: <T>(path: string, body: unknown) => json<T>('PUT', path, body),
  /** A file as multipart/form-data in the field `falt`. */
  skickaFil: <T>(path: string, falt: string, fil: File) => {
    const formular = new FormData();
    formular.append(falt, fil);
    return json<T>('POST', path, formular);
  },
  patch: <T>(path: string, body: unknown, headers?: Record<string, string>) =>
    json<T>('PATCH', path, body, headers),
  delete: <T>(path: string) => json<T>('DELETE', path),
  /** A file answer (`Content-Disposition: attachment`) saved through a Blob URL. */
  laddaNer: async (path: string, reservnamn: string): Promise<void> => {
    const response = await skicka('GET', path);
    const disposition = response.headers.get('Content-Disposition') ?? '';
    const namn = /filename="?([^";]+)"?/.exec(disposition)?.[1] ?? reservnamn;
    const url = URL.createObjectURL(await response.blob());
    const a = document.createElement('a');
    a.href = url;
    a.download = namn;
    document.body.append(a);
    a.click();
    a.remove();
    // Revoke later: some browsers start reading the blob only after click() returns.
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  },
};

export const query = (params: Record<string, string | string[] | boolean | undefined>): string => {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === false || value === '') continue;
    for (const v of Array.isArray(value) ? value : [value]) search.append(key, String(v));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
};
