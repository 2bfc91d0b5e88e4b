// The map: Natural Earth country shapes (vendored TopoJSON, no tile server), countries and
// cities where actors operate, are based or struck, and corridors written "from X to Y to Z".
import { api, actorHref, articleHref, el, header, showError } from "./common.js";

header("map");
const main = document.getElementById("main");
const params = new URLSearchParams(location.search);
const actor = params.get("actor");
// Relations reviewers rejected draw nothing unless asked (`?rejected=1`); then they are drawn, marked rejected.
const showRejected = params.get("rejected") === "1";
const title = el("h1", { text: "Map" });
const toggled = new URLSearchParams(params);
if (showRejected) toggled.delete("rejected"); else toggled.set("rejected", "1");
const rejectedToggle = el("a", { class: "button", id: "rejected-toggle", href: `/map${String(toggled) ? `?${toggled}` : ""}`,
  text: showRejected ? "Hide rejected" : "Show rejected" });
const status = el("p", { class: "muted", id: "map-status" });
const mapBox = el("div", { id: "map", class: "map" });
const list = el("section", { class: "places" });
main.replaceChildren(title, el("p", { class: "actions" }, rejectedToggle), status, el("div", { class: "map-layout" }, mapBox, list));
const L = window.L;
const HOW_COLORS = { operates_in: "#2563eb", based_in: "#15803d", targeted: "#dc2626", event: "#ea580c" };
const labelled = [];  // [marker, weight]: labels drawn busiest first, the ones they would cover hidden
const kindOf = (how) => (how && how.startsWith("event") ? "event" : how);

// Rings that cross the antimeridian (Russia's far east, Fiji) jump from +180 to -180 and would be
// drawn as bands across the world; shift the points after a jump by 360 degrees instead.
function unwrapRing(ring) {
  let shift = 0;
  return ring.map(([lon, lat], i) => {
    if (i > 0) {
      const prev = ring[i - 1][0];
      if (lon - prev > 180) shift -= 360;
      else if (prev - lon > 180) shift += 360;
    }
    return [lon + shift, lat];
  });
}

function unwrapFeature(f) {
  const g = f.geometry;
  if (!g) return f;
  const coordinates = g.type === "Polygon" ? g.coordinates.map(unwrapRing)
    : g.type === "MultiPolygon" ? g.coordinates.map((poly) => poly.map(unwrapRing)) : g.coordinates;
  return { ...f, geometry: { ...g, coordinates } };
}

function colorOf(place) {
  if (place.links.length && place.links.every(rejected)) return "#9ca3af";  // drawn only with the filter: grey
  return HOW_COLORS[kindOf((place.links[0] || {}).how)] || "#6b7280";
}

const rejected = (link) => link.review === "rejected";

// One link of a place: how it is tied to the actor and by how many sources, marked when rejected.
function linkText(l) {
  return el("span", { class: rejected(l) ? "link is-rejected" : "link" }, `${l.how.replaceAll("_", " ")} (${l.count})`,
    rejected(l) ? " " : "", rejected(l) ? el("span", { class: "badge review-rejected", text: "rejected" }) : "");
}

try {
  const [world, data] = await Promise.all([
    fetch("/static/vendor/world-atlas/countries-50m.json").then((r) => r.json()),
    api(`/api/map?${new URLSearchParams({ ...(actor ? { actor } : {}), ...(showRejected ? { rejected: "1" } : {}) })}`),
  ]);
  if (actor) {
    const profile = await api(`/api/actors/${encodeURIComponent(actor)}`);
    title.replaceChildren("Map of ", el("a", { href: actorHref(actor), text: profile.actor.name }));
  }
  const map = L.map(mapBox, { worldCopyJump: true, attributionControl: true, zoomSnap: 0.5 });
  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution("Natural Earth (world-atlas)");
  map.attributionControl.addAttribution("places: GeoNames (CC BY 4.0), airportsdata (MIT)");
  const countries = window.topojson.feature(world, world.objects.countries);
  countries.features = countries.features.filter((f) => f.id !== "010").map(unwrapFeature);  // no Antarctica
  const wanted = new Map(data.places.filter((p) => p.iso).map((p) => [p.iso, p]));
  const shapes = new Map();
  L.geoJSON(countries, {
    style: (f) => wanted.has(f.id)
      ? { color: "#374151", weight: 1, fillColor: colorOf(wanted.get(f.id)), fillOpacity: 0.35 }
      : { color: "#9ca3af", weight: 0.5, fillColor: "#f3f4f6", fillOpacity: 1 },
    onEachFeature: (f, layer) => { if (wanted.has(f.id)) shapes.set(f.id, layer); },
  }).addTo(map);

  const positions = new Map();
  const markers = L.featureGroup().addTo(map);
  for (const place of data.places) {
    let at = null;
    if (place.lat !== undefined) at = L.latLng(place.lat, place.lon);
    else if (shapes.has(place.iso)) {
      // the centre of the country's largest polygon (not of the bounds: islands and overseas parts)
      const layer = shapes.get(place.iso);
      let best = null, bestArea = -1;
      layer.eachLayer ? layer.eachLayer((l) => consider(l)) : consider(layer);
      function consider(l) {
        const parts = l.getLatLngs ? l.getLatLngs() : [];
        const polys = Array.isArray(parts[0]) && Array.isArray(parts[0][0]) ? parts : [parts];
        for (const poly of polys) {
          const b = L.latLngBounds(poly[0] || poly);
          const area = (b.getNorth() - b.getSouth()) * (b.getEast() - b.getWest());
          if (area > bestArea) { bestArea = area; best = b.getCenter(); }
        }
      }
      at = best;
    }
    if (!at) continue;
    positions.set(place.id, at);
    const label = el("span", { class: "place-label", text: place.name });
    const popup = el("div", {}, el("strong", {}, el("a", { href: actorHref(place.id), text: place.name })),
      el("ul", {}, place.links.map((l) => el("li", {}, linkText(l)))));
    const area = place.kind === "region" || place.kind === "continent" || place.kind === "area";
    const marker = L.circleMarker(at, { radius: place.type === "country" ? 5 : 7, color: colorOf(place), weight: 2,
      fillOpacity: area ? 0.3 : 0.8, dashArray: area ? "3 3" : null })
      .bindTooltip(label, { permanent: true, direction: "right", className: "place-tooltip" })
      .bindPopup(popup);
    marker.addTo(markers);
    labelled.push([marker, place.links.reduce((n, l) => n + l.count, 0)]);
  }
  const lines = L.featureGroup().addTo(map);
  for (const c of data.corridors) {
    const points = c.places.map((p) => positions.get(p)).filter(Boolean);
    if (points.length < 2) continue;
    L.polyline(points, { color: "#111827", weight: 3, dashArray: "6 4", className: "corridor" })
      .bindTooltip(el("span", { text: `“${c.text}”` }), { sticky: true })
      .addTo(lines);
  }
  // Open on the places shown: their bounds, a margin in pixels for the markers and labels, and no
  // closer than a region's scale when there is one place only.
  if (markers.getLayers().length) {  // labels are drawn to the right of their marker: room for them there
    map.fitBounds(markers.getBounds(), { paddingTopLeft: [40, 40], paddingBottomRight: [130, 40], maxZoom: 7 });
  }
  else map.setView([30, 40], 3);
  labelled.sort((a, b) => b[1] - a[1]);
  declutter();
  map.on("zoomend moveend", declutter);
  const box = (b) => [b.getSouth(), b.getWest(), b.getNorth(), b.getEast()].map((x) => x.toFixed(4)).join(",");
  mapBox.dataset.view = box(map.getBounds());
  if (markers.getLayers().length) mapBox.dataset.placesBounds = box(markers.getBounds());
  map.on("moveend", () => { mapBox.dataset.view = box(map.getBounds()); });
  mapBox.dataset.markers = String(markers.getLayers().length);
  mapBox.dataset.corridors = String(lines.getLayers().length);
  const count = (n, word) => `${n} ${word}${n === 1 ? "" : "s"}`;
  status.textContent = `${count(markers.getLayers().length, "place")}, ${count(lines.getLayers().length, "corridor")}` +
    (data.unplaced.length ? `, ${count(data.unplaced.length, "place")} not in the gazetteer` : "");
  list.replaceChildren(
    el("h2", { text: "Places" }),
    el("ul", { class: "plain" }, data.places.map((p) => el("li", { class: p.links.length && p.links.every(rejected) ? "is-rejected" : null },
      el("span", { class: "dot", dataset: { how: kindOf((p.links[0] || {}).how) || "corridor" } }),
      el("a", { href: actorHref(p.id), text: p.name }), " ",
      el("span", { class: "muted" }, ...(p.links.length ? p.links.flatMap((l, i) => [i ? ", " : "", linkText(l)]) : ["on a corridor"]))))),
    el("h2", { text: "Corridors" }),
    data.corridors.length ? el("ul", { class: "plain" }, data.corridors.map((c) => el("li", {},
      el("q", { text: c.text }), " ", el("a", { href: articleHref(c.article), text: "article" })))) : el("p", { class: "muted", text: "None found." }),
    el("p", { class: "legend small" },
      ...Object.keys(HOW_COLORS).map((how) => el("span", { class: "legend-item" }, el("span", { class: "dot", dataset: { how } }), ` ${how.replaceAll("_", " ")} `))));
} catch (error) { showError(status, error); }

// Hide the labels that would overlap a label already shown (the busier place wins); hidden
// places keep their marker, tooltip on hover and popup. Run after every zoom and move.
function declutter() {
  // the busiest places first: a label goes right of its marker, or left when the right is taken,
  // and is hidden (until a zoom makes room) when both are
  const shown = [];
  let hidden = 0;
  const free = (r) => !shown.some((s) => r.left < s.right + 2 && r.right > s.left - 2 && r.top < s.bottom + 2 && r.bottom > s.top - 2);
  for (const [marker] of labelled) {
    const tooltip = marker.getTooltip();
    const tip = tooltip && tooltip.getElement();
    if (!tip) continue;
    tip.classList.remove("label-hidden");
    let placed = null;
    for (const side of ["right", "left"]) {
      if (tooltip.options.direction !== side) { tooltip.options.direction = side; tooltip.update(); }
      const r = tip.getBoundingClientRect();
      if (free(r)) { placed = r; break; }
    }
    if (placed) shown.push(placed);
    else { tip.classList.add("label-hidden"); hidden += 1; }
  }
  mapBox.dataset.labelsShown = String(shown.length);
  mapBox.dataset.labelsHidden = String(hidden);
}
