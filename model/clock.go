// Package model holds Parley's domain types and their rules. It knows nothing
// about the terminal or the database, so every rule here is tested with plain
// values.
package model

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// DefaultBudget is the time an informational interview is planned to take
// unless the user chooses otherwise.
const DefaultBudget = 20 * time.Minute

// Clock is an interview's clock. Its truth is the wall clock: the time
// accumulated before the last pause plus, while running, the time since
// StartedAt. Ticks only trigger a re-render, so a stalled event loop, a crash
// or a restart never shifts it.
type Clock struct {
	// Accumulated is the running time before the current run began.
	Accumulated time.Duration `json:"accumulated"`
	// RunningSince is when the current run began; zero while not running.
	RunningSince time.Time `json:"running_since,omitzero"`
	// StartedAt is when the clock was first started; zero if never.
	StartedAt time.Time `json:"started_at,omitzero"`
	// EndedAt is when the interview was ended; zero while it is not over.
	EndedAt time.Time `json:"ended_at,omitzero"`
}

// ClockState is what a clock is doing, as the user would describe it.
type ClockState int

// The states of a clock. Over time is not a state of its own: it is a
// running or paused clock whose elapsed time has passed the budget.
const (
	NotStarted ClockState = iota
	Running
	Paused
	Ended
)

func (s ClockState) String() string {
	switch s {
	case Running:
		return "running"
	case Paused:
		return "paused"
	case Ended:
		return "ended"
	default:
		return "not started"
	}
}

// State reports whether the clock has started, is running, paused or ended.
func (c Clock) State() ClockState {
	switch {
	case !c.EndedAt.IsZero():
		return Ended
	case !c.RunningSince.IsZero():
		return Running
	case !c.StartedAt.IsZero():
		return Paused
	default:
		return NotStarted
	}
}

// Elapsed is the interview time at the wall-clock moment now. A clock whose
// wall clock went backwards never reports less than it had accumulated.
func (c Clock) Elapsed(now time.Time) time.Duration {
	if c.RunningSince.IsZero() {
		return c.Accumulated
	}
	run := now.Sub(c.RunningSince)
	if run < 0 {
		run = 0
	}
	return c.Accumulated + run
}

// Start starts a clock that has never run, or resumes a paused one. It does
// nothing to a running or ended clock.
func (c Clock) Start(now time.Time) Clock {
	switch c.State() {
	case NotStarted:
		c.StartedAt = now
		c.RunningSince = now
	case Paused:
		c.RunningSince = now
	}
	return c
}

// Pause stops a running clock, keeping the time it has run.
func (c Clock) Pause(now time.Time) Clock {
	if c.State() != Running {
		return c
	}
	c.Accumulated = c.Elapsed(now)
	c.RunningSince = time.Time{}
	return c
}

// Toggle pauses a running clock and starts or resumes any other that is not
// ended.
func (c Clock) Toggle(now time.Time) Clock {
	if c.State() == Running {
		return c.Pause(now)
	}
	return c.Start(now)
}

// End stops the clock for good; Elapsed then stays at the interview's actual
// length.
func (c Clock) End(now time.Time) Clock {
	if c.State() == Ended {
		return c
	}
	c = c.Pause(now)
	if c.StartedAt.IsZero() {
		c.StartedAt = now
	}
	c.EndedAt = now
	return c
}

// Urgency is how pressing the time left is, for colouring the clock.
type Urgency int

// Urgency levels, from plenty of time to over the budget.
const (
	Calm Urgency = iota
	Warning
	Urgent
	Overtime
)

// Thresholds at which the clock changes colour.
const (
	WarnAt   = 5 * time.Minute
	UrgentAt = 2 * time.Minute
)

// UrgencyOf tells how pressing the remaining time is within a budget.
func UrgencyOf(elapsed, budget time.Duration) Urgency {
	left := budget - elapsed
	switch {
	case left < 0:
		return Overtime
	case left <= UrgentAt:
		return Urgent
	case left <= WarnAt:
		return Warning
	default:
		return Calm
	}
}

// FormatClock renders a duration as m:ss (or h:mm:ss past an hour), rounding
// down to the whole second so the display changes on the second.
func FormatClock(d time.Duration) string {
	if d < 0 {
		d = -d
	}
	s := int(d / time.Second)
	h, m, sec := s/3600, (s/60)%60, s%60
	// Drawn every second on the live screen: no fmt.
	b := make([]byte, 0, 12)
	if h > 0 {
		b = strconv.AppendInt(b, int64(h), 10)
		b = append(b, ':')
	}
	b = append(b, byte('0'+m/10), byte('0'+m%10), ':', byte('0'+sec/10), byte('0'+sec%10))
	return string(b)
}

// FormatLeft renders the time left in a budget: "12:34", or "+1:05" once
// over time.
func FormatLeft(elapsed, budget time.Duration) string {
	left := budget - elapsed
	if left < 0 {
		// Over time counts up from the first whole second past the budget.
		return "+" + FormatClock(-left)
	}
	// Round up so "00:00" is shown only when the budget is truly spent.
	return FormatClock(left + time.Second - 1)
}

// ParseBudget reads a time budget typed by the user: whole minutes ("20"),
// or a Go duration ("1h", "25m"). It must be between 1 minute and 4 hours.
func ParseBudget(s string) (time.Duration, error) {
	s = strings.TrimSpace(s)
	var d time.Duration
	if n, err := strconv.Atoi(s); err == nil {
		d = time.Duration(n) * time.Minute
	} else if d, err = time.ParseDuration(s); err != nil {
		return 0, fmt.Errorf("%q is not a length of time; type minutes, like 20", s)
	}
	if d < time.Minute || d > 4*time.Hour {
		return 0, fmt.Errorf("choose between 1 and 240 minutes")
	}
	return d.Round(time.Second), nil
}
