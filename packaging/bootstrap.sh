#!/usr/bin/env bash
# X-MethaneWet Explorer on Debian 12, from a fresh clone:
#   packaging/bootstrap.sh run [explorer options]   set up, then open the explorer on the demo dataset
#   packaging/bootstrap.sh test                     set up, then run every test
# and, for CI and for checking reliability work (docs/reliability.md):
#   packaging/bootstrap.sh sanitize                 core, CLI and core tests under ASan + UBSan
#   packaging/bootstrap.sh fuzz [SECONDS]           the fuzz targets, SECONDS each (default 60)
# "Set up" installs the Debian packages the build needs (a quick no-op when all are present),
# configures and builds the release preset, and makes the demo dataset (demo-data/) if it is absent.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
preset=release
build="$root/build/$preset"
demo="$root/demo-data"

# libopenblas0-openmp: LibTorch's matrix products go through libblas.so.3, which is Netlib's
# reference BLAS unless an optimised one is installed (5-10x slower training).
# Real package names only: dpkg-query knows no virtual ones (libqt6svg6-dev is qt6-svg-dev), and
# a virtual name would send every run to apt-get again.
packages=(
    cmake ninja-build g++ pkg-config ccache dpkg-dev file
    qt6-base-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-svg-dev libqt6opengl6-dev
    libqcustomplot-dev libqcustomplot2.1-qt6
    libvtk9-dev libtorch-dev libnetcdf-dev libhdf5-dev netcdf-bin nlohmann-json3-dev libgloo-dev
    libavcodec-dev libavformat-dev libavutil-dev libswscale-dev
    libopenblas0-openmp
    libgl-dev libgl1-mesa-dri xvfb xauth
    python3-h5py python3-netcdf4 hdf5-tools fonts-wqy-microhei
    clang-14 libfuzzer-14-dev clang-format-14
)

# Only for `test`: a one-node Slurm cluster that the sweep test starts itself (tests/slurm/).
test_packages=(slurm-wlm munge)

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }

install_missing_packages() {
    local missing=() p
    for p in "${packages[@]}" "$@"; do
        dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null | grep -qx installed || missing+=("$p")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    say "Installing ${#missing[@]} Debian packages: ${missing[*]}"
    local sudo=()
    [ "$(id -u)" -eq 0 ] || sudo=(sudo)
    "${sudo[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

build() {
    say "Building ($preset)"
    cmake --preset "$preset" >/dev/null
    cmake --build --preset "$preset" --parallel "$(nproc)"
}

# The explorer and the tests need a display: use the user's, else a virtual one.
with_display() {
    if [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; then
        "$@"
    else
        xvfb-run -a -s "-screen 0 1920x1200x24" "$@"
    fi
}

# The real X-MethaneWet data cannot be downloaded here; the demo has the same layout.
make_demo_dataset() {
    [ -d "$demo" ] && return 0
    say "Making the demo dataset in $demo"
    "$build/app/xmw" make-demo --out "$demo"
}

set_up() {
    install_missing_packages
    build
    make_demo_dataset
}

case "${1:-}" in
run)
    shift
    set_up
    if [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; then
        say "Opening X-MethaneWet Explorer"
        exec "$build/app/xmw-explorer" "$demo" "$@"
    fi
    shot="$build/xmw-explorer.png"
    say "No display: rendering the explorer under Xvfb"
    with_display "$build/app/xmw-explorer" "$demo" --screenshot "$shot" --size 1400x900 "$@" >/dev/null
    echo "Screenshot of the explorer: $shot"
    ;;
test)
    install_missing_packages "${test_packages[@]}"
    set_up
    say "Running the tests"
    # Always under Xvfb when it is there, so that GUI tests do not open windows on a desktop.
    cd "$build"
    if command -v xvfb-run >/dev/null; then
        xvfb-run -a -s "-screen 0 1920x1200x24" ctest --output-on-failure --parallel "$(nproc)"
    else
        ctest --output-on-failure --parallel "$(nproc)"
    fi
    ;;
sanitize)
    # g++ with AddressSanitizer + UndefinedBehaviorSanitizer; the test environment (exit status 199
    # on a report, suppressions) comes with the tests (tests/CMakeLists.txt).
    install_missing_packages
    say "Building (sanitize)"
    cmake --preset sanitize >/dev/null
    cmake --build --preset sanitize --parallel "$(nproc)"
    say "Running the core tests under ASan + UBSan"
    cd "$root/build/sanitize"
    # Not test_sweep_cli: its work is `xmw train` processes, which test_cli_runs runs here already,
    # and the sweep's own code is test_sweep's; under ASan it would add minutes to CI for nothing new.
    # Not test_distributed either: a dozen `xmw train` processes talking over Gloo, about a minute
    # without ASan; the training code it goes through runs here in test_training, in one process.
    ctest -L core -E '^(test_sweep_cli|test_distributed)$' --output-on-failure --parallel "$(nproc)"
    ;;
fuzz)
    install_missing_packages
    say "Building (fuzz: clang, libFuzzer, ASan + UBSan)"
    cmake --preset fuzz -DXMW_FUZZ_SECONDS="${2:-60}" >/dev/null
    cmake --build --preset fuzz --parallel "$(nproc)"
    say "Fuzzing each reader for ${2:-60} s"
    cd "$root/build/fuzz"
    status=0
    ctest -L fuzz --output-on-failure --parallel "$(nproc)" || status=$?
    # What each target did (executions, findings), also when it passed.
    grep -hE "^fuzz_[a-z_]+: [0-9]+ executions|^  (crash|leak|timeout|oom)-" Testing/Temporary/LastTest.log || true
    exit "$status"
    ;;
*)
    echo "usage: $0 run [explorer options] | test | sanitize | fuzz [SECONDS]" >&2
    exit 2
    ;;
esac
