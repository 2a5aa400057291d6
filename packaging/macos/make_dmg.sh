#!/usr/bin/env bash
# Sign (optional), package and notarize (optional) the macOS app as a DMG.
#
#   packaging/macos/make_dmg.sh "packaging/out/dist/Movizor Desktop.app" out/Movizor-Desktop-<version>-macos-arm64.dmg
#
# packaging/build.py calls this after PyInstaller. Driven by environment variables:
#   MACOS_SIGN_IDENTITY   "Developer ID Application: Name (TEAMID)" in the keychain → the
#                         app's code is signed inside-out with the hardened runtime and
#                         packaging/macos/entitlements.plist, then the DMG is signed.
#   APPLE_ID, APPLE_TEAM_ID, APPLE_APP_PASSWORD (an app-specific password)
#                         → the signed DMG is notarized (notarytool --wait) and stapled.
# Without them the corresponding step is skipped with a message: the app keeps PyInstaller's
# ad-hoc signature, Gatekeeper blocks its first start, and the DMG carries
# packaging/macos/FIRST-START.txt telling users how to allow it. On macOS 15 (Sequoia) and
# later Control-click > Open no longer does that: the user opens System Settings > Privacy &
# Security and clicks "Open Anyway" (an administrator's password). Keychain "Always allow"
# also resets on every unsigned update.
set -euo pipefail

if [[ $# -ne 2 ]]; then
    echo "usage: $0 <path/to/App.app> <output.dmg>" >&2
    exit 2
fi
APP="$1"
DMG="$2"
HERE="$(cd "$(dirname "$0")" && pwd)"
ENTITLEMENTS="$HERE/entitlements.plist"
VOLUME="Movizor Desktop"

[[ -d "$APP" ]] || { echo "make_dmg.sh: no app bundle at $APP" >&2; exit 1; }
command -v hdiutil >/dev/null || { echo "make_dmg.sh: hdiutil not found (macOS only)" >&2; exit 1; }

sign() {  # sign <path> [entitlements]
    local args=(--force --timestamp --options runtime --sign "$MACOS_SIGN_IDENTITY")
    [[ $# -ge 2 ]] && args+=(--entitlements "$2")
    codesign "${args[@]}" "$1"
}

if [[ -n "${MACOS_SIGN_IDENTITY:-}" ]]; then
    echo "make_dmg.sh: signing with \"$MACOS_SIGN_IDENTITY\" (hardened runtime)"
    CONTENTS="$APP/Contents"
    # 1. every loose Mach-O file (Python extensions, dylibs) outside the nested bundles
    while IFS= read -r -d '' file; do
        if file -b "$file" | grep -q "Mach-O"; then
            sign "$file"
        fi
    done < <(find "$CONTENTS/Frameworks" "$CONTENTS/Resources" -type f \
                 -not -path "*.framework/*" -not -path "*.app/*" -print0)
    # 2. QtWebEngine's helper app: Chromium's renderer needs the JIT entitlements
    while IFS= read -r -d '' helper; do
        sign "$helper/Contents/MacOS/$(basename "$helper" .app)" "$ENTITLEMENTS"
        sign "$helper" "$ENTITLEMENTS"
    done < <(find "$CONTENTS" -type d -name "QtWebEngineProcess.app" -print0)
    # 3. the Qt frameworks, deepest first
    while IFS= read -r -d '' framework; do
        sign "$framework"
    done < <(find "$CONTENTS" -type d -name "*.framework" -print0 | sort -rz)
    # 4. both executables, then the app itself
    for exe in "$CONTENTS/MacOS/"*; do
        sign "$exe" "$ENTITLEMENTS"
    done
    sign "$APP" "$ENTITLEMENTS"
    codesign --verify --strict --deep --verbose=2 "$APP"
    SIGNED=1
else
    echo "make_dmg.sh: MACOS_SIGN_IDENTITY is not set: skipping code signing (the app keeps" \
         "PyInstaller's ad-hoc signature; Gatekeeper blocks the first start until the user" \
         "clicks Open Anyway in System Settings > Privacy & Security)"
    SIGNED=0
fi
NOTARIZED=0
if [[ "$SIGNED" == 1 && -n "${APPLE_ID:-}" && -n "${APPLE_TEAM_ID:-}" \
      && -n "${APPLE_APP_PASSWORD:-}" ]]; then
    NOTARIZED=1
fi

STAGE="$(mktemp -d)"
trap 'rm -rf "$STAGE"' EXIT
ditto "$APP" "$STAGE/$(basename "$APP")"
ln -s /Applications "$STAGE/Applications"
if [[ "$NOTARIZED" == 0 ]]; then
    # Gatekeeper will stop the first start: tell users (in Russian and English) what to do.
    cp "$HERE/FIRST-START.txt" "$STAGE/FIRST-START.txt"
fi
mkdir -p "$(dirname "$DMG")"
rm -f "$DMG"
hdiutil create -volname "$VOLUME" -srcfolder "$STAGE" -fs HFS+ -format UDZO -ov "$DMG"

if [[ "$SIGNED" == 1 ]]; then
    codesign --force --timestamp --sign "$MACOS_SIGN_IDENTITY" "$DMG"
    if [[ "$NOTARIZED" == 1 ]]; then
        echo "make_dmg.sh: notarizing (this waits for Apple's answer)"
        xcrun notarytool submit "$DMG" --apple-id "$APPLE_ID" --team-id "$APPLE_TEAM_ID" \
            --password "$APPLE_APP_PASSWORD" --wait
        xcrun stapler staple "$DMG"
        xcrun stapler validate "$DMG"
    else
        echo "make_dmg.sh: APPLE_ID / APPLE_TEAM_ID / APPLE_APP_PASSWORD not all set:" \
             "skipping notarization (Gatekeeper blocks the first start of a downloaded app;" \
             "FIRST-START.txt in the DMG says how to allow it)"
    fi
else
    echo "make_dmg.sh: skipping notarization too (it needs a signed app)"
fi
echo "make_dmg.sh: wrote $DMG"
