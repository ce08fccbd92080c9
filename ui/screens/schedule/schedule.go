// Package schedule is the form that schedules an interview.
package schedule

import (
	"fmt"
	"parley/ui/common"
	"parley/ui/components/formkit"
	"parley/ui/safetext"
	"strconv"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/help"
	tea "github.com/charmbracelet/bubbletea"

	"parley/model"
	"parley/store"
)

// scheduleForm records an agreed interview: when, how, where and how long
// was asked for. The length becomes the interview's time budget, and
// saving moves the contact to scheduled.
type scheduleForm struct {
	c         *common.Common
	contact   model.Contact
	interview model.Interview // ID 0 for a new one
	form      formkit.Form
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

// NewScheduleForm schedules a new interview, or reschedules iv when its ID
// is set.
func NewScheduleForm(c *common.Common, contact model.Contact, iv model.Interview) scheduleForm {
	var modes []string
	for _, m := range model.Modes() {
		modes = append(modes, string(m))
	}
	var lengths []string
	for _, l := range model.StandardLengths {
		lengths = append(lengths, strconv.Itoa(int(l.Minutes())))
	}
	fields := []formkit.FormField{
		formkit.DateField(c, "When", formkit.DateAndTime),
		{Label: "How", Kind: formkit.KindChoice, Options: modes},
		{Label: "Where", Hint: "address, link or number"},
		{Label: "Minutes", Hint: "15, 20, 30 or your own", Kind: formkit.KindChoice, Options: lengths, Free: true},
	}
	// A day ahead at ten is a likelier start than "now", and easy to edit.
	at := c.Now().AddDate(0, 0, 1)
	at = time.Date(at.Year(), at.Month(), at.Day(), 10, 0, 0, 0, at.Location())
	initial := []string{at.Format(common.DateTimeLayout), string(model.ModeVideo), "", "20"}
	if s := iv.Scheduled; s != nil {
		initial = []string{s.At.In(c.Now().Location()).Format(common.DateTimeLayout), string(s.Mode), s.Place,
			strconv.Itoa(int(s.Budget().Minutes()))}
	} else {
		// Typing "fri 3pm" replaces the suggestion; an arrow edits it.
		fields[0].Suggested = true
	}
	return scheduleForm{c: c, contact: contact, interview: iv, form: formkit.NewForm(c.Styles, fields, initial), initial: initial}
}

// schedule reads the form; errs maps fields to their problems.
func (f scheduleForm) schedule() (model.Schedule, map[int]string) {
	errs := map[int]string{}
	sch := model.Schedule{Mode: model.Mode(f.form.Value(schMode)), Place: f.form.Value(schPlace)}
	if when, err := f.form.When(schAt); err != nil {
		errs[schAt] = err.Error()
	} else {
		sch.At = when.At
	}
	if n, err := strconv.Atoi(strings.TrimSuffix(f.form.Value(schLength), " min")); err != nil || n <= 0 {
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

func (f scheduleForm) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	k, ok := msg.(tea.KeyMsg)
	if !ok {
		return f, nil
	}
	submit, cmd := f.form.CancelOrKey(f.c, k, f.initial, "Throw away this schedule?")
	if !submit {
		return f, cmd
	}
	sch, errs := f.schedule()
	f.form.Errs = errs
	if len(errs) > 0 {
		return f, nil
	}
	iv := f.interview
	if iv.ID == 0 {
		iv = model.NewInterview(f.contact.ID, nil, f.c.Now()) // questions come in the command
	}
	return f, tea.Sequence(common.Pop, common.WithInfo(common.ScheduleInterview(f.c.Store, iv, sch),
		"Interview with %s on %s.", f.contact.Name, sch.At.Format("Mon 2 Jan")+" "+f.c.TimeOfDay(sch.At)))
}

func (f scheduleForm) View() string {
	st := f.c.Styles
	title := "Schedule an interview with " + safetext.Line(f.contact.Name)
	if f.interview.ID != 0 {
		title = "Reschedule the interview with " + safetext.Line(f.contact.Name)
	}
	fields, _, _ := f.form.View(f.width)
	lines := append([]string{st.Title.Render(common.TruncateCells(title, f.width)), ""}, fields...)
	lines = append(lines, "", st.Muted.Render(common.TruncateCells("The minutes you asked for become the interview's time budget.", f.width)))
	return strings.Join(lines, "\n")
}

func (f scheduleForm) SetSize(w, h int) common.Screen {
	f.width, f.height = w, h
	f.form.SetWidth(w)
	return f
}
func (f scheduleForm) Capturing() bool   { return true }
func (f scheduleForm) Help() help.KeyMap { return f.form.Help() }

func (f scheduleForm) Load() tea.Cmd           { return nil }
func (f scheduleForm) Watches() common.Watcher { return common.Watching() }

// Unsaved is true while the form holds typed changes.
func (f scheduleForm) Unsaved() bool { return f.form.Changed(f.initial) }

// SaveNow is nil: a form closes only by saving, or by the user throwing
// the schedule away.
func (f scheduleForm) SaveNow() tea.Cmd { return nil }

// Flush records the typed schedule when the program stops with the form
// open (ctrl+c, SIGTERM, SIGHUP); one that cannot be is reported.
func (f scheduleForm) Flush(s *store.Store) error {
	if !f.Unsaved() {
		return nil
	}
	sch, errs := f.schedule()
	if len(errs) > 0 {
		return fmt.Errorf("the interview with %s was not scheduled: %s", f.contact.Name, formkit.FirstProblem(errs))
	}
	iv := f.interview
	if iv.ID == 0 {
		iv = model.NewInterview(f.contact.ID, nil, f.c.Now())
	}
	msg, _ := common.ScheduleInterview(s, iv, sch)().(common.InterviewScheduledMsg)
	return msg.Err
}

// OpenScheduleForm opens the form that schedules an interview.
func OpenScheduleForm(c *common.Common, msg tea.Msg) (common.Screen, bool) {
	if m, ok := msg.(common.OpenScheduleMsg); ok {
		return NewScheduleForm(c, m.Contact, m.Interview), true
	}
	return nil, false
}
