package model

import (
	"testing"
	"time"
)

var clockStart = time.Date(2026, 11, 22, 9, 0, 0, 0, time.UTC)

func after(d time.Duration) time.Time { return clockStart.Add(d) }

func TestClockStartPauseResume(t *testing.T) {
	var c Clock
	if c.State() != NotStarted || c.Elapsed(after(time.Hour)) != 0 {
		t.Fatalf("new clock: %v, %v", c.State(), c.Elapsed(after(time.Hour)))
	}
	c = c.Start(clockStart)
	if got := c.Elapsed(after(90 * time.Second)); got != 90*time.Second {
		t.Errorf("running 90s: %v", got)
	}
	c = c.Pause(after(2 * time.Minute))
	if c.State() != Paused {
		t.Errorf("state = %v", c.State())
	}
	// Time passes while paused: nothing is counted.
	if got := c.Elapsed(after(10 * time.Minute)); got != 2*time.Minute {
		t.Errorf("paused: %v", got)
	}
	c = c.Start(after(10 * time.Minute))
	if got := c.Elapsed(after(11 * time.Minute)); got != 3*time.Minute {
		t.Errorf("resumed: %v", got)
	}
	if c.StartedAt != clockStart {
		t.Errorf("StartedAt moved to %v", c.StartedAt)
	}
}

func TestClockToggleAndEnd(t *testing.T) {
	var c Clock
	c = c.Toggle(clockStart)
	if c.State() != Running {
		t.Fatalf("toggle from not started: %v", c.State())
	}
	c = c.Toggle(after(time.Minute))
	if c.State() != Paused {
		t.Fatalf("toggle from running: %v", c.State())
	}
	c = c.Toggle(after(2 * time.Minute)).End(after(5 * time.Minute))
	if c.State() != Ended || c.Elapsed(after(time.Hour)) != 4*time.Minute {
		t.Errorf("ended: %v after %v", c.State(), c.Elapsed(after(time.Hour)))
	}
	// An ended clock cannot be restarted or re-ended.
	if c2 := c.Start(after(time.Hour)).Toggle(after(time.Hour)).End(after(2 * time.Hour)); c2 != c {
		t.Errorf("ended clock changed: %+v", c2)
	}
}

func TestClockOvertime(t *testing.T) {
	c := Clock{}.Start(clockStart)
	elapsed := c.Elapsed(after(21*time.Minute + 5*time.Second))
	if got := FormatLeft(elapsed, DefaultBudget); got != "+01:05" {
		t.Errorf("overtime left = %q", got)
	}
	if UrgencyOf(elapsed, DefaultBudget) != Overtime {
		t.Error("not overtime")
	}
}

// A stalled event loop, a crash or a restart reads the same wall clock: the
// clock's value never depends on how many ticks were seen.
func TestClockSurvivesStallAndRestart(t *testing.T) {
	c := Clock{}.Start(clockStart)
	// No ticks at all for 7 minutes (a stalled loop), then one read.
	if got := c.Elapsed(after(7 * time.Minute)); got != 7*time.Minute {
		t.Errorf("after a stall: %v", got)
	}
	// A restart: the clock is stored and read back; only the wall clock moved.
	restored := Clock{Accumulated: c.Accumulated, RunningSince: c.RunningSince, StartedAt: c.StartedAt}
	if got := restored.Elapsed(after(8 * time.Minute)); got != 8*time.Minute {
		t.Errorf("after restart: %v", got)
	}
	// The wall clock stepping backwards never makes time run backwards.
	if got := c.Elapsed(after(-time.Minute)); got != 0 {
		t.Errorf("clock went backwards: %v", got)
	}
}

func TestUrgencyThresholds(t *testing.T) {
	b := 20 * time.Minute
	cases := []struct {
		elapsed time.Duration
		want    Urgency
	}{
		{0, Calm},
		{14*time.Minute + 59*time.Second, Calm},
		{15 * time.Minute, Warning}, // exactly 5 minutes left
		{17*time.Minute + 59*time.Second, Warning},
		{18 * time.Minute, Urgent}, // exactly 2 minutes left
		{20 * time.Minute, Urgent}, // 0 left: not yet over
		{20*time.Minute + time.Nanosecond, Overtime},
	}
	for _, c := range cases {
		if got := UrgencyOf(c.elapsed, b); got != c.want {
			t.Errorf("UrgencyOf(%v) = %v, want %v", c.elapsed, got, c.want)
		}
	}
}

func TestFormatLeftChangesOnTheSecond(t *testing.T) {
	cases := []struct {
		elapsed time.Duration
		want    string
	}{
		{0, "20:00"},
		{999 * time.Millisecond, "20:00"},
		{time.Second, "19:59"},
		{7*time.Minute + 42*time.Second, "12:18"},
		{20 * time.Minute, "00:00"},
		{20*time.Minute + 500*time.Millisecond, "+00:00"},
		{20*time.Minute + time.Second, "+00:01"},
		{85 * time.Minute, "+1:05:00"},
	}
	for _, c := range cases {
		if got := FormatLeft(c.elapsed, DefaultBudget); got != c.want {
			t.Errorf("FormatLeft(%v) = %q, want %q", c.elapsed, got, c.want)
		}
	}
}

func TestParseBudget(t *testing.T) {
	good := map[string]time.Duration{"15": 15 * time.Minute, " 30 ": 30 * time.Minute, "1h": time.Hour, "25m": 25 * time.Minute}
	for in, want := range good {
		if got, err := ParseBudget(in); err != nil || got != want {
			t.Errorf("ParseBudget(%q) = %v, %v", in, got, err)
		}
	}
	for _, in := range []string{"", "abc", "0", "-5", "500"} {
		if _, err := ParseBudget(in); err == nil {
			t.Errorf("ParseBudget(%q) accepted", in)
		}
	}
}

func TestChecklistRules(t *testing.T) {
	iv := NewInterview(1, []string{"A?", "B?", "C?"}, clockStart)
	iv.Clock = iv.Clock.Start(clockStart)
	if iv.Current() != 0 {
		t.Fatalf("current = %d", iv.Current())
	}
	iv.ToggleAsked(0, after(3*time.Minute))
	if !iv.Questions[0].Asked || iv.Questions[0].AskedAt != 3*time.Minute || iv.Current() != 1 {
		t.Errorf("after tick: %+v, current %d", iv.Questions[0], iv.Current())
	}
	iv.Choose(2)
	if iv.Current() != 2 {
		t.Errorf("chosen question not current: %d", iv.Current())
	}
	iv.ToggleAsked(2, after(4*time.Minute))
	if iv.Current() != 1 {
		t.Errorf("after asking the chosen one: %d", iv.Current())
	}
	iv.ToggleSkipped(1)
	if iv.Current() != -1 {
		t.Errorf("all done but current = %d", iv.Current())
	}
	iv.ToggleAsked(0, after(5*time.Minute))
	if iv.Questions[0].Asked || iv.Questions[0].AskedAt != 0 {
		t.Errorf("untick kept its time: %+v", iv.Questions[0])
	}
	if j := iv.Move(0, 2); j != 2 || iv.Questions[2].Text != "A?" || iv.Questions[0].Text != "B?" {
		t.Errorf("move: %d %+v", j, iv.Questions)
	}
	if i := iv.InsertQuestion(1, "  New?  "); i != 1 || iv.Questions[1].Text != "New?" || iv.Questions[1].ID != 4 {
		t.Errorf("insert: %d %+v", i, iv.Questions)
	}
	if iv.InsertQuestion(0, "   ") != -1 {
		t.Error("blank question inserted")
	}
}

func TestMustAskAndClosing(t *testing.T) {
	iv := NewInterview(1, []string{"A?", "B?"}, clockStart)
	iv.ToggleMustAsk(1)
	if got := iv.MustAskLeft(); len(got) != 1 || got[0] != 1 {
		t.Errorf("must-ask left = %v", got)
	}
	if len(iv.Closing) != 4 {
		t.Fatalf("closing ritual = %v", iv.Closing)
	}
	if iv.ClosingDue(after(time.Hour)) {
		t.Error("closing due before the clock started")
	}
	iv.Clock = iv.Clock.Start(clockStart)
	if iv.ClosingDue(after(14*time.Minute + 59*time.Second)) {
		t.Error("closing due with more than 5 minutes left")
	}
	if !iv.ClosingDue(after(15 * time.Minute)) {
		t.Error("closing not due at 5 minutes left")
	}
	iv.ToggleClosing(3, after(16*time.Minute))
	if iv.ClosingDone() != 1 || iv.Closing[3].AskedAt != 16*time.Minute {
		t.Errorf("closing tick: %+v", iv.Closing[3])
	}
}

func TestEndRecordsLengthAndThankYouDue(t *testing.T) {
	iv := NewInterview(1, nil, clockStart)
	iv.Clock = iv.Clock.Start(clockStart)
	iv.End(after(23*time.Minute), DefaultThankYouDays)
	if iv.WrapUp.Length != 23*time.Minute || iv.Clock.State() != Ended {
		t.Errorf("length = %v, state %v", iv.WrapUp.Length, iv.Clock.State())
	}
	if want := time.Date(2026, 11, 29, 0, 0, 0, 0, time.UTC); !iv.WrapUp.ThankYouDue.Equal(want) {
		t.Errorf("thank-you due %v, want %v", iv.WrapUp.ThankYouDue, want)
	}
}

func TestFormatClock(t *testing.T) {
	for _, c := range []struct {
		d    time.Duration
		want string
	}{
		{0, "00:00"}, {999 * time.Millisecond, "00:00"}, {59 * time.Second, "00:59"},
		{20 * time.Minute, "20:00"}, {59*time.Minute + 59*time.Second, "59:59"},
		{time.Hour, "1:00:00"}, {4*time.Hour + 5*time.Minute + 6*time.Second, "4:05:06"},
		{123 * time.Hour, "123:00:00"}, {-(65 * time.Second), "01:05"},
	} {
		if got := FormatClock(c.d); got != c.want {
			t.Errorf("FormatClock(%v) = %q, want %q", c.d, got, c.want)
		}
	}
}
