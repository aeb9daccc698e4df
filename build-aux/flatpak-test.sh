#!/usr/bin/env bash
# build-aux/flatpak-test.sh — build the Flatpak offline and run it, as a user would.
#
# Called by `build-aux/dev.sh flatpak`, which first installs the host's tools.
# The GNOME runtime cannot be downloaded here, so the manifest is built against
# a test runtime made from Debian 12 packages:
#
#   1. root     a debootstrap'd Debian 12 with the build dependencies, kept in
#               _flatpak/debian-root and reused (only missing packages are added)
#   2. runtime  its /usr (with its /etc as /usr/etc) committed with
#               `flatpak build-export --runtime` and installed in a private
#               installation (FLATPAK_USER_DIR=_flatpak/installation) as
#               org.cxplan.TestPlatform//12, used as both runtime and SDK
#   3. build    flatpak-builder on a copy of flatpak/io.github.cxplan.Planner.json
#               in which only runtime, sdk and runtime-version differ
#   4. bundle   flatpak build-bundle, then the bundle installed
#   5. run      under Xvfb, a plan from outside the sandbox opened the way a file
#               manager does (--file-forwarding, through the document portal);
#               the window opens, shows the plan's title, and Save writes the file
#
# Every check prints "ok - WHAT" or "not ok - WHAT"; the last line is
# "flatpak: N passed, N failed", and the exit status is 0 only if none failed.
#
# Environment: CX_DEBIAN_MIRROR overrides the mirror found in /etc/apt.
set -uo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$here"

app_id=io.github.cxplan.Planner
manifest=flatpak/$app_id.json
test_runtime=org.cxplan.TestPlatform
test_branch=12
arch=$(uname -m)

work=$here/_flatpak
root=$work/debian-root
stage=$work/runtime-stage
repo=$work/repo
state=$work/state
builddir=$work/build
bundle=$work/$app_id.flatpak
test_manifest=$work/$app_id.json   # one level down, so the manifest's ".." is still here
export FLATPAK_USER_DIR=$work/installation
mkdir -p "$work" "$FLATPAK_USER_DIR"

# The packages of the test runtime: what dev.sh installs to build the project
# (so that new meson content finds here what it finds on the host), less the
# host's test tools, plus what the GNOME SDK has and flatpak-builder uses.
# dev.sh passes both lists (CX_BUILD_PACKAGES, CX_RUNTIME_PACKAGES).
if [ -z "${CX_BUILD_PACKAGES:-}" ]; then
  echo "$0: run it as build-aux/dev.sh flatpak" >&2
  exit 64
fi
host_only=" xvfb xauth dbus imagemagick valgrind "
runtime_packages=()
for p in $CX_BUILD_PACKAGES; do
  [[ $host_only == *" $p "* ]] || runtime_packages+=("$p")
done
read -r -a extra <<<"${CX_RUNTIME_PACKAGES:-}"
runtime_packages+=("${extra[@]}")

passed=0; failed=0
check () {   # check WHAT COMMAND...: run COMMAND, report it as one check
  local what=$1; shift
  if "$@"; then
    echo "ok - $what"; passed=$((passed + 1))
  else
    echo "not ok - $what"; failed=$((failed + 1))
  fi
}
fail () { echo "not ok - $1"; failed=$((failed + 1)); }

declare -a stage_names=() stage_secs=()
stage_start=0
now_ms () { echo $(( $(date +%s%N) / 1000000 )); }
begin () { echo; echo "== flatpak: $1 =="; stage_start=$(now_ms); stage_names+=("$1"); }
end () { local ms=$(( $(now_ms) - stage_start )); stage_secs+=("$((ms / 1000)).$((ms % 1000 / 100))"); }

finish () {
  echo
  echo "Time by stage:"
  for i in "${!stage_names[@]}"; do
    printf '  %-10s %7s s\n' "${stage_names[$i]}" "${stage_secs[$i]:-?}"
  done
  echo "flatpak: $passed passed, $failed failed"
  [ "$failed" -eq 0 ]
  exit
}

# The mirror of Debian this machine's apt uses (deb822 .sources or one-line .list)
apt_mirror () {   # apt_mirror debian|debian-security
  local want=$1
  cat /etc/apt/sources.list /etc/apt/sources.list.d/*.list /etc/apt/sources.list.d/*.sources \
      2>/dev/null |
    sed -n -e 's/^URIs:[[:space:]]*//p' -e 's/^deb[[:space:]]\+\(\[[^]]*\][[:space:]]\+\)\?//p' |
    tr ' ' '\n' | grep -E "^https?://" | grep -E "/$want/?\$" | head -n 1 | sed 's:/*$::'
}

# ---------------------------------------------------------------------------
begin root
mirror=${CX_DEBIAN_MIRROR:-$(apt_mirror debian)}
security=$(apt_mirror debian-security)
in_root () { chroot "$root" /usr/bin/env -i PATH=/usr/sbin:/usr/bin LANG=C.UTF-8 \
               DEBIAN_FRONTEND=noninteractive "$@"; }
# A run cut short may have left the root's /proc mounted
mountpoint -q "$root/proc" 2> /dev/null && umount "$root/proc"
if [ ! -x "$root/usr/bin/apt-get" ]; then
  if [ -z "$mirror" ]; then
    fail "a Debian mirror is listed in /etc/apt (or CX_DEBIAN_MIRROR is set)"
    end; finish
  fi
  echo "debootstrap bookworm from $mirror into $root"
  rm -rf "$root"
  debootstrap --variant=minbase bookworm "$root" "$mirror" > "$work/debootstrap.log" 2>&1 ||
    { tail -n 20 "$work/debootstrap.log"; rm -rf "$root"; fail "debootstrap"; end; finish; }
  {
    echo "deb $mirror bookworm main"
    echo "deb $mirror bookworm-updates main"
    [ -n "$security" ] && echo "deb $security bookworm-security main"
  } > "$root/etc/apt/sources.list"
  # Nothing is started in the root, and documentation is not needed
  printf '#!/bin/sh\nexit 101\n' > "$root/usr/sbin/policy-rc.d"
  chmod +x "$root/usr/sbin/policy-rc.d"
  printf 'path-exclude /usr/share/doc/*\npath-exclude /usr/share/man/*\npath-exclude /usr/share/info/*\n' \
    > "$root/etc/dpkg/dpkg.cfg.d/01-nodoc"
fi
missing_in_root () {
  missing=()
  for p in "${runtime_packages[@]}"; do
    in_root dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" ||
      missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ]
}
missing_in_root
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing in the root: ${missing[*]}"
  mount -t proc proc "$root/proc"
  trap 'umount "$root/proc" 2> /dev/null' EXIT
  in_root apt-get update -q > "$work/apt.log" 2>&1 &&
    in_root apt-get install -y -q --no-install-recommends "${missing[@]}" >> "$work/apt.log" 2>&1
  rc=$?
  umount "$root/proc"
  trap - EXIT
  in_root apt-get clean
  [ $rc -eq 0 ] || { tail -n 20 "$work/apt.log"; fail "packages installed in the root"; end; finish; }
fi
check "the root has every build dependency (${#runtime_packages[@]} packages)" missing_in_root
end

# ---------------------------------------------------------------------------
begin runtime
# The runtime is exported again only when the root's packages or this recipe changed
root_id=$( { cat "$root/var/lib/dpkg/status"; sed -n '/^# runtime recipe/,/^# end recipe/p' "$0"; } |
           sha256sum | cut -c1-16)
if [ "$(cat "$work/runtime.stamp" 2>/dev/null)" = "$root_id" ] &&
   flatpak --user info "$test_runtime//$test_branch" > /dev/null 2>&1; then
  echo "runtime $test_runtime//$test_branch is up to date ($root_id)"
else
  # runtime recipe
  rm -rf "$stage"
  mkdir -p "$stage"
  cp -al "$root/usr" "$stage/usr"          # hard links: the root is not changed
  cp -a "$root/etc" "$stage/usr/etc"       # Flatpak makes /etc from /usr/etc
  rm -f "$stage/usr/etc/ld.so.conf" "$stage/usr/etc/ld.so.cache" "$stage/usr/sbin/policy-rc.d"
  # flatpak runs ldconfig from /usr/bin to make the cache for /app/lib
  printf '/app/lib\ninclude /etc/ld.so.conf.d/*.conf\n' > "$stage/usr/etc/ld.so.conf"
  ln -s ../sbin/ldconfig "$stage/usr/bin/ldconfig"
  cat > "$stage/metadata" <<EOF
[Runtime]
name=$test_runtime
runtime=$test_runtime/$arch/$test_branch
sdk=$test_runtime/$arch/$test_branch
EOF
  # end recipe
  # A test cache, not an archive: no fsync of every object, in either repository
  flatpak build-export --runtime --files=usr --disable-fsync --subject="Debian 12 test runtime $root_id" \
    "$repo" "$stage" "$test_branch" > "$work/export.log" 2>&1 ||
    { tail -n 20 "$work/export.log"; fail "runtime exported"; end; finish; }
  rm -rf "$stage"
  flatpak --user remote-add --if-not-exists --no-gpg-verify cxplan-test "file://$repo"
  ostree --repo="$FLATPAK_USER_DIR/repo" config set core.fsync false
  flatpak --user install -y --noninteractive --or-update cxplan-test \
    "runtime/$test_runtime/$arch/$test_branch" > "$work/install-runtime.log" 2>&1 ||
    { tail -n 20 "$work/install-runtime.log"; fail "runtime installed"; end; finish; }
  echo "$root_id" > "$work/runtime.stamp"
fi
check "the test runtime is installed in the private installation" \
  flatpak --user info "$test_runtime//$test_branch" > /dev/null
end

# ---------------------------------------------------------------------------
begin build
# The manifest with only the runtime swapped
jq --arg r "$test_runtime" --arg v "$test_branch" \
  '.runtime = $r | .sdk = $r | ."runtime-version" = $v' "$manifest" > "$test_manifest"
same_but_runtime () {
  local drop='del(.runtime, .sdk, ."runtime-version")'
  diff <(jq -S "$drop" "$manifest") <(jq -S "$drop" "$test_manifest")
}
check "the test manifest differs from $manifest only in its runtime" same_but_runtime

# Permissions of a document app: files only through the portal
permissions_ok () {
  local args
  args=$(jq -r '."finish-args"[]' "$manifest")
  ! grep -qE '^--filesystem|^--share=network|^--socket=(session-bus|system-bus|x11)$' <<<"$args" &&
    grep -qx -- '--share=ipc' <<<"$args" && grep -qx -- '--socket=wayland' <<<"$args"
}
check "the manifest asks for no file system, network or bus access" permissions_ok
flatpak-builder --show-manifest "$test_manifest" > "$work/show-manifest.json" 2>&1
check "flatpak-builder reads the manifest" jq -e '.modules | length > 0' "$work/show-manifest.json" \
  > /dev/null

flatpak-builder --user --disable-rofiles-fuse --force-clean --ccache=no \
  --state-dir="$state" --repo="$repo" "$builddir" "$test_manifest" > "$work/build.log" 2>&1
rc=$?
[ $rc -eq 0 ] || tail -n 40 "$work/build.log"
check "flatpak-builder builds and exports the application" test $rc -eq 0
files=$builddir/files
check "the settings schema is compiled in /app" test -s "$files/share/glib-2.0/schemas/gschemas.compiled"
check "the samples are installed under /app" test -s "$files/share/cxplan/samples/team-gear-store.cxplan"
check "appstream-compose made the catalogue" test -s "$files/share/app-info/xmls/$app_id.xml.gz"
# flatpak-builder 1.2 moves the metainfo to the older share/appdata
metainfo=$(cd "$files" && ls share/metainfo/$app_id.metainfo.xml share/appdata/$app_id.appdata.xml \
           2> /dev/null | head -n 1)
check "the metainfo is installed (${metainfo:-none})" test -n "$metainfo"
check "the metainfo validates in the SDK" flatpak build "$builddir" \
  appstreamcli validate --no-net --pedantic "/app/$metainfo"
check "the desktop file validates in the SDK" flatpak build "$builddir" \
  desktop-file-validate "/app/share/applications/$app_id.desktop"
end

# ---------------------------------------------------------------------------
begin bundle
flatpak build-bundle "$repo" "$bundle" "$app_id" > "$work/bundle.log" 2>&1
check "flatpak build-bundle writes the bundle" test -s "$bundle"
flatpak --user uninstall -y --noninteractive "$app_id" > /dev/null 2>&1
flatpak --user install -y --noninteractive --bundle "$bundle" > "$work/install-bundle.log" 2>&1
rc=$?
[ $rc -eq 0 ] || tail -n 20 "$work/install-bundle.log"
check "the bundle installs" test $rc -eq 0
exports=$FLATPAK_USER_DIR/exports/share
check "the MIME type is exported" test -s "$exports/mime/packages/$app_id.xml"
check "the icon is exported" test -s "$exports/icons/hicolor/scalable/apps/$app_id.svg"
check "the launcher is exported and forwards files" \
  grep -q -- "--file-forwarding $app_id @@u %U @@" "$exports/applications/$app_id.desktop"
# What the installed bundle carries: every translation (the manifest keeps
# them in the app, not in a Locale extension a bundle would leave out) and
# the manual, when the checkout has them
installed=$FLATPAK_USER_DIR/app/$app_id/current/active/files
for lang in $(sed 's/#.*//' po/LINGUAS 2> /dev/null); do
  check "the bundle carries the $lang translation" \
    test -s "$installed/share/locale/$lang/LC_MESSAGES/cxplan.mo"
done
if [ -d help/C ]; then
  check "the bundle carries the manual" compgen -G "$installed/share/help/C/*/index.page"
fi
flatpak --user info --show-permissions "$app_id" > "$work/permissions.txt" 2>&1
check "the installed app has no file system access" \
  bash -c '! grep -q "^filesystems=" "$1" && grep -q "^shared=ipc;" "$1"' _ "$work/permissions.txt"
end

# ---------------------------------------------------------------------------
begin run
uid=$(id -u)
export XDG_RUNTIME_DIR=/run/user/$uid
mkdir -p "$XDG_RUNTIME_DIR"; chmod 0700 "$XDG_RUNTIME_DIR"
outside=$(mktemp -d /tmp/cxplan-flatpak.XXXXXX)
sample=data/samples/team-gear-store.cxplan
plan=$outside/kit.cxplan
# Not in canonical form (four-space indent): a re-save changes its bytes
sed 's/^\( *\)</\1\1</' "$sample" > "$plan"
title=$(sed -n 's:.*<title>\(.*\)</title>.*:\1:p' "$sample" | head -n 1)
shot=$work/window.png

# The command line in the sandbox: check, and export through its helper in
# /app/libexec (which alone links cairo and pango)
installed_sample=/app/share/cxplan/samples/team-gear-store.cxplan
check "the installed cxplan-tool checks a sample" \
  flatpak run --command=cxplan-tool "$app_id" check --fail-on=never "$installed_sample"
check "the installed cxplan-tool exports a map through its helper" \
  flatpak run --command=sh "$app_id" -c \
  'cxplan-tool export "$1" -o /tmp/map.png && test -s /tmp/map.png' _ "$installed_sample"

# Runs on this machine share /run/user/UID/doc, the portal's mount: one at a time
exec 9> "$XDG_RUNTIME_DIR/cxplan-flatpak-run.lock"
flock -w 900 9 || fail "no other run holds $XDG_RUNTIME_DIR/cxplan-flatpak-run.lock"
# A screen larger than the window, so that the pointer in its middle shows no tooltip
GSK_RENDERER=cairo xvfb-run -a -s "-screen 0 2560x1700x24" dbus-run-session -- \
  bash "$here/build-aux/flatpak-run-check.sh" "$app_id" "$plan" "$title" "$shot" \
  > "$work/run.log" 2>&1
cat "$work/run.log"
passed=$((passed + $(grep -c '^ok - ' "$work/run.log")))
failed=$((failed + $(grep -c '^not ok - ' "$work/run.log")))
grep -q '^ok - ' "$work/run.log" || fail "the run reported its checks"
check "the saved file is the plan in canonical form" cmp -s "$plan" "$sample"
rm -rf "$outside"
exec 9>&-
end

finish
