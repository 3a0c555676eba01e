# Shared by the scripts that drive a real Lightbox window under Xvfb (packaging/linux/install-test,
# packaging/dev/screenshot). Source it after defining fail(), and set $work (a scratch folder) and
# $app_pid (the workstation's process, once started).

now() { date +%s; }

# start_display: a display of our own (never the desktop's), the first free number from 40; sets
# DISPLAY and xvfb_pid.
start_display() {
  unset DISPLAY
  local n
  for n in $(seq 40 99); do
    [ -e "/tmp/.X$n-lock" ] || [ -e "/tmp/.X11-unix/X$n" ] && continue
    Xvfb ":$n" -screen 0 1600x1000x24 -nolisten tcp >"$work/xvfb.log" 2>&1 &
    xvfb_pid=$!
    for _ in $(seq 50); do [ -e "/tmp/.X11-unix/X$n" ] && break; kill -0 "$xvfb_pid" 2>/dev/null || break; sleep 0.1; done
    if [ -e "/tmp/.X11-unix/X$n" ] && kill -0 "$xvfb_pid" 2>/dev/null; then export DISPLAY=":$n"; return 0; fi
    xvfb_pid=""
  done
  fail "no free X display in :40..:99"
}

alive() { kill -0 "$app_pid" 2>/dev/null || fail "the workstation exited"; }

# wait_for SECONDS WHAT COMMAND...: polls COMMAND twice a second while the workstation runs.
wait_for() {
  local seconds=$1 what=$2; shift 2
  local deadline=$(( $(now) + seconds ))
  until "$@"; do
    alive
    [ "$(now)" -lt "$deadline" ] || fail "no $what after $seconds s"
    sleep 0.5
  done
}

window() { xdotool search --onlyvisible --name '^Lightbox$' 2>/dev/null | head -1; }
has_window() { [ -n "$(window)" ]; }
shot() { import -window root "$1"; }
# The window paints its first frame a moment after it maps; before that it is one colour.
painted() { shot "$work/now.png" && [ "$(identify -format '%[fx:standard_deviation>0.02]' "$work/now.png")" = 1 ]; }
# Two pictures a second apart agree: nothing is still loading or decoding.
settled() { shot "$work/a.png"; sleep 1; shot "$work/b.png"; [ "$(compare -metric AE "$work/a.png" "$work/b.png" null: 2>&1)" = 0 ]; }

# audited DATABASE USER ACTION: the audit trail, read-only, records that USER did ACTION.
audited() {
  python3 - "$1" "$2" "$3" <<'PY'
import sqlite3, sys
db = sqlite3.connect("file:" + sys.argv[1] + "?mode=ro", uri=True)
n = db.execute("SELECT count(*) FROM audit_event e JOIN app_user u ON u.id = e.actor_id"
               " WHERE u.username = ? AND e.action = ?", (sys.argv[2], sys.argv[3])).fetchone()[0]
sys.exit(0 if n > 0 else 1)
PY
}

# sign_in DATA_FOLDER USER: types USER and the password a --demo first start generated for them.
sign_in() {
  local password
  password=$(awk -v u="$2" '$1 == u { print $2 }' "$1/initial-passwords.txt")
  [ -n "$password" ] || fail "no password for $2 in $1/initial-passwords.txt"
  xdotool windowfocus --sync "$(window)"
  xdotool type --delay 30 "$2"
  xdotool key Tab
  xdotool type --delay 30 "$password"
  xdotool key Return
  wait_for 120 "sign-in of $2 in the audit trail" audited "$1/lightbox.db" "$2" auth.signed_in
}

# image_shown: the middle of the window, black until the viewer draws, shows an image.
image_shown() {
  eval "$(xdotool getwindowgeometry --shell "$(window)")"   # sets X, Y, WIDTH, HEIGHT
  shot "$work/now.png"
  [ "$(convert "$work/now.png" -crop "120x120+$(( X + WIDTH / 2 - 60 ))+$(( Y + HEIGHT / 2 - 60 ))" \
       -colorspace Gray -format '%[fx:mean>0.1]' info:)" = 1 ]
}

# save_window FILE: the settled window, cropped from the screen, into FILE.
save_window() {
  wait_for 60 "still picture" settled
  eval "$(xdotool getwindowgeometry --shell "$(window)")"   # sets X, Y, WIDTH, HEIGHT
  convert "$work/b.png" -crop "${WIDTH}x${HEIGHT}+${X}+${Y}" +repage "$1"
}
