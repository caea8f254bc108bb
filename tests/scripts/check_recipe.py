#!/usr/bin/env python3
"""An independent cross-check of `xmw samples --recipe x-methanewet`.

It rebuilds the tower samples, the temporal split and the spatial folds from a dataset's own files
by the X-MethaneWet reference's rules (docs/benchmark-recipe.md, the "reference" column), with
NumPy, netCDF4 and the csv module only, and compares them sample by sample with the HDF5 file that
`xmw samples` wrote. It shares no code with the program: a rule broken on either side shows.

Where this program follows our documented deviations rather than the reference, it says so:
  - the tower's cell is the one that contains it (the reference rounds to the nearest cell edge);
  - a site-year is kept whatever the grid holds in the eight cells around the tower (the reference
    also drops it on a gap there, for its hybrid CNN-LSTM's 3 x 3 patches, a model the paper does
    not have);
  - a site-year without a single target value is left out (it has nothing to learn or score);
  - tower columns are found by name (the reference takes them by position).

Usage: check_recipe.py DATASET SAMPLES.h5 SITE_LIST.csv [--spatial FOLD]
Exit status 0 when every sample and role agrees; 1 with the differences listed otherwise.
"""
import argparse
import csv
import math
import os
import sys
from collections import defaultdict

import h5py
import netCDF4
import numpy as np

STATICS = ["clelev", "clfaotxt", "cltveg", "phh2o", "topsoil_bulk_density", "vegetation_type_11",
           "wetlandtype", "climatetype"]
DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]  # 29 February is dropped


def number(text):
    """FLUXNET's missing values: empty, NA or -9999."""
    text = (text or "").strip()
    if text in ("", "NA", "NaN", "nan"):
        return math.nan
    value = float(text)
    return math.nan if value <= -9999 else value


def read_grid(path, name):
    with netCDF4.Dataset(path) as f:
        var = f.variables[name]
        var.set_auto_mask(False)
        data = np.array(var[:], dtype=np.float64)
        fill = getattr(var, "_FillValue", None)
        if fill is not None:
            data[data == fill] = np.nan
        lat = np.array(f.variables["lat"][:], dtype=np.float64)
        lon = np.array(f.variables["lon"][:], dtype=np.float64)
    return data, lat, lon


def year_of_days(block):
    """(…, 12, 31) calendar blocks → (…, 365): each month's real days, 28 for February."""
    return np.concatenate([block[..., m, :DAYS_IN_MONTH[m]] for m in range(12)], axis=-1)


def containing_index(centres, value):
    step = centres[1] - centres[0]
    index = int(math.floor((value - (centres[0] - step / 2)) / step))
    return min(max(index, 0), len(centres) - 1)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("dataset")
    parser.add_argument("samples")
    parser.add_argument("site_list")
    parser.add_argument("--spatial", type=int, default=None, help="the test fold of a spatial split")
    args = parser.parse_args()
    tem = os.path.join(args.dataset, "TEM-MDM")
    towers = os.path.join(args.dataset, "FLUXNET-CH4")

    # The benchmark's codes and folds (the reference's site_wet and folds, which this list equals).
    wetland_code, fold_of = {}, {}
    with open(args.site_list, newline="") as f:
        for row in csv.DictReader(f):
            if row["XMW_WETLAND_TYPE"]:
                wetland_code[row["SITE_ID"]] = int(row["XMW_WETLAND_TYPE"])
            if row["XMW_SPATIAL_FOLD"]:
                fold_of[row["SITE_ID"]] = int(row["XMW_SPATIAL_FOLD"])

    statics = {}
    for name in STATICS:
        statics[name], lat, lon = read_grid(os.path.join(tem, name + ".nc"), name)
    gases = {}
    for key, file in (("ch4", "ch4-1979-2018.txt"), ("co2", "kco21979-2018.txt")):
        gases[key] = {}
        with open(os.path.join(tem, file)) as f:
            for line in f:
                if line.strip():
                    year, value = line.split()
                    gases[key][int(year)] = float(value)

    location = {}
    with open(os.path.join(towers, "FLUXNET_CH4_2024.csv"), newline="") as f:
        for row in csv.DictReader(f):
            location[row["SITE_ID"]] = (float(row["LOCATION_LAT"]), float(row["LOCATION_LONG"]),
                                        number(row["LOCATION_ELEV"]), row["IGBP"].strip())

    # Rows by site and year, 29 February removed first; the merged file's ids are "US.Los".
    rows = defaultdict(list)
    with open(os.path.join(towers, "FLUXNET_T1_DD.csv"), newline="") as f:
        for row in csv.DictReader(f):
            stamp = row["TIMESTAMP"].strip().replace("-", "")
            year, month, day = int(stamp[:4]), int(stamp[4:6]), int(stamp[6:8])
            if month == 2 and day == 29:
                continue
            rows[(row["Site"].replace(".", "-"), year)].append(((month, day), row))

    split_year = {}
    for site in {s for s, _ in rows}:
        years = sorted({y for s, y in rows if s == site})
        split_year[site] = years[(len(years) - 1) * 6 // 7]

    drivers = {}  # year → name → (rows, cols, 365)

    def driver(year, name):
        if year not in drivers:
            drivers[year] = {}
        if name not in drivers[year]:
            if name == "NPP":
                data, _, _ = read_grid(os.path.join(tem, "monthly_NPP_%d.nc" % year), "NPP")
                data = np.nan_to_num(data, nan=0.0)
                data = np.repeat(data[..., np.newaxis], 31, axis=-1)
            else:
                data, _, _ = read_grid(os.path.join(tem, "daily_ecmwf_%s_%d.nc" % (name, year)), name)
            drivers[year][name] = year_of_days(data)
        return drivers[year][name]

    expected = {}  # id → (x, y, role)
    for (site, year), group in sorted(rows.items()):
        if site not in location:
            continue
        la, lo, elevation, igbp = location[site]
        if len(group) != 365 or igbp != "WET":
            continue
        if year not in gases["ch4"] or year not in gases["co2"]:
            continue
        if not os.path.exists(os.path.join(tem, "daily_ecmwf_SOLR_%d.nc" % year)):
            continue
        group.sort(key=lambda item: item[0])
        r, c = containing_index(lat, la), containing_index(lon, lo)
        x = np.full((365, 15), np.nan)
        x[:, 0] = elevation
        for i, name in enumerate(STATICS[1:], start=1):
            x[:, i] = statics[name][r, c]
        if site in wetland_code:
            x[:, 6] = wetland_code[site]
        x[:, 8], x[:, 9] = gases["ch4"][year], gases["co2"][year]
        ta = np.array([number(g["TA_F"]) for _, g in group])
        vpd = np.array([number(g["VPD_F"]) for _, g in group])
        x[:, 10] = [number(g["P_F"]) for _, g in group]
        x[:, 11] = driver(year, "SOLR")[r, c]
        x[:, 12] = ta
        x[:, 13] = 0.6108 * np.exp(17.27 * ta / (ta + 237.3)) * 10 - vpd
        x[:, 14] = driver(year, "NPP")[r, c]

        if np.isnan(x).any():
            continue

        measured = np.array([number(g["FCH4_F"]) for _, g in group])
        filled = np.array([number(g["FCH4_F_ANNOPTLM"]) for _, g in group])
        y = np.where(np.isnan(measured), filled, measured)
        if np.isnan(y).all():
            continue  # our deviation: nothing to learn or score
        if args.spatial is None:
            role = 1 if year > split_year[site] else 0
        else:
            role = 2 if site not in fold_of else (1 if fold_of[site] == args.spatial else 0)
        expected["%s/%d" % (site, year)] = (x, y, role)

    with h5py.File(args.samples, "r") as f:
        ids = [i.decode() if isinstance(i, bytes) else str(i) for i in f["towers/id"][:]]
        xs, ys, roles = f["towers/x"][:], f["towers/y"][:], f["towers/role"][:]

    problems = []
    for missing in sorted(set(expected) - set(ids)):
        problems.append("%s: made by the reference's rules, not by xmw" % missing)
    for extra in sorted(set(ids) - set(expected)):
        problems.append("%s: made by xmw, not by the reference's rules" % extra)
    for k, sample in enumerate(ids):
        if sample not in expected:
            continue
        x, y, role = expected[sample]
        if not np.allclose(xs[k], x, rtol=1e-5, atol=1e-4):
            day, feature = np.argwhere(~np.isclose(xs[k], x, rtol=1e-5, atol=1e-4))[0]
            problems.append("%s: input %s on day %d is %g, expected %g"
                            % (sample, STATICS[feature] if feature < 8 else
                               ["CH4", "CO2", "PREC", "SOLR", "TAIR", "VAPR", "NPP"][feature - 8],
                               day, xs[k][day, feature], x[day, feature]))
        if not np.allclose(ys[k], y, rtol=1e-5, atol=1e-4, equal_nan=True):
            problems.append("%s: the target differs" % sample)
        if int(roles[k]) != role:
            problems.append("%s: role %d, expected %d" % (sample, int(roles[k]), role))

    for line in problems[:40]:
        print(line)
    if problems:
        print("%d differences in %d samples" % (len(problems), len(expected)))
        return 1
    counts = [sum(1 for v in expected.values() if v[2] == r) for r in (0, 1, 2)]
    print("%d samples agree (%d train, %d test, %d unused)" % (len(expected), *counts))
    return 0


if __name__ == "__main__":
    sys.exit(main())
