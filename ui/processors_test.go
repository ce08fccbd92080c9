package ui

import (
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
)

// With no input for idleAfter the interface drops to one processor at the
// next message (a clock tick), and any key, click or resize brings all of
// them back before the message is handled.
func TestProcessorsFollowInput(t *testing.T) {
	now := time.Date(2026, 11, 30, 10, 0, 0, 0, time.UTC)
	var calls []int
	p := &processors{full: 4, lastInput: now, now: func() time.Time { return now },
		set: func(n int) int { calls = append(calls, n); return 0 }}
	type tick struct{}
	step := func(d time.Duration, msg tea.Msg, want ...int) {
		t.Helper()
		now = now.Add(d)
		calls = nil
		p.observe(msg)
		if len(calls) != len(want) || len(want) == 1 && calls[0] != want[0] {
			t.Fatalf("at +%v after %T: set %v, want %v", d, msg, calls, want)
		}
	}
	step(time.Second, tick{})    // typed a second ago: stays
	step(time.Second, tick{}, 1) // two seconds idle: one processor
	step(time.Second, tick{})    // already down
	step(time.Second, tea.KeyMsg{Type: tea.KeyUp}, 4)
	step(time.Second, tea.KeyMsg{Type: tea.KeyUp}) // already up
	step(1900*time.Millisecond, tick{})
	step(200*time.Millisecond, tick{}, 1)
	step(time.Minute, tea.MouseMsg{}, 4)
	step(3*time.Second, tick{}, 1)
	step(time.Second, tea.WindowSizeMsg{Width: 80, Height: 24}, 4)
	step(3*time.Second, tick{}, 1)
	calls = nil
	p.restore()
	if len(calls) != 1 || calls[0] != 4 {
		t.Errorf("restore set %v, want [4]", calls)
	}
}

// A nil policy (GOMAXPROCS set by the user, or one processor) does nothing.
func TestNoProcessorsPolicy(t *testing.T) {
	var p *processors
	p.observe(tea.KeyMsg{}) // must not panic
	t.Setenv("GOMAXPROCS", "3")
	if newProcessors() != nil {
		t.Error("GOMAXPROCS chosen by the user, and the interface would change it")
	}
}
