#!/usr/bin/env bash
# build-aux/flatpak-run-check.sh APP_ID PLAN TITLE SHOT
#
# The "run" stage of build-aux/flatpak-test.sh, inside a session bus
# (dbus-run-session) on a virtual display (xvfb-run): the document portal is
# started, the installed Flatpak opens PLAN the way a file manager does, and
# the window's title and a Save are checked. Prints "ok - …" / "not ok - …".
set -uo pipefail

app_id=$1 plan=$2 title=$3 shot=$4
app_path=/${app_id//./\/}          # io.github.cxplan.Planner → /io/github/cxplan/Planner

check () {
  local what=$1; shift
  if "$@"; then echo "ok - $what"; else echo "not ok - $what"; fi
}

# wait_for SECONDS COMMAND...: until COMMAND succeeds
wait_for () {
  local deadline=$((SECONDS + $1)); shift
  until "$@"; do
    [ $SECONDS -ge $deadline ] && return 1
    sleep 0.5
  done
}

portal_pids=()
app_pid=
cleanup () {
  [ -n "$app_pid" ] && kill "$app_pid" 2> /dev/null
  for pid in "${portal_pids[@]}"; do kill "$pid" 2> /dev/null; done
  wait 2> /dev/null
  # The portal unmounts its file system when it exits; make sure of it
  if mountpoint -q "$XDG_RUNTIME_DIR/doc" 2> /dev/null; then
    fusermount3 -u "$XDG_RUNTIME_DIR/doc" 2> /dev/null
  fi
}
trap cleanup EXIT

# The document portal and the permission store it keeps its grants in
/usr/libexec/xdg-permission-store --replace & portal_pids+=($!)
/usr/libexec/xdg-document-portal --replace & portal_pids+=($!)
mount_point () {
  gdbus call --session --dest org.freedesktop.portal.Documents \
    --object-path /org/freedesktop/portal/documents \
    --method org.freedesktop.portal.Documents.GetMountPoint 2> /dev/null | grep -q "/doc"
}
check "the document portal runs on the session bus" wait_for 20 mount_point

before=$(sha256sum < "$plan")
flatpak run --file-forwarding "$app_id" @@ "$plan" @@ &
app_pid=$!

# The top-level windows the X server knows, "0xID "NAME": …", one a line
window_id () {   # window_id TITLE: the id of the window with that exact title
  xwininfo -root -children 2> /dev/null |
    grep -F "\"$1\": " | awk '{print $1}' | head -n 1
}
has_window () { [ -n "$(window_id "$1")" ]; }
check "the application's window opens" wait_for 60 bash -c \
  'xwininfo -root -children | grep -q "(\"cxplan\" "' 2> /dev/null
check "the window's title is the plan's title" wait_for 20 has_window "$title"
wid=$(window_id "$title")

sleep 2   # let the first frame be drawn
import -window root "$shot" 2> /dev/null
not_blank () {
  local sd
  sd=$(convert "$shot" -format '%[fx:standard_deviation]' info: 2> /dev/null) &&
    awk -v sd="$sd" 'BEGIN { exit !(sd > 0.01) }'
}
check "a screenshot of the window is not blank ($shot)" not_blank
convert "$shot" -trim +repage "$shot" 2> /dev/null   # the window, without the empty screen

# The sandboxed process was handed the file through the portal, not its path
through_portal () {
  local pid
  pid=$(flatpak ps --columns=application,child-pid 2> /dev/null |
        awk -v id="$app_id" '$1 == id {print $2; exit}')
  [ -n "$pid" ] && tr '\0' '\n' < "/proc/$pid/cmdline" | grep -q "^$XDG_RUNTIME_DIR/doc/.*/${plan##*/}\$"
}
check "the plan reached the sandbox through the document portal" through_portal

# Save: through the window's actions on the bus where they are exported,
# otherwise with the key a user presses
window_path=$app_path/window/1
if gdbus call --session --dest "$app_id" --object-path "$window_path" \
     --method org.gtk.Actions.Describe save > /dev/null 2>&1; then
  echo "# saving through $window_path's exported action 'save'"
  gdbus call --session --dest "$app_id" --object-path "$window_path" \
    --method org.gtk.Actions.Activate save '[]' '{}' > /dev/null
else
  echo "# the window's 'save' action is not on the bus: pressing Ctrl+S in the window"
  [ -n "$wid" ] && xdotool windowfocus --sync "$wid" && sleep 0.5 &&
    xdotool key --clearmodifiers ctrl+s
fi
changed () { [ "$(sha256sum < "$plan")" != "$before" ]; }
check "saving writes the file outside the sandbox" wait_for 20 changed
sleep 1   # a rename is the last step of a save

# Quit through the application's exported action, as the desktop would
gdbus call --session --dest "$app_id" --object-path "$app_path" \
  --method org.gtk.Actions.Activate quit '[]' '{}' > /dev/null 2>&1
gone () { ! kill -0 "$app_pid" 2> /dev/null; }
check "the application quits through its exported 'quit' action" wait_for 20 gone
if gone; then app_pid=; else flatpak kill "$app_id" 2> /dev/null; fi
