package ui

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"parley/model"
	"parley/store"
)

// scheduleForm records an agreed interview: when, how, where and how long
// was asked for. The length becomes the interview's time budget, and
// saving moves the contact to scheduled.
type scheduleForm struct {
	c         *common
	contact   model.Contact
	interview model.Interview // ID 0 for a new one
	form      form
	initial   []string
	width     int
	height    int
}

const (
	schAt = iota
	schMode
	schPlace
	schLength
)

// newScheduleForm schedules a new interview, or reschedules iv when its ID
// is set.
func newScheduleForm(c *common, contact model.Contact, iv model.Interview) scheduleForm {
	var modes []string
	for _, m := range model.Modes() {
		modes = append(modes, string(m))
	}
	var lengths []string
	for _, l := range model.StandardLengths {
		lengths = append(lengths, strconv.Itoa(int(l.Minutes())))
	}
	fields := []formField{
		{label: "When", hint: "YYYY-MM-DD HH:MM"},
		{label: "How", kind: kindChoice, options: modes},
		{label: "Where", hint: "address, link or number"},
		{label: "Minutes", hint: "15, 20, 30 or your own", kind: kindChoice, options: lengths, free: true},
	}
	// A day ahead at ten is a likelier start than "now", and easy to edit.
	at := c.now().AddDate(0, 0, 1)
	at = time.Date(at.Year(), at.Month(), at.Day(), 10, 0, 0, 0, at.Location())
	initial := []string{at.Format(dateTimeLayout), string(model.ModeVideo), "", "20"}
	if s := iv.Scheduled; s != nil {
		initial = []string{s.At.In(c.now().Location()).Format(dateTimeLayout), string(s.Mode), s.Place,
			strconv.Itoa(int(s.Budget().Minutes()))}
	}
	return scheduleForm{c: c, contact: contact, interview: iv, form: newForm(c.styles, fields, initial), initial: initial}
}

// schedule reads the form; errs maps fields to their problems.
func (f scheduleForm) schedule() (model.Schedule, map[int]string) {
	errs := map[int]string{}
	sch := model.Schedule{Mode: model.Mode(f.form.value(schMode)), Place: f.form.value(schPlace)}
	if at, err := time.ParseInLocation(dateTimeLayout, f.form.value(schAt), f.c.now().Location()); err != nil {
		errs[schAt] = "Write the date and time as 2025-03-14 15:30."
	} else {
		sch.At = at
	}
	if n, err := strconv.Atoi(strings.TrimSuffix(f.form.value(schLength), " min")); err != nil || n <= 0 {
		errs[schLength] = "The length is a number of minutes, like 20."
	} else {
		sch.Length = time.Duration(n) * time.Minute
	}
	for field, msg := range sch.FieldErrors() {
		pos := map[string]int{model.FieldAt: schAt, model.FieldMode: schMode, model.FieldPlace: schPlace, model.FieldLength: schLength}[field]
		if _, have := errs[pos]; !have {
			errs[pos] = msg
		}
	}
	return sch, errs
}

func (f scheduleForm) Update(msg tea.Msg) (screen, tea.Cmd) {
	k, ok := msg.(tea.KeyMsg)
	if !ok {
		return f, nil
	}
	submit, cmd := f.form.cancelOrKey(f.c, k, f.initial, "Throw away this schedule?")
	if !submit {
		return f, cmd
	}
	sch, errs := f.schedule()
	f.form.errs = errs
	if len(errs) > 0 {
		return f, nil
	}
	iv := f.interview
	if iv.ID == 0 {
		iv = model.NewInterview(f.contact.ID, nil, f.c.now()) // questions come in the command
	}
	return f, tea.Sequence(pop, scheduleInterview(f.c.store, iv, sch),
		info("Interview with %s on %s.", f.contact.Name, sch.At.Format("Mon 2 Jan 15:04")))
}

func (f scheduleForm) view() string {
	st := f.c.styles
	title := "Schedule an interview with " + f.contact.Name
	if f.interview.ID != 0 {
		title = "Reschedule the interview with " + f.contact.Name
	}
	fields, _, _ := f.form.view(f.width)
	lines := append([]string{st.Title.Render(truncateCells(title, f.width)), ""}, fields...)
	lines = append(lines, "", st.Muted.Render(truncateCells("The minutes you asked for become the interview's time budget.", f.width)))
	return strings.Join(lines, "\n")
}

func (f scheduleForm) setSize(w, h int) screen { f.width, f.height = w, h; return f }
func (f scheduleForm) capturing() bool         { return true }
func (f scheduleForm) help() help.KeyMap {
	k := f.form.keys
	k.Choose.SetEnabled(f.form.choosing())
	return keyMap{short: []key.Binding{k.Next, k.Choose, k.Save, k.Cancel},
		full: [][]key.Binding{{k.Next, k.Prev, k.Choose}, {k.Save, k.Cancel}}}
}

func (f scheduleForm) load() tea.Cmd    { return nil }
func (f scheduleForm) watches() watcher { return watching() }

// unsaved is true while the form holds typed changes.
func (f scheduleForm) unsaved() bool { return f.form.changed(f.initial) }

// saveNow is nil: a form closes only by saving, or by the user throwing
// the schedule away.
func (f scheduleForm) saveNow() tea.Cmd { return nil }

// flush records the typed schedule when the program stops with the form
// open (ctrl+c, SIGTERM, SIGHUP); one that cannot be is reported.
func (f scheduleForm) flush(s *store.Store) error {
	if !f.unsaved() {
		return nil
	}
	sch, errs := f.schedule()
	if len(errs) > 0 {
		return fmt.Errorf("the interview with %s was not scheduled: %s", f.contact.Name, firstProblem(errs))
	}
	iv := f.interview
	if iv.ID == 0 {
		iv = model.NewInterview(f.contact.ID, nil, f.c.now())
	}
	msg, _ := scheduleInterview(s, iv, sch)().(interviewScheduledMsg)
	return msg.err
}

// openScheduleForm opens the form that schedules an interview.
func openScheduleForm(c *common, msg tea.Msg) (screen, bool) {
	if m, ok := msg.(openScheduleMsg); ok {
		return newScheduleForm(c, m.contact, m.interview), true
	}
	return nil, false
}
