"""Copy the report's JavaScript libraries and country borders into sahel_ner/report/assets/.

The page must open from disk with no network, so the libraries are inlined from
package data. Fetch the npm tarballs once, unpack them side by side, then run:

    npm pack sigma@3.0.3 graphology@0.26.0 leaflet@1.9.4 world-atlas@2.0.2   # in DIR
    for f in DIR/*.tgz; do mkdir -p "${f%.tgz}"; tar xzf "$f" -C "${f%.tgz}"; done
    python scripts/vendor_report_assets.py DIR

The borders are Natural Earth 1:50m countries (world-atlas) decoded from
TopoJSON and trimmed to the countries of West and North Africa, coordinates rounded to 0.01°,
so the page stays small.
"""
from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

ASSETS = Path(__file__).resolve().parent.parent / "sahel_ner" / "report" / "assets"
COUNTRIES = {  # West and North Africa, as world-atlas names them
    "Algeria", "Benin", "Burkina Faso", "Cabo Verde", "Cameroon", "Central African Rep.", "Chad", "Côte d'Ivoire",
    "Egypt", "Gambia", "Ghana", "Guinea", "Guinea-Bissau", "Liberia", "Libya", "Mali", "Mauritania", "Morocco",
    "Niger", "Nigeria", "Senegal", "Sierra Leone", "Sudan", "Togo", "Tunisia", "W. Sahara",
}
FILES = {  # asset name -> (package folder, file inside it)
    "sigma.min.js": ("sigma-3.0.3", "dist/sigma.min.js"),
    "sigma.LICENSE": ("sigma-3.0.3", "LICENSE.txt"),
    "graphology.umd.min.js": ("graphology-0.26.0", "dist/graphology.umd.min.js"),
    "graphology.LICENSE": ("graphology-0.26.0", "LICENSE.txt"),
    "leaflet.js": ("leaflet-1.9.4", "dist/leaflet.js"),
    "leaflet.css": ("leaflet-1.9.4", "dist/leaflet.css"),
    "leaflet.LICENSE": ("leaflet-1.9.4", "LICENSE"),
    "world-atlas.LICENSE": ("world-atlas-2.0.2", "LICENSE"),
}


def decode_topojson(topology: dict, name: str = "countries") -> list[dict]:
    """GeoJSON features of one TopoJSON object (quantized, delta-encoded arcs)."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)

    def ring(indexes: list[int]) -> list[list[float]]:
        out: list[tuple[float, float]] = []
        for i in indexes:
            points = arcs[i] if i >= 0 else arcs[~i][::-1]
            out.extend(points[1:] if out else points)  # consecutive arcs share their end point
        return [[round(x, 2), round(y, 2)] for x, y in out]

    features = []
    for geometry in topology["objects"][name]["geometries"]:
        if geometry["type"] == "Polygon":
            polygons = [geometry["arcs"]]
        elif geometry["type"] == "MultiPolygon":
            polygons = geometry["arcs"]
        else:
            continue
        rings = [[ring(r) for r in polygon] for polygon in polygons]
        features.append({"type": "Feature", "properties": {"name": geometry["properties"]["name"]},
                         "geometry": {"type": "MultiPolygon", "coordinates": rings}})
    return features


def main(npm_dir: str) -> None:
    root = Path(npm_dir)
    for asset, (package, inner) in FILES.items():
        shutil.copyfile(root / package / "package" / inner, ASSETS / asset)
    topology = json.loads((root / "world-atlas-2.0.2" / "package" / "countries-50m.json").read_text())
    features = [f for f in decode_topojson(topology) if f["properties"]["name"] in COUNTRIES]
    borders = {"type": "FeatureCollection", "features": features}
    (ASSETS / "borders.geojson").write_text(json.dumps(borders, separators=(",", ":")), encoding="utf-8")
    print(f"{len(features)} countries ->", ASSETS / "borders.geojson")


if __name__ == "__main__":
    main(sys.argv[1])
