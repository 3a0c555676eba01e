# The steps every package script shares (packaging/linux/package, packaging/macos/package,
# packaging/windows/package): sourced by them from the repository's root, never run by itself.
# Written for bash 3.2 too, the bash macOS ships.

out=target/jpackage

# Prints how long a step took; STARTED is a value of $SECONDS.
took() { echo "  $1 in $(( SECONDS - $2 )) s"; }

# target/lightbox.jar, built when missing or older than the sources. JavaFX's jars carry the native
# libraries of the machine that builds, so each platform packages a jar built on that platform.
lightbox_jar() {
  if [ ! -f target/lightbox.jar ] || [ -n "$(find pom.xml src sample-dicom icons -newer target/lightbox.jar -print | head -1)" ]; then
    echo "Building target/lightbox.jar ..."
    mvn -B -q -ntp -DskipTests package
  fi
}

# The version in pom.xml. Maven 3.8 wraps even -q output in colour codes; strip them.
pom_version() {
  local version esc
  esc=$(printf '\033')
  version=$(mvn -q -B help:evaluate -Dexpression=project.version -DforceStdout 2>/dev/null | sed "s/$esc\[[0-9;]*m//g")
  [ -n "$version" ] || { echo "cannot read the version from pom.xml" >&2; return 1; }
  echo "$version"
}

# make_app_image VERSION [jpackage options]: a jlink runtime with only the modules the jar needs, in
# target/jpackage/runtime, and the app image beside it (target/jpackage/Lightbox, or Lightbox.app on
# macOS). The options (the icon, macOS's bundle identifier, Windows's console launcher) go to jpackage.
make_app_image() {
  local version=$1 started found extra modules
  shift
  rm -rf "$out"
  mkdir -p "$out/input"
  cp target/lightbox.jar "$out/input/"

  # What jdeps finds in the jar, plus what the jar loads by name (packaging/jpackage/runtime-modules).
  started=$SECONDS
  found=$(jdeps --multi-release 17 --ignore-missing-deps --print-module-deps "$out/input/lightbox.jar")
  extra=$(sed 's/#.*//' packaging/jpackage/runtime-modules | xargs | tr ' ' ',')
  modules="$found,$extra"
  # With the class-data-sharing archive of its JDK classes, which a runtime made by jlink otherwise
  # lacks: without it every start loads and verifies them from the compressed image, about a fifth
  # of a second more. Making the archive runs the image's bin/java, so the native commands are
  # removed after it rather than by --strip-native-commands (the launcher needs none of them).
  jlink --add-modules "$modules" --output "$out/runtime" \
    --strip-debug --no-header-files --no-man-pages --compress=2 --generate-cds-archive
  rm -rf "$out/runtime/bin"
  took "runtime $out/runtime ($modules)" "$started"

  started=$SECONDS
  jpackage @packaging/jpackage/common.args @packaging/jpackage/launcher.args --type app-image \
    --app-version "$version" --input "$out/input" --runtime-image "$out/runtime" --dest "$out" "$@"
  took "app image in $out" "$started"
}
