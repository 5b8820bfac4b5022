#!/usr/bin/env bash
# Install salesboard as a service on a Raspberry Pi running 64-bit Raspberry Pi OS (bookworm or newer).
# Run from a checkout of the project:   sudo systemd/install.sh
# Re-running it updates the installation and keeps /opt/salesboard/config.yaml and var/.
set -euo pipefail

PREFIX=/opt/salesboard
USER_NAME=salesboard
here=$(cd "$(dirname "$0")/.." && pwd)

[ "$(id -u)" -eq 0 ] || { echo "run as root: sudo $0" >&2; exit 1; }
case "$(uname -m)" in
  aarch64|x86_64) ;;
  *) echo "salesboard needs 64-bit Raspberry Pi OS (pygame-ce has no 32-bit ARM wheels); this is $(uname -m)" >&2; exit 1 ;;
esac

apt-get update
# python3-lgpio: gpiozero's pin library on a Pi 5 (no aarch64 wheel on PyPI, so the venv sees
# the system's packages). v4l-utils: cec-ctl, to switch the TV on and off over HDMI-CEC.
apt-get install -y python3 python3-venv python3-pip make
# What pygame-ce's SDL loads at run time: DRM/GBM/EGL for KMSDRM on the console, libgl1 for the
# desktop (Wayland) path.
apt-get install -y libdrm2 libgbm1 libegl1 libgles2 libgl1
apt-get install -y python3-lgpio v4l-utils || echo "note: python3-lgpio/v4l-utils not installed (not a Pi OS?)"

id -u "$USER_NAME" >/dev/null 2>&1 || useradd --system --create-home --home-dir /var/lib/$USER_NAME \
  --shell /usr/sbin/nologin "$USER_NAME"
for g in video render input gpio audio; do
  getent group "$g" >/dev/null && usermod -aG "$g" "$USER_NAME"
done

mkdir -p "$PREFIX"
# Copy the code; keep the admin's config.yaml and the cached data if they exist.
tar -C "$here" --exclude=.git --exclude=.venv --exclude=var --exclude=config.yaml -cf - . | tar -C "$PREFIX" -xf -
[ -f "$PREFIX/config.yaml" ] || cp "$here/config.yaml" "$PREFIX/config.yaml"
mkdir -p "$PREFIX/var" /etc/salesboard
[ -f /etc/salesboard/env ] || install -m 600 /dev/null /etc/salesboard/env

python3 -m venv --system-site-packages "$PREFIX/.venv"
"$PREFIX/.venv/bin/python" -m pip install --quiet --disable-pip-version-check "$PREFIX"
"$PREFIX/.venv/bin/salesboard" check --config "$PREFIX/config.yaml" || echo "note: fix the problems above, then: systemctl restart salesboard"
chown -R "$USER_NAME:$USER_NAME" "$PREFIX"

install -m 644 "$PREFIX/systemd/salesboard.service" /etc/systemd/system/salesboard.service
systemctl daemon-reload
# A Pi has no clock battery: make time-sync.target really wait for NTP, or "today" may be wrong at boot.
systemctl enable systemd-time-wait-sync.service 2>/dev/null || echo "note: systemd-time-wait-sync not available"
systemctl enable salesboard
systemctl restart salesboard
echo "salesboard is running. Edit $PREFIX/config.yaml, then: sudo systemctl restart salesboard"
echo "Logs: journalctl -u salesboard -f"
