package model

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
	"time"

	"github.com/olebedev/when/rules"
	"github.com/olebedev/when/rules/common"
	"github.com/olebedev/when/rules/en"
)

// When is a date, or a date and time, as a person typed it, read at a
// given now.
type When struct {
	// At is the moment meant, in now's location. For a date alone it is
	// local midnight of that day.
	At time.Time
	// DateOnly is true when no time of day was given ("fri", "in 2 weeks").
	DateOnly bool
}

// exactLayouts are the written-out forms, read before the natural ones:
// an ISO date is not a phrase, and the phrase reader takes "12-03" in
// "2026-12-03" for a time. Input is lowercased first, hence the "t".
var exactLayouts = []struct {
	layout   string
	dateOnly bool
}{
	{"2006-01-02 15:04", false},
	{"2006-01-02t15:04", false},
	{"2006-01-02 15:04:05", false},
	{"2006-01-02t15:04:05", false},
	{"2006-01-02 3pm", false},
	{"2006-01-02 3:04pm", false},
	{"2006-01-02 3 pm", false},
	{"2006-01-02 3:04 pm", false},
	{time.DateOnly, true},
}

// slashDate finds a date written with slashes between numbers ("1/12",
// "12/1/2026"): day-first or month-first depends on
// where the writer grew up, and the phrase reader guesses (it read "1/12"
// as today), so such a date is refused with the forms that cannot be
// misread.
var slashDate = regexp.MustCompile(`\b\d{1,4}/\d{1,2}(/\d{0,4})?`)

// dateExamples is what an error suggests typing.
const dateExamples = "like tomorrow 3pm, fri 10:00, in 2 weeks or 2026-12-03 14:30"

// ParseWhen reads a date or time as people write it — "tomorrow 3pm",
// "next tue 10:00", "fri", "in 2 weeks", "2026-12-03 14:30" — relative to
// now and in now's location. A weekday means the next one to come. The
// whole of s must be understood: a phrase read only in part ("next friday
// at 9" is read as "next friday") is refused, naming the part that was
// understood, rather than saved as something the user did not mean.
func ParseWhen(s string, now time.Time) (When, error) {
	typed := strings.Join(strings.Fields(strings.ToLower(s)), " ")
	if typed == "" {
		return When{}, fmt.Errorf("a date is empty; type one %s", dateExamples)
	}
	if m := slashDate.FindString(typed); m != "" {
		return When{}, fmt.Errorf("%q could be read day first or month first; write the month as a word or the date in full, like 3 dec, dec 3 or 2026-12-03", m)
	}
	loc := now.Location()
	for _, l := range exactLayouts {
		if at, err := time.ParseInLocation(l.layout, typed, loc); err == nil {
			return When{At: at, DateOnly: l.dateOnly}, nil
		}
	}
	at, err := readPhrase(typed, now)
	if err != nil {
		return When{}, err
	}
	// The phrase reader keeps now's time of day when none was given. Read
	// again from another time of day: if the answer moves with the clock
	// and lands on another day, the phrase named a day alone.
	probe := now.Add(-time.Minute)
	if probe.YearDay() != now.YearDay() {
		probe = now.Add(time.Minute)
	}
	again, err := readPhrase(typed, probe)
	if err != nil {
		return When{}, err
	}
	if again.Sub(at) == probe.Sub(now) && DaysBetween(now, at, loc) != 0 {
		return When{At: dayOf(at, loc), DateOnly: true}, nil
	}
	// The reader keeps now's seconds: "tomorrow 3pm" is 15:00 sharp.
	at = at.In(loc)
	return When{At: time.Date(at.Year(), at.Month(), at.Day(), at.Hour(), at.Minute(), 0, 0, loc)}, nil
}

// readPhrase runs the natural-date reader over all of typed.
func readPhrase(typed string, now time.Time) (time.Time, error) {
	at, read, ok := readRules(typed, now)
	if !ok {
		return time.Time{}, fmt.Errorf("%q is not a date Parley can read; type one %s", typed, dateExamples)
	}
	if read != typed {
		return time.Time{}, fmt.Errorf("only %q of %q could be read as a date; type one %s", read, typed, dateExamples)
	}
	return at, nil
}

// phraseRules are the reader's rules, English and the ones common to every
// language, in the order they apply. They come from the when package, but
// not through its Parser: importing that package compiles the rules of
// three more languages at every start, 4.5 ms of it.
var phraseRules = append(append([]rules.Rule{}, en.All...), common.All...)

// phraseOptions are when's defaults: matches up to 5 bytes apart read as
// one phrase, applied in the rules' order.
var phraseOptions = rules.Options{Distance: 5, MatchByOrder: true}

// readRules reads a date the way when's Parser does: every rule's match,
// the run of them that starts first (each within Distance of the one
// before), applied in rule order to now. It returns the time and the text
// it read, which must be all of what was typed to count.
func readRules(text string, now time.Time) (time.Time, string, bool) {
	var found []*rules.Match
	for i, r := range phraseRules {
		if m := r.Find(text); m != nil {
			m.Order = float64(i)
			found = append(found, m)
		}
	}
	if len(found) == 0 {
		return time.Time{}, "", false
	}
	sort.Sort(rules.MatchByIndex(found))
	start, end := found[0].Left, found[0].Right
	for i, m := range found {
		if m.Left > end+phraseOptions.Distance {
			found = found[:i]
			break
		}
		end = m.Right
	}
	sort.Sort(rules.MatchByOrder(found))
	ctx := &rules.Context{Text: text[start:end]}
	applied := false
	for _, m := range found {
		ok, err := m.Apply(ctx, &phraseOptions, now)
		if err != nil {
			return time.Time{}, "", false
		}
		applied = applied || ok
	}
	if !applied {
		return time.Time{}, "", false
	}
	at, err := ctx.Time(now)
	if err != nil {
		return time.Time{}, "", false
	}
	return at, text[start:end], true
}

// Describe shows what was understood, to confirm before saving:
// "Tue 1 Dec 2026 15:00 (tomorrow)", "Fri 4 Dec 2026 (in 4 days)", the
// time on the hours clock.
func (w When) Describe(now time.Time, hours HourCycle) string {
	loc := now.Location()
	at := w.At.In(loc)
	s := at.Format("Mon 2 Jan 2006")
	if !w.DateOnly {
		s += " " + hours.TimeOfDay(at)
	}
	switch d := DaysBetween(now, at, loc); {
	case d == 0:
		s += " (today)"
	case d == 1:
		s += " (tomorrow)"
	case d == -1:
		s += " (yesterday)"
	case d > 1:
		s += fmt.Sprintf(" (in %d days)", d)
	default:
		s += fmt.Sprintf(" (%d days ago)", -d)
	}
	return s
}
