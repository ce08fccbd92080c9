// Package templateform is the form that edits a message template.
package templateform

import (
	"errors"
	"fmt"
	"parley/ui/common"
	"parley/ui/components/confirm"
	"parley/ui/safetext"
	"strconv"
	"strings"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textarea"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"parley/model"
	"parley/store"
)

// tfField is a part of the template form, in focus order.
type tfField int

const (
	tfName tfField = iota
	tfChannel
	tfPurpose
	tfSubject
	tfBody
)

type templateFormKeys struct {
	Next, Prev, Cycle, Save, Cancel key.Binding
}

// templateForm edits one template, or makes a new one. A broken template
// is not saved: the problem is shown with its line and column and the
// cursor is put on it.
type templateForm struct {
	c        *common.Common
	keys     templateFormKeys
	original model.TemplateDoc
	doc      model.TemplateDoc // channel and purpose as chosen
	name     textinput.Model
	subject  textinput.Model
	body     textarea.Model
	focus    tfField
	problem  string
	width    int
	height   int
}

func NewTemplateForm(c *common.Common, d model.TemplateDoc) templateForm {
	f := templateForm{c: c, original: d, doc: d, keys: templateFormKeys{
		Next:   key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "next field")),
		Prev:   key.NewBinding(key.WithKeys("shift+tab"), key.WithHelp("shift+tab", "previous")),
		Cycle:  key.NewBinding(key.WithKeys("left", "right", " "), key.WithHelp("←/→", "change")),
		Save:   key.NewBinding(key.WithKeys("ctrl+s"), key.WithHelp("ctrl+s", "save")),
		Cancel: key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "cancel")),
	}}
	f.name = common.NewInput(c.Styles, "what the list calls it")
	f.name.SetValue(safetext.Strip(d.Name))
	f.subject = common.NewInput(c.Styles, "email subject; empty for a phone script or letter")
	f.subject.SetValue(safetext.Strip(d.Subject))
	f.body = textarea.New()
	f.body.ShowLineNumbers = true
	f.body.Prompt = ""
	f.body.CharLimit = 0
	f.body.MaxHeight = 0
	f.body.SetValue(safetext.Strip(d.Body))
	common.MoveTextCursor(&f.body, 1, 1) // SetValue leaves the cursor at the end
	f.SetFocus(tfName)
	return f
}

// fields are the parts the user can reach: a built-in's purpose is fixed,
// because it decides how a sent message moves the pipeline.
func (f templateForm) fields() []tfField {
	if f.original.BuiltIn {
		return []tfField{tfName, tfChannel, tfSubject, tfBody}
	}
	return []tfField{tfName, tfChannel, tfPurpose, tfSubject, tfBody}
}

func (f templateForm) current() model.TemplateDoc {
	d := f.doc
	d.Name, d.Subject, d.Body = strings.TrimSpace(f.name.Value()), f.subject.Value(), f.body.Value()
	return d
}

func (f templateForm) Changed() bool {
	a, b := f.current(), f.original
	return a.Name != strings.TrimSpace(b.Name) || a.Subject != b.Subject || a.Body != b.Body ||
		a.Channel != b.Channel || a.Purpose != b.Purpose
}

func (f templateForm) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	k, ok := msg.(tea.KeyMsg)
	if !ok {
		return f, nil
	}
	fs := f.fields()
	at := common.IndexOf(fs, f.focus)
	switch {
	case key.Matches(k, f.keys.Save):
		return f.Save()
	case key.Matches(k, f.keys.Cancel):
		if f.Changed() {
			return f, common.Push(confirm.NewConfirm(f.c, "Throw away your changes?", "", common.Pop))
		}
		return f, common.Pop
	case key.Matches(k, f.keys.Next), k.Type == tea.KeyEnter && f.focus != tfBody:
		f.SetFocus(fs[(at+1)%len(fs)])
		return f, nil
	case key.Matches(k, f.keys.Prev):
		f.SetFocus(fs[(at+len(fs)-1)%len(fs)])
		return f, nil
	}
	var cmd tea.Cmd
	switch f.focus {
	case tfName:
		f.name, cmd = f.name.Update(k)
	case tfSubject:
		f.subject, cmd = f.subject.Update(k)
	case tfBody:
		f.body, cmd = f.body.Update(k)
	case tfChannel:
		if key.Matches(k, f.keys.Cycle) {
			f.doc.Channel = common.Cycle(model.Channels(), f.doc.Channel, cycleStep(k))
		}
	case tfPurpose:
		if key.Matches(k, f.keys.Cycle) {
			f.doc.Purpose = common.Cycle(model.Purposes(), f.doc.Purpose, cycleStep(k))
		}
	}
	return f, cmd
}

func (f *templateForm) SetFocus(to tfField) {
	f.name.Blur()
	f.subject.Blur()
	f.body.Blur()
	f.focus = to
	switch to {
	case tfName:
		f.name.Focus()
	case tfSubject:
		f.subject.Focus()
	case tfBody:
		f.body.Focus()
	}
}

// Save checks the template here, where the error can be shown in place;
// only a sound template goes to the store.
func (f templateForm) Save() (common.Screen, tea.Cmd) {
	d := f.current()
	err := d.Validate()
	var pe *model.ParseError
	switch {
	case errors.As(err, &pe):
		f.problem = pe.Error()
		f.resizeBody() // before moving, so the text area scrolls to the problem
		if pe.Part == "subject" {
			f.SetFocus(tfSubject)
			f.subject.SetCursor(pe.Column - 1)
		} else {
			f.SetFocus(tfBody)
			common.MoveTextCursor(&f.body, pe.Line, pe.Column)
		}
		return f, nil
	case err != nil:
		f.problem = err.Error()
		f.resizeBody()
		return f, nil
	}
	return f, tea.Sequence(common.Pop, common.WithInfo(common.SaveTemplate(f.c.Store, d), "Saved the template %q.", d.Name))
}

func (f templateForm) View() string {
	return f.headView() + "\n" + f.body.View() + "\n" + f.footView()
}

// resizeBody gives the text area the room between the fields and the
// hints, which change height with the problem shown.
func (f *templateForm) resizeBody() {
	f.body.SetWidth(max(f.width, 10))
	f.body.SetHeight(max(f.height-lipgloss.Height(f.headView())-lipgloss.Height(f.footView()), 1))
}

func (f templateForm) headView() string {
	st := f.c.Styles
	title := "New template"
	if f.original.ID != "" {
		title = "Edit " + safetext.Line(f.original.Name)
	}
	labelW := 10
	row := func(fld tfField, label, value string) string {
		marker, l := "  ", st.Label.Render(common.PadRight(label, labelW))
		if f.focus == fld {
			marker, l = "▸ ", st.Accent.Render(common.PadRight(label, labelW))
		}
		return marker + l + value
	}
	choice := func(fld tfField, v string) string {
		if f.focus == fld {
			return "◂ " + v + " ▸"
		}
		return v
	}
	w := f.width - 2 - labelW
	lines := []string{st.Title.Render(title),
		row(tfName, "Name", common.InputView(st, f.name, w)),
		row(tfChannel, "Channel", choice(tfChannel, string(f.doc.Channel)))}
	if !f.original.BuiltIn {
		lines = append(lines, row(tfPurpose, "Purpose", choice(tfPurpose, string(f.doc.Purpose))+
			st.Muted.Render("  (what marking it sent logs)")))
	}
	lines = append(lines, row(tfSubject, "Subject", common.InputView(st, f.subject, w)),
		row(tfBody, "Text", st.Muted.Render(f.bodyPosition())))
	return strings.Join(lines, "\n")
}

func (f templateForm) footView() string {
	st := f.c.Styles
	w := max(f.width, 10)
	var foot []string
	if f.problem != "" {
		foot = append(foot, st.Error.Render(ansi.Wrap("! "+f.problem, w, "")))
	}
	// The full list takes five lines at 80 columns; a short window keeps
	// its room for the text.
	hint := ansi.Wrap(placeholderHint(), w, "")
	if f.height < 22 {
		hint = common.TruncateCells(placeholderHint(), w)
	}
	foot = append(foot, st.Muted.Render(hint))
	return strings.Join(foot, "\n")
}

// bodyPosition is the caret's place in the text: the textarea's caret is
// reverse video, which NO_COLOR removes.
func (f templateForm) bodyPosition() string {
	if f.focus != tfBody {
		return "(tab to edit)"
	}
	return "line " + itoa(f.body.Line()+1) + ", column " + itoa(common.TextCursorColumn(f.body))
}

func itoa(n int) string { return strconv.Itoa(n) }

// placeholderHint lists what a template can use.
func placeholderHint() string {
	var keys []string
	for _, p := range model.Placeholders() {
		keys = append(keys, "{{"+string(p)+"}}")
	}
	return "Placeholders: " + strings.Join(keys, " ") + " · {{#referrer}}…{{/referrer}} only if they allowed it · {{?a prompt}} to fill by hand"
}

func (f templateForm) SetSize(w, h int) common.Screen {
	f.width, f.height = w, h
	f.resizeBody()
	return f
}
func (f templateForm) Capturing() bool { return true }
func (f templateForm) Help() help.KeyMap {
	k := f.keys
	k.Cycle.SetEnabled(f.focus == tfChannel || f.focus == tfPurpose)
	return common.KeyMap{Short: []key.Binding{k.Next, k.Cycle, k.Save, k.Cancel},
		Full: [][]key.Binding{{k.Next, k.Prev, k.Cycle}, {k.Save, k.Cancel}}}
}

// cycleStep is -1 for left, 1 for anything else that cycles.
func cycleStep(k tea.KeyMsg) int {
	if k.String() == "left" {
		return -1
	}
	return 1
}

func (f templateForm) Load() tea.Cmd           { return nil }
func (f templateForm) Watches() common.Watcher { return common.Watching() }

// Unsaved is true while the form holds typed changes.
func (f templateForm) Unsaved() bool { return f.Changed() }

// SaveNow is nil: the form closes only by saving, or by the user throwing
// the changes away.
func (f templateForm) SaveNow() tea.Cmd { return nil }

// Flush saves the typed template when the program stops with the form open
// (ctrl+c, SIGTERM, SIGHUP); one that cannot be saved is reported.
func (f templateForm) Flush(s *store.Store) error {
	if !f.Changed() {
		return nil
	}
	d := f.current()
	if err := d.Validate(); err != nil {
		return fmt.Errorf("the template %q was not saved: %w", d.Name, err)
	}
	_, err := s.PutTemplate(d)
	return err
}

// OpenTemplateForm opens a template to edit.
func OpenTemplateForm(c *common.Common, msg tea.Msg) (common.Screen, bool) {
	if m, ok := msg.(common.OpenTemplateFormMsg); ok {
		return NewTemplateForm(c, m.Doc), true
	}
	return nil, false
}
