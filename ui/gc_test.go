package ui

import (
	"math"
	"runtime/debug"
	"testing"
)

// The collector is off until the first screen has the notebook, bounded
// by a memory limit, and back at gcPercent after.
func TestCollectorWaitsForTheFirstScreen(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(100))
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(math.MaxInt64))
	started := collectLessAtStart()
	if got := debug.SetGCPercent(-1); got != -1 {
		t.Errorf("GC percent at start = %d, want off", got)
	}
	if got := debug.SetMemoryLimit(-1); got != startMemoryLimit {
		t.Errorf("memory limit at start = %d, want %d", got, startMemoryLimit)
	}
	started()
	started() // once only
	if got := debug.SetGCPercent(-1); got != gcPercent {
		t.Errorf("GC percent after the first screen = %d, want %d", got, gcPercent)
	}
	if got := debug.SetMemoryLimit(-1); got != math.MaxInt64 {
		t.Errorf("memory limit after the first screen = %d, want none", got)
	}
}
