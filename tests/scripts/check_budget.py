"""Recomputes a dataset's wetland CH4 budget from its files, independently of xmw, and compares it
with `xmw budget --json`.

Usage: check_budget.py XMW DATASET WETLAND_MAP FIRST_YEAR LAST_YEAR
Reads TEM-MDM's daily CH4_emission_intensity_YEAR.nc (lat, lon, month, day; mg CH4 m-2 d-1) and the
wetland map's Fw (time, lat, lon), regrids the map to the dataset's grid by exact spherical overlap,
and sums flux × cell area × wetland fraction over the 365 days of each year (29 February left out)
for the globe and the Global Carbon Project's bands. Exits 1 naming the first total that differs
from xmw's by more than 1e-4 of it; prints "budgets agree" otherwise.
"""
import datetime
import json
import subprocess
import sys

import netCDF4
import numpy as np

R = 6371007.181
BANDS = {"Globe": (-90, 90), "90°S–30°S": (-90, -30), "30°S–30°N": (-30, 30), "30°N–60°N": (30, 60), "60°N–90°N": (60, 90)}


def edges(centres):
    step = centres[1] - centres[0]
    return np.concatenate([centres - step / 2, [centres[-1] + step / 2]])


def overlap_matrix(src_edges, dst_edges, circular):
    """Overlap of every source interval with every target interval (in the edges' own measure)."""
    m = np.zeros((len(src_edges) - 1, len(dst_edges) - 1))
    shifts = (-360.0, 0.0, 360.0) if circular else (0.0,)
    for i in range(len(src_edges) - 1):
        for s in shifts:
            lo = np.maximum(src_edges[i], dst_edges[:-1] + s)
            hi = np.minimum(src_edges[i + 1], dst_edges[1:] + s)
            m[i] += np.clip(hi - lo, 0, None)
    return m


def regrid(fraction, src_lat, src_lon, dst_lat, dst_lon):
    sin_src = np.sin(np.radians(np.clip(edges(src_lat), -90, 90)))
    sin_dst = np.sin(np.radians(np.clip(edges(dst_lat), -90, 90)))
    # Overlap in sin(latitude) is the overlap of the intervals in sin-space (sin is monotonic).
    lat_w = overlap_matrix(sin_src, sin_dst, False)
    lon_w = np.radians(overlap_matrix(edges(src_lon), edges(dst_lon), True))
    area = R * R * lat_w.T @ np.nan_to_num(fraction) @ lon_w
    dst_area = R * R * np.outer(np.diff(sin_dst), np.radians(np.diff(edges(dst_lon))))
    return np.minimum(area / dst_area, 1.0)


def main():
    xmw, dataset, wetland_map, first, last = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5])
    out = subprocess.run([xmw, "budget", dataset, "--wetland-area", wetland_map, "--years", f"{first}-{last}", "--json"],
                         check=True, capture_output=True, text=True).stdout
    ours = {(r["region"], r["year"]): r["tg_ch4"] for r in json.loads(out)["rows"] if r["source"] == "TEM-MDM" and r["month"] == 0}

    with netCDF4.Dataset(wetland_map) as f:
        fw = f.variables["Fw"]
        fw.set_auto_mask(False)
        fill = fw.getncattr("_FillValue")
        src_lat, src_lon = f.variables["lat"][:], f.variables["lon"][:]
        times = netCDF4.num2date(f.variables["time"][:], f.variables["time"].units, f.variables["time"].calendar)
        map_months = {(t.year, t.month): i for i, t in enumerate(times)}
        fields = fw[:].astype(np.float64)
        fields[fields == fill] = np.nan

    checked = 0
    for year in range(first, last + 1):
        with netCDF4.Dataset(f"{dataset}/TEM-MDM/CH4_emission_intensity_{year}.nc") as f:
            v = f.variables["CH4_emission"]
            v.set_auto_mask(False)
            flux = v[:].astype(np.float64)  # lat, lon, month, day
            flux[flux == v.getncattr("_FillValue")] = np.nan
            lat, lon = f.variables["lat"][:], f.variables["lon"][:]
        cell_area = R * R * np.outer(np.diff(np.sin(np.radians(np.clip(edges(lat), -90, 90)))), np.radians(np.diff(edges(lon))))
        totals = {name: 0.0 for name in BANDS}
        for month in range(1, 13):
            days = (datetime.date(year + month // 12, month % 12 + 1, 1) - datetime.date(year, month, 1)).days
            days = min(days, 28) if month == 2 else days
            monthly = np.nansum(flux[:, :, month - 1, :days], axis=2)
            if (year, month) in map_months:
                fraction_src = fields[map_months[(year, month)]]
            else:  # the map's climatology of that month
                fraction_src = np.mean([fields[i] for (y, m), i in map_months.items() if m == month], axis=0)
            fraction = regrid(fraction_src, src_lat, src_lon, lat, lon)
            mg = monthly * cell_area * fraction
            for name, (south, north) in BANDS.items():
                rows = (lat > south) & (lat < north)
                totals[name] += mg[rows].sum() * 1e-15
        for name, total in totals.items():
            theirs = ours.get((name, year))
            if theirs is None or abs(theirs - total) > 1e-4 * abs(total):
                sys.exit(f"{name} {year}: xmw says {theirs} Tg, the files give {total:.6f} Tg")
            checked += 1
        print(f"{year}: globe {totals['Globe']:.3f} Tg CH4")
    print(f"budgets agree: {checked} totals")


main()
