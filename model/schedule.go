package model

import (
	"strings"
	"time"
)

// Mode is how an interview is held.
type Mode string

// Interview modes. In person is best; email is the fallback for someone who
// cannot spare a call.
const (
	ModeInPerson Mode = "in person"
	ModePhone    Mode = "phone"
	ModeVideo    Mode = "video"
	ModeEmail    Mode = "email"
)

// Modes lists the modes in the order a form offers them.
func Modes() []Mode { return []Mode{ModeInPerson, ModePhone, ModeVideo, ModeEmail} }

// Valid reports whether m is one of the modes.
func (m Mode) Valid() bool {
	switch m {
	case ModeInPerson, ModePhone, ModeVideo, ModeEmail:
		return true
	}
	return false
}

// StandardLengths are the lengths people usually grant, offered as choices
// before "other".
var StandardLengths = []time.Duration{15 * time.Minute, 20 * time.Minute, 30 * time.Minute}

// MaxLength bounds a requested length. Informational interviews are short
// by nature; a longer value is almost surely a typo (minutes taken as
// hours).
const MaxLength = 3 * time.Hour

// Schedule is an agreed interview: when, how, where, and how long the user
// asked for. The length asked for is a promise, so it becomes the
// interview's time budget.
type Schedule struct {
	At   time.Time `json:"at"`
	Mode Mode      `json:"mode"`
	// Place is the address for a meeting in person, the link for a video
	// call, or the number to call.
	Place string `json:"place,omitempty"`
	// Length is the time asked for; zero means DefaultBudget.
	Length time.Duration `json:"length,omitempty"`
}

// Field names used as keys by Schedule.FieldErrors.
const (
	FieldAt     = "at"
	FieldMode   = "mode"
	FieldPlace  = "place"
	FieldLength = "length"
)

// FieldErrors checks each field of the schedule and maps those with a
// problem to a plain message; empty means it can be saved. A place is
// optional (it is often settled later), but a video link that cannot be a
// web address is flagged.
func (s Schedule) FieldErrors() map[string]string {
	errs := map[string]string{}
	if s.At.IsZero() {
		errs[FieldAt] = "Choose a date and time."
	}
	if !s.Mode.Valid() {
		errs[FieldMode] = "Choose in person, phone, video or email."
	}
	if p := strings.TrimSpace(s.Place); s.Mode == ModeVideo && p != "" &&
		!strings.ContainsAny(p, " \t") && !IsWebAddress(p) {
		errs[FieldPlace] = "That doesn't look like a link (like meet.example.org/abc)."
	}
	if s.Length < 0 || s.Length > MaxLength {
		errs[FieldLength] = "Choose a length between 1 minute and 3 hours."
	} else if s.Length != 0 && s.Length < time.Minute {
		errs[FieldLength] = "Choose a length between 1 minute and 3 hours."
	}
	return errs
}

// Validate reports the first problem with the schedule, or "".
func (s Schedule) Validate() string {
	errs := s.FieldErrors()
	for _, f := range []string{FieldAt, FieldMode, FieldPlace, FieldLength} {
		if msg, ok := errs[f]; ok {
			return msg
		}
	}
	return ""
}

// Budget is the time budget the interview gets: the length asked for, or
// DefaultBudget when none was given.
func (s Schedule) Budget() time.Duration {
	if s.Length <= 0 {
		return DefaultBudget
	}
	return s.Length
}

// ApplySchedule records the agreed meeting on the interview and, unless the
// clock has already started, sets the budget to the length asked for. A
// running or finished interview keeps its budget so the clock's colours do
// not jump mid-conversation.
func (iv *Interview) ApplySchedule(s Schedule) {
	iv.Scheduled = &s
	if iv.Clock.State() == NotStarted {
		iv.Budget = s.Budget()
	}
}

// SetBudget changes the time budget and, for a scheduled interview, the
// length asked for with it: the two are one promise, and What's next shows
// the schedule's length while the clock runs on the budget.
func (iv *Interview) SetBudget(d time.Duration) {
	iv.Budget = d
	if iv.Scheduled != nil {
		// A new schedule, not a change to the old one: a copy of the
		// interview being saved elsewhere may share it.
		s := *iv.Scheduled
		s.Length = d
		iv.Scheduled = &s
	}
}

// HeldAt is when the interview took place: when its clock ended, or, for
// one started but never ended (the program closed mid-interview), when it
// started. ok is false for an interview that has not been held.
func (iv Interview) HeldAt() (at time.Time, ok bool) {
	// A clock that is running or paused is an interview still going on:
	// nothing is due for it yet, and it stays among the upcoming ones.
	if !iv.Clock.EndedAt.IsZero() && iv.NotHeld == "" {
		return iv.Clock.EndedAt, true
	}
	return time.Time{}, false
}
