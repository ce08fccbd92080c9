package formkit

import (
	"errors"
	"parley/ui/common"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"

	"parley/model"
)

// DateMode says what a date field asks for.
type DateMode int

const (
	// DateAndTime needs a time of day: an interview happens at one.
	DateAndTime DateMode = iota
	// DayOrTime takes a day alone or a day and a time.
	DayOrTime
	// DayOnly keeps the day: a time typed with it is dropped.
	DayOnly
)

// dateHint is the placeholder of an empty date field.
const dateHint = "tomorrow 3pm, fri 10:00, in 2 weeks, 2026-12-03 14:30"

// maxDateLen caps what a date field takes: the longest phrase a person
// types is far shorter, and reading it, on every key, costs with its
// length (~0.1 ms for "tomorrow 3pm", ~0.25 ms at this cap).
const maxDateLen = 60

// DateInput is a date or time typed as people write it — "tomorrow 3pm",
// "next tue 10:00", "fri", "in 2 weeks", "2026-12-03 14:30" — read as it
// is typed and shown back ("→ Fri 4 Dec 2026 3:00 pm (in 4 days)") so the
// user sees what will be saved. Every date the interface asks for is one:
// a form's date field (DateField) or a pane's own.
type DateInput struct {
	Input textinput.Model
	c     *common.Common
	mode  DateMode
	// read and err are the reading of the text as last typed, for the
	// read-back; Read reads afresh, at the moment of saving.
	read model.When
	err  error
}

// NewDateInput edits value, a date as typed or as written out
// ("2026-12-03 14:30"), read on c's clock and in its zone.
func NewDateInput(c *common.Common, mode DateMode, value string) DateInput {
	d := DateInput{Input: common.NewInput(c.Styles, dateHint), c: c, mode: mode}
	d.Input.CharLimit = maxDateLen
	d.Input.SetValue(value)
	d.reread()
	return d
}

// SetValue replaces the text and reads it.
func (d *DateInput) SetValue(s string) {
	d.Input.SetValue(s)
	d.reread()
}

// Value is the text as typed.
func (d DateInput) Value() string { return strings.TrimSpace(d.Input.Value()) }

// Update passes a key to the text, reading it again if it changed.
func (d *DateInput) Update(k tea.KeyMsg) tea.Cmd {
	before := d.Input.Value()
	var cmd tea.Cmd
	d.Input, cmd = d.Input.Update(k)
	if d.Input.Value() != before {
		d.reread()
	}
	return cmd
}

func (d *DateInput) reread() { d.read, d.err = d.readAt(d.c.Now()) }

// Read is the date as typed, read now: what to save. An error says in
// plain words what is wrong, with an example.
func (d DateInput) Read() (model.When, error) { return d.readAt(d.c.Now()) }

func (d DateInput) readAt(now time.Time) (model.When, error) {
	w, err := model.ParseWhen(d.Input.Value(), now)
	if err != nil {
		return model.When{}, errors.New(sentence(err.Error()))
	}
	switch {
	case d.mode == DayOnly && !w.DateOnly:
		y, m, day := w.At.Date()
		w = model.When{At: time.Date(y, m, day, 0, 0, 0, 0, w.At.Location()), DateOnly: true}
	case d.mode == DateAndTime && w.DateOnly:
		return w, errNoTime{w.At.Format("Mon")}
	}
	return w, nil
}

// errNoTime is a day typed where a time of day is needed.
type errNoTime struct{ day string }

func (e errNoTime) Error() string {
	return "Add a time of day, like " + strings.ToLower(e.day) + " 10:00 or " + strings.ToLower(e.day) + " 3pm."
}

// ReadBack is the line under the field: what the text was read as, or,
// while it cannot be read, the forms it can take. Empty for an empty
// field.
func (d DateInput) ReadBack() string {
	if d.Value() == "" {
		return ""
	}
	now := d.c.Now()
	var noTime errNoTime
	switch {
	case d.err == nil:
		return "→ " + d.read.Describe(now, d.c.Hours.Cycle())
	case errors.As(d.err, &noTime):
		return "→ " + d.read.Describe(now, d.c.Hours.Cycle()) + ", at what time?"
	}
	return "→ ? try " + dateHint
}

// Problem is why the text as last typed cannot be saved, or "".
func (d DateInput) Problem() string {
	if d.err == nil {
		return ""
	}
	return d.err.Error()
}

// View draws the text in width cells.
func (d DateInput) View(width int) string { return common.InputView(d.c.Styles, d.Input, width) }

// sentence starts s with a capital letter and ends it with a full stop.
func sentence(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	s = string(unicode.ToUpper(r)) + s[n:]
	if !strings.HasSuffix(s, ".") {
		s += "."
	}
	return s
}
