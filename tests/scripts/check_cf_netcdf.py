"""Reads an `xmw upscale` file with netCDF4 (an independent CF reader) and checks it against the
TEM-MDM file it came from.

Usage: check_cf_netcdf.py UPSCALED.nc TEM_MDM_EMISSION.nc LAT LON
- lat/lon are cell centres inside their bounds, the bounds tile the globe without gaps, time has
  daily bounds on a noleap calendar, the data variables carry units, standard_name, long_name,
  cell_methods and _FillValue;
- the cell that contains (LAT, LON) by the bounds holds, on 15 July, TEM-MDM's value of the cell
  that contains it in the source file (its own coordinates), converted from mg CH4 m-2 d-1.
"""
import sys

import netCDF4
import numpy as np

MG_PER_DAY_PER_NMOL_PER_SECOND = 1.3863  # 16.04 ng nmol-1 × 86 400 s d-1 / 1e6


def fail(message):
    sys.exit(f"{sys.argv[1]}: {message}")


def containing(bounds, value):
    inside = np.nonzero((bounds[:, 0] <= value) & (value < bounds[:, 1]))[0]
    if len(inside) != 1:
        fail(f"{value} is in {len(inside)} cells by the bounds")
    return int(inside[0])


upscaled, source, lat, lon = sys.argv[1], sys.argv[2], float(sys.argv[3]), float(sys.argv[4])
f = netCDF4.Dataset(upscaled)
if f.Conventions != "CF-1.8":
    fail(f"Conventions is {f.Conventions!r}")
lats, lons = f["lat"][:], f["lon"][:]
lat_b, lon_b = f["lat_bnds"][:], f["lon_bnds"][:]
for name, centres, b, low, high in (("lat", lats, lat_b, -90, 90), ("lon", lons, lon_b, -180, 180)):
    if f[name].bounds != name + "_bnds":
        fail(f"{name} has no bounds attribute")
    if not np.allclose(centres, b.mean(axis=1)):
        fail(f"{name} values are not the centres of their bounds")
    if not (np.isclose(b[0, 0], low) and np.isclose(b[-1, 1], high) and np.allclose(b[1:, 0], b[:-1, 1])):
        fail(f"{name} bounds do not tile {low}…{high}: {b[0]} … {b[-1]}")
time = f["time"]
if time.calendar != "noleap" or time.bounds != "time_bnds" or len(time) != 365:
    fail("time is not 365 noleap days with bounds")
if not np.allclose(f["time_bnds"][:, 1] - f["time_bnds"][:, 0], 1.0):
    fail("time bounds are not one day wide")
for name in ("CH4_prediction", "CH4_emission_TEM_MDM"):
    v = f[name]
    for attribute in ("units", "standard_name", "long_name", "cell_methods", "_FillValue"):
        if attribute not in v.ncattrs():
            fail(f"{name} has no {attribute}")
    if v.dimensions != ("time", "lat", "lon"):
        fail(f"{name} has dimensions {v.dimensions}")

row, col = containing(lat_b, lat), containing(lon_b, lon)
day = 195  # 15 July in a noleap year, counted from 0
ours = float(f["CH4_emission_TEM_MDM"][day, row, col])

s = netCDF4.Dataset(source)
s_lat, s_lon = s["lat"][:], s["lon"][:]
half_lat, half_lon = abs(s_lat[1] - s_lat[0]) / 2, abs(s_lon[1] - s_lon[0]) / 2
s_row = int(np.argmin(np.abs(s_lat - lat)))
s_col = int(np.argmin(np.abs(s_lon - lon)))
if abs(s_lat[s_row] - lat) > half_lat + 1e-9 or abs(s_lon[s_col] - lon) > half_lon + 1e-9:
    fail("the source has no cell containing the location")
theirs = float(s["CH4_emission"][s_row, s_col, 6, 14]) / MG_PER_DAY_PER_NMOL_PER_SECOND  # (lat, lon, month, day)
if not np.isfinite(ours) or not np.isclose(ours, theirs, rtol=1e-4):
    fail(f"TEM-MDM at ({lat}, {lon}) on 15 July: {ours} in the file, {theirs} in the source")
if abs(lats[row] - s_lat[s_row]) > 1e-6 or abs(lons[col] - s_lon[s_col]) > 1e-6:
    fail(f"cell centres differ: ({lats[row]}, {lons[col]}) against the source's ({s_lat[s_row]}, {s_lon[s_col]})")
print(f"cell ({lats[row]:g}, {lons[col]:g}) holds {ours:.5g} nmol m-2 s-1 on 15 July, as TEM-MDM")
