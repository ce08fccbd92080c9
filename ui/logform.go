package ui

import (
	"fmt"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"parley/model"
	"parley/store"
)

// logForm adds one entry to a contact's timeline: a request sent, a reply,
// a call, an interview, a thank-you, an update or a note. Saving moves the
// contact along the pipeline when the kind calls for it.
type logForm struct {
	c       *common
	contact model.Contact
	form    form
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

func newLogForm(c *common, contact model.Contact, kind model.InteractionKind) logForm {
	var kinds []string
	for _, k := range model.InteractionKinds() {
		kinds = append(kinds, string(k))
	}
	fields := []formField{
		{label: "What", kind: kindChoice, options: kinds},
		{label: "When", hint: "YYYY-MM-DD HH:MM"},
		{label: "Channel", hint: "email, phone, letter…"},
		{label: "Text", hint: "the message, or what was said (keep a copy of what you send)", kind: kindArea},
	}
	initial := []string{string(kind), c.now().Format(dateTimeLayout), "", ""}
	return logForm{c: c, contact: contact, form: newForm(c.styles, fields, initial), initial: initial}
}

// interaction reads the form; errs maps fields to their problems.
func (f logForm) interaction() (model.Interaction, map[int]string) {
	errs := map[int]string{}
	it := model.Interaction{ContactID: f.contact.ID, Kind: model.InteractionKind(f.form.value(logKind)),
		Channel: f.form.value(logChannel), Text: f.form.value(logText)}
	at, err := time.ParseInLocation(dateTimeLayout, f.form.value(logAt), f.c.now().Location())
	if err != nil {
		errs[logAt] = "Write the date and time as 2025-03-14 15:30."
	} else {
		it.At = at
	}
	if err == nil {
		if msg := it.Validate(); msg != "" {
			errs[logText] = msg
		}
	}
	return it, errs
}

func (f logForm) Update(msg tea.Msg) (screen, tea.Cmd) {
	k, ok := msg.(tea.KeyMsg)
	if !ok {
		return f, nil
	}
	submit, cmd := f.form.cancelOrKey(f.c, k, f.initial, "Throw away this entry?")
	if !submit {
		return f, cmd
	}
	it, errs := f.interaction()
	f.form.errs = errs
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
	return f, tea.Sequence(pop, logInteraction(f.c.store, it), info("Logged the %s.%s", it.Kind, note))
}

func (f logForm) view() string {
	st := f.c.styles
	head := []string{st.Title.Render("Log for "+f.contact.Name) + st.Muted.Render(" · "+string(f.contact.CurrentStage())), ""}
	fields, _, _ := f.form.view(f.width)
	lines := append(head, fields...)
	kind := model.InteractionKind(f.form.value(logKind))
	if to, ok := kind.MovesTo(); ok {
		lines = append(lines, "", st.Muted.Render(truncateCells("Saving moves them on to "+string(to)+" (never back).", f.width)))
	}
	return strings.Join(lines, "\n")
}

func (f logForm) setSize(w, h int) screen { f.width, f.height = w, h; return f }
func (f logForm) capturing() bool         { return true }
func (f logForm) help() help.KeyMap {
	k := f.form.keys
	k.Choose.SetEnabled(f.form.choosing())
	return keyMap{short: []key.Binding{k.Next, k.Choose, k.Save, k.Cancel},
		full: [][]key.Binding{{k.Next, k.Prev, k.Choose}, {k.Save, k.Cancel}}}
}

func (f logForm) load() tea.Cmd    { return nil }
func (f logForm) watches() watcher { return watching() }

// unsaved is true while the form holds typed changes.
func (f logForm) unsaved() bool { return f.form.changed(f.initial) }

// saveNow is nil: a form closes only by saving, or by the user throwing
// the entry away.
func (f logForm) saveNow() tea.Cmd { return nil }

// flush logs the typed entry when the program stops with the form open
// (ctrl+c, SIGTERM, SIGHUP); one that cannot be logged is reported.
func (f logForm) flush(s *store.Store) error {
	if !f.unsaved() {
		return nil
	}
	it, errs := f.interaction()
	if len(errs) > 0 {
		return fmt.Errorf("the entry for %s was not logged: %s", f.contact.Name, firstProblem(errs))
	}
	_, err := s.AddInteraction(it, true)
	return err
}

// openLogForm opens the form for a timeline entry.
func openLogForm(c *common, msg tea.Msg) (screen, bool) {
	if m, ok := msg.(openLogMsg); ok {
		return newLogForm(c, m.contact, m.kind), true
	}
	return nil, false
}
