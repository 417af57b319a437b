/**
 * Web mode's app-shell cache, so a reload without network shows the desk (from its IndexedDB
 * cache) instead of the browser's error page. Plain JavaScript: the browser loads this file as
 * it is, from the site root, so its scope is the whole desk.
 *
 * - Pages (navigations): network first, the cached shell when offline. The shell is refreshed on
 *   every online load, so a new build is picked up at once.
 * - The build's assets (`/assets/…`, content-hashed, never changing under one name): cache first,
 *   stored as they are first loaded; the shell's own are fetched at install.
 * - `desk-config.json`: network first, cached copy offline (it says where the API is).
 * - The API and anything cross-origin: never touched. Case data is the sync engine's business
 *   (IndexedDB, outbox), and responses carrying personal data must not sit in a shared cache.
 */
const CACHE = "arbiter-desk-shell-v1";
const SHELL = "/index.html";
const CONFIG = "/desk-config.json";

/** The shell and the assets it names, so the very first offline reload already works. */
async function cacheShell() {
  const cache = await caches.open(CACHE);
  const response = await fetch(SHELL, { cache: "no-cache" });
  if (!response.ok) return;
  const html = await response.clone().text();
  await cache.put(SHELL, response);
  const assets = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]);
  await Promise.all(assets.map((asset) => cache.add(asset).catch(() => undefined)));
}

self.addEventListener("install", (event) => {
  event.waitUntil(cacheShell().then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(keys.filter((key) => key !== CACHE).map((key) => caches.delete(key))),
      )
      .then(() => self.clients.claim()),
  );
});

async function networkFirst(request, cacheKey) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put(cacheKey, response.clone());
    return response;
  } catch (error) {
    const cached = await cache.match(cacheKey, { ignoreVary: true });
    if (cached) return cached;
    throw error;
  }
}

async function cacheFirst(request) {
  const cache = await caches.open(CACHE);
  // The server varies every response on Origin (CORS), and a module script's request carries
  // one while the install's did not: a content-hashed asset is the same bytes either way.
  const cached = await cache.match(request, { ignoreVary: true });
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}

self.addEventListener("fetch", (event) => {
  const { request } = event;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || url.pathname.startsWith("/api/")) return;
  if (request.mode === "navigate") {
    event.respondWith(networkFirst(request, SHELL));
  } else if (url.pathname === CONFIG) {
    event.respondWith(networkFirst(request, CONFIG));
  } else if (url.pathname.startsWith("/assets/")) {
    event.respondWith(cacheFirst(request));
  }
});
