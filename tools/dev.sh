#!/usr/bin/env bash
# axisview's one entry point for a fresh Debian 12 machine (run as root, or with sudo available):
#   bash tools/dev.sh run    install what is missing, build, run the main job
#   bash tools/dev.sh test   install what is missing, build, run the whole test suite
# Everything comes from Debian packages; nothing is downloaded by the build itself.
set -euo pipefail

cd "$(dirname "$0")/.."
BUILD_DIR=${AXIS_BUILD_DIR:-build}
JOBS=$(nproc)

PACKAGES=(
  cmake g++ pkg-config make
  libvulkan-dev glslc vulkan-validationlayers mesa-vulkan-drivers
  libglfw3-dev libglm-dev libassimp-dev libdraco-dev libimgui-dev libstb-dev
  nlohmann-json3-dev libcli11-dev catch2
  xvfb xauth fonts-noto-cjk
)

install_missing_packages() {
  local missing=()
  for p in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "installing: ${missing[*]}" >&2
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -q
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
}

build() {
  cmake -S . -B "$BUILD_DIR" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DAXIS_BUILD_TESTS=ON
  cmake --build "$BUILD_DIR" -j "$JOBS"
}

run_main() {
  local out=${AXIS_OUT_DIR:-out}
  mkdir -p "$out"
  if [ -f "$BUILD_DIR/demo/central-axis.site.json" ]; then
    "$BUILD_DIR/axisview" "$@"
  else
    # Until the demo site lands: a sample the project generates itself.
    "$BUILD_DIR/axisview" render "$BUILD_DIR/sample/sample.gltf" -o "$out/sample.png" "$@"
  fi
}

run_tests() {
  cd "$BUILD_DIR"
  # Render tests run on lavapipe (Mesa's CPU Vulkan) with the validation layer on.
  ctest --output-on-failure -j "$JOBS" --timeout 900
}

case "${1:-}" in
  run) shift; install_missing_packages; build; run_main "$@" ;;
  test) install_missing_packages; build; run_tests ;;
  *) echo "usage: bash tools/dev.sh run [ARGS...] | test" >&2; exit 2 ;;
esac
