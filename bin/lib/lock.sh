# shellcheck shell=bash
#
# A per-checkout build lock shared by bin/procshell and bin/test, so that two
# Maven runs never write the same target/ folders at once.
#
#   procshell_lock ROOT   blocks until the lock is ours (says so on stderr
#                         when it has to wait).
#   procshell_unlock      releases it (also done automatically on exit).
#
# With flock(1) (Linux) the lock is an flock on file descriptor 9 opened on
# the ROOT folder itself: nothing is created in the tree, and the kernel
# drops it when the process (or a process it exec'd into, which inherits
# fd 9) ends. Without flock (macOS) it is a mkdir lock in $TMPDIR holding
# the owner's pid, taken over when that pid is gone.

_ps_lock_dir=""
_ps_lock_fd=""

procshell_lock() {
  local root=$1 waited="" key holder nopid=0
  if command -v flock >/dev/null 2>&1; then
    exec 9<"$root"
    _ps_lock_fd=9
    if ! flock -n 9; then
      echo "procshell: waiting for another build of $root to finish..." >&2
      flock 9
    fi
    return 0
  fi
  key=$(printf '%s' "$root" | cksum | cut -d' ' -f1)
  _ps_lock_dir="${TMPDIR:-/tmp}/procshell-build-$(id -u)-$key.lock"
  until mkdir "$_ps_lock_dir" 2>/dev/null; do
    holder=$(cat "$_ps_lock_dir/pid" 2>/dev/null) || holder=""
    if [ -z "$holder" ]; then nopid=$((nopid + 1)); else nopid=0; fi
    if { [ -n "$holder" ] && ! kill -0 "$holder" 2>/dev/null; } || [ "$nopid" -gt 10 ]; then
      # Stale lock from a process that died; take it over.
      rm -rf "$_ps_lock_dir"
      nopid=0
      continue
    fi
    if [ -z "$waited" ]; then
      echo "procshell: waiting for another build of $root to finish..." >&2
      waited=1
    fi
    sleep 1
  done
  echo "$$" >"$_ps_lock_dir/pid"
  trap procshell_unlock EXIT
  trap 'procshell_unlock; exit 130' INT
  trap 'procshell_unlock; exit 143' TERM
}

procshell_unlock() {
  if [ -n "$_ps_lock_dir" ]; then
    rm -rf "$_ps_lock_dir"
    _ps_lock_dir=""
    trap - EXIT INT TERM
  fi
  if [ -n "$_ps_lock_fd" ]; then
    exec 9<&- # releases the flock
    _ps_lock_fd=""
  fi
  return 0
}
