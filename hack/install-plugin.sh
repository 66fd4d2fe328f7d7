#!/bin/sh
# make install-plugin: installs `kubectl nodeipam`. kubectl runs any executable named kubectl-<name> found on PATH
# and passes it every argument after <name>, so the launcher only hands them to the operator's CLI, published
# (as the image ships it) into LIBDIR. Usage: hack/install-plugin.sh BINDIR LIBDIR
set -eu
bindir=$1
libdir=$2
sh "$(dirname "$0")/publish.sh" "$libdir" >/dev/null
mkdir -p "$bindir"
launcher="$bindir/kubectl-nodeipam"
cat > "$launcher" <<LAUNCHER
#!/bin/sh
# kubectl nodeipam (written by make install-plugin): the NodeIpam operator's CLI, e.g. kubectl nodeipam plan svc/web -n shop
exec dotnet "$libdir/NodeIpam.Operator.dll" "\$@"
LAUNCHER
chmod +x "$launcher"
echo "installed $launcher (the operator in $libdir); try: kubectl nodeipam plan --help"
case ":$PATH:" in
  *":$bindir:"*) ;;
  *) echo "note: $bindir is not on PATH; add it so that kubectl finds the plugin" ;;
esac
