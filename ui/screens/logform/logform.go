// Package logform is the form that logs a timeline entry.
package logform

import (
	"fmt"
	"parley/ui/common"
	"parley/ui/components/formkit"
	"parley/ui/safetext"
	"strings"

	"github.com/charmbracelet/bubbles/help"
	tea "github.com/charmbracelet/bubbletea"

	"parley/model"
	"parley/store"
)

// LogForm adds one entry to a contact's timeline: a request sent, a reply,
// a call, an interview, a thank-you, an update or a note. Saving moves the
// contact along the pipeline when the kind calls for it.
type LogForm struct {
	c       *common.Common
	contact model.Contact
	form    formkit.Form
	initial []string
	width   int
	height  int
}

const (
	logKind = iota
	logAt
	logChannel
	logText
)

func NewLogForm(c *common.Common, contact model.Contact, kind model.InteractionKind) LogForm {
	var kinds []string
	for _, k := range model.InteractionKinds() {
		kinds = append(kinds, string(k))
	}
	fields := []formkit.FormField{
		{Label: "What", Kind: formkit.KindChoice, Options: kinds},
		formkit.DateField(c, "When", formkit.DayOrTime),
		{Label: "Channel", Hint: "email, phone, letter…"},
		{Label: "Text", Hint: "the message, or what was said (keep a copy of what you send)", Kind: formkit.KindArea},
	}
	initial := []string{string(kind), c.Now().Format(common.DateTimeLayout), "", ""}
	return LogForm{c: c, contact: contact, form: formkit.NewForm(c.Styles, fields, initial), initial: initial}
}

// interaction reads the form; errs maps fields to their problems.
func (f LogForm) interaction() (model.Interaction, map[int]string) {
	errs := map[int]string{}
	it := model.Interaction{ContactID: f.contact.ID, Kind: model.InteractionKind(f.form.Value(logKind)),
		Channel: f.form.Value(logChannel), Text: f.form.Value(logText)}
	when, err := f.form.When(logAt)
	if err != nil {
		errs[logAt] = err.Error()
	} else {
		it.At = when.At
	}
	if err == nil {
		if msg := it.Validate(); msg != "" {
			errs[logText] = msg
		}
	}
	return it, errs
}

func (f LogForm) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	k, ok := msg.(tea.KeyMsg)
	if !ok {
		return f, nil
	}
	submit, cmd := f.form.CancelOrKey(f.c, k, f.initial, "Throw away this entry?")
	if !submit {
		return f, cmd
	}
	it, errs := f.interaction()
	f.form.Errs = errs
	if len(errs) > 0 {
		return f, nil
	}
	note := ""
	if to, moves := it.Kind.MovesTo(); moves {
		c := f.contact
		if c.Advance(to) {
			note = " " + f.contact.Name + " is now at " + string(to) + "."
		}
	}
	return f, tea.Sequence(common.Pop, common.WithInfo(common.LogInteraction(f.c.Store, it), "Logged the %s.%s", it.Kind, note))
}

func (f LogForm) View() string {
	st := f.c.Styles
	head := []string{st.Title.Render("Log for "+safetext.Line(f.contact.Name)) + st.Muted.Render(" · "+string(f.contact.CurrentStage())), ""}
	fields, _, _ := f.form.View(f.width)
	lines := append(head, fields...)
	kind := model.InteractionKind(f.form.Value(logKind))
	if to, ok := kind.MovesTo(); ok {
		lines = append(lines, "", st.Muted.Render(common.TruncateCells("Saving moves them on to "+string(to)+" (never back).", f.width)))
	}
	return strings.Join(lines, "\n")
}

func (f LogForm) SetSize(w, h int) common.Screen {
	f.width, f.height = w, h
	f.form.SetWidth(w)
	return f
}
func (f LogForm) Capturing() bool   { return true }
func (f LogForm) Help() help.KeyMap { return f.form.Help() }

func (f LogForm) Load() tea.Cmd           { return nil }
func (f LogForm) Watches() common.Watcher { return common.Watching() }

// Unsaved is true while the form holds typed changes.
func (f LogForm) Unsaved() bool { return f.form.Changed(f.initial) }

// SaveNow is nil: a form closes only by saving, or by the user throwing
// the entry away.
func (f LogForm) SaveNow() tea.Cmd { return nil }

// Flush logs the typed entry when the program stops with the form open
// (ctrl+c, SIGTERM, SIGHUP); one that cannot be logged is reported.
func (f LogForm) Flush(s *store.Store) error {
	if !f.Unsaved() {
		return nil
	}
	it, errs := f.interaction()
	if len(errs) > 0 {
		return fmt.Errorf("the entry for %s was not logged: %s", f.contact.Name, formkit.FirstProblem(errs))
	}
	_, err := s.AddInteraction(it, true)
	return err
}

// OpenLogForm opens the form for a timeline entry.
func OpenLogForm(c *common.Common, msg tea.Msg) (common.Screen, bool) {
	if m, ok := msg.(common.OpenLogMsg); ok {
		return NewLogForm(c, m.Contact, m.Kind), true
	}
	return nil, false
}
