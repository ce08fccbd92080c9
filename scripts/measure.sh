#!/usr/bin/env bash
# Real-binary measurements of Parley in tmux, sourced by scripts/bench.sh
# (and usable alone: source it, then call the functions).
#
# The first screen is timed from launch to the first frame that shows the
# notebook's data: tmux's pane is polled (capture-pane) every few
# milliseconds until the stage counts line, drawn only once the summary is
# read, appears. The poll adds up to its interval plus tmux's own latency
# (a few ms), so the figure is an upper bound.

# MEASURE_SESSION is the tmux session the functions use, one at a time, on
# a tmux server of their own (MEASURE_SOCKET), which no other tmux user's
# kill-server stops.
MEASURE_SESSION=${MEASURE_SESSION:-parley-bench-$$}
MEASURE_SOCKET=${MEASURE_SOCKET:-parley-bench}

tm() { tmux -L "$MEASURE_SOCKET" "$@"; }

# pane_text prints what the pane shows.
pane_text() { tm capture-pane -p -t "$MEASURE_SESSION" 2>/dev/null; }

# pane_pid prints the pid of the program in the pane.
pane_pid() { tm list-panes -t "$MEASURE_SESSION" -F '#{pane_pid}'; }

# start_parley BIN DB [ENV=VALUE...]: starts Parley on DB in a 120x40 pane
# and prints the milliseconds from launch to the first frame with data.
start_parley() {
	local bin=$1 db=$2
	shift 2
	launch "exec env TERM=xterm-256color $* '$bin' --db '$db'"
}

# launch_baseline: what launch itself costs (tmux, exec, polling), for a
# program that prints the awaited line at once.
launch_baseline() {
	launch "printf 'to contact 1\\n'; exec sleep 30"
}

# launch COMMAND: runs COMMAND in a fresh 120x40 pane and prints the
# milliseconds until the pane shows the stage counts.
launch() {
	tm kill-session -t "$MEASURE_SESSION" 2>/dev/null || true
	local t0 t1
	t0=$(date +%s%N)
	tm new-session -d -s "$MEASURE_SESSION" -x 120 -y 40 "$1"
	for _ in $(seq 1 4000); do
		if pane_text | grep -q "to contact [0-9]"; then
			t1=$(date +%s%N)
			echo $(((t1 - t0) / 1000000))
			return 0
		fi
		sleep 0.002
	done
	echo "the first screen did not show data within seconds" >&2
	pane_text >&2
	return 1
}

stop_parley() {
	tm send-keys -t "$MEASURE_SESSION" q 2>/dev/null || true
	sleep 0.3
	tm kill-session -t "$MEASURE_SESSION" 2>/dev/null || true
	return 0
}

# rss_mb prints the program's resident memory in MB: all of it, then the
# anonymous part (heap, stacks) alone. The rest is the notebook's pages,
# which bbolt maps from the file: the kernel's page cache, counted in RSS
# while mapped and given back under memory pressure.
rss_mb() {
	awk '/^VmRSS/ {t = $2} /^RssAnon/ {a = $2} END {printf "%.0f/%.0f\n", t / 1024, a / 1024}' "/proc/$(pane_pid)/status"
}

# peak_mb COMMAND...: runs COMMAND (output to /dev/null) and prints its
# peak resident memory in MB, all of it (from GNU time) and the anonymous
# part (sampled every 10 ms from /proc, so a lower bound).
peak_mb() {
	local out pid anon=0 a
	out=$(mktemp)
	/usr/bin/time -f "%M" -o "$out" "$@" >/dev/null &
	pid=$!
	while kill -0 "$pid" 2>/dev/null; do
		for c in $(pgrep -P "$pid"); do
			a=$(awk '/^RssAnon/ {print $2}' "/proc/$c/status" 2>/dev/null || true)
			[ -n "$a" ] && [ "$a" -gt "$anon" ] && anon=$a
		done
		sleep 0.01
	done
	wait "$pid"
	awk -v t="$(cat "$out")" -v a="$anon" 'BEGIN {printf "%.0f/%.0f\n", t / 1024, a / 1024}'
	rm -f "$out"
}

# cpu_ns prints the nanoseconds the program's threads have run, from the
# scheduler's own accounting (/proc/PID/task/*/schedstat). utime and stime
# in /proc/PID/stat are sampled at the kernel's tick, which a program that
# wakes briefly many times a second can hit or miss: over a minute they
# varied by a factor of two between runs of the same binary.
cpu_ns() {
	local pid
	pid=$(pane_pid)
	cat /proc/"$pid"/task/*/schedstat 2>/dev/null | awk '{s += $1} END {printf "%.0f\n", s}'
}

# cpu_ns_of PID: cpu_ns for any process.
cpu_ns_of() {
	cat /proc/"$1"/task/*/schedstat 2>/dev/null | awk '{s += $1} END {printf "%.0f\n", s}'
}

# idle_cpu_beside SECONDS PID: idle_cpu for the program in the pane and,
# over the same seconds, for process PID: "PANE% PID%".
idle_cpu_beside() {
	local secs=$1 pid=$2 a b fa fb
	sleep 2
	a=$(cpu_ns)
	fa=$(cpu_ns_of "$pid")
	sleep "$secs"
	b=$(cpu_ns)
	fb=$(cpu_ns_of "$pid")
	awk -v d=$((b - a)) -v f=$((fb - fa)) -v s="$secs" 'BEGIN {printf "%.2f %.2f\n", d / 1e9 / s * 100, f / 1e9 / s * 100}'
}

# idle_cpu SECONDS: the share of one core (percent) the program used while
# left alone for SECONDS.
idle_cpu() {
	local secs=$1 a b
	sleep 2 # let the screen settle
	a=$(cpu_ns)
	sleep "$secs"
	b=$(cpu_ns)
	awk -v d=$((b - a)) -v s="$secs" 'BEGIN {printf "%.2f\n", d / 1e9 / s * 100}'
}

# keys KEY...: sends keys and waits for the screen to answer.
keys() {
	tm send-keys -t "$MEASURE_SESSION" "$@"
	sleep 0.5
}
