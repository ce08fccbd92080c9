package ui

import (
	"strings"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"

	"parley/model"
	"parley/store"
)

// formField is one editable field of a contact: how to read it from a
// contact and write it back.
type formField struct {
	label string
	hint  string
	get   func(model.Contact) string
	set   func(*model.Contact, string)
}

func contactFields() []formField {
	return []formField{
		{"Name", "required", func(c model.Contact) string { return c.Name }, func(c *model.Contact, v string) { c.Name = v }},
		{"Role", "e.g. Policy analyst", func(c model.Contact) string { return c.Role }, func(c *model.Contact, v string) { c.Role = v }},
		{"Organisation", "", func(c model.Contact) string { return c.Organisation }, func(c *model.Contact, v string) { c.Organisation = v }},
		{"Email", "", func(c model.Contact) string { return c.Email }, func(c *model.Contact, v string) { c.Email = v }},
		{"Phone", "", func(c model.Contact) string { return c.Phone }, func(c *model.Contact, v string) { c.Phone = v }},
		{"Notes", "what you know about them, how you found them", func(c model.Contact) string { return c.Notes }, func(c *model.Contact, v string) { c.Notes = v }},
	}
}

type contactFormKeys struct {
	Next, Prev key.Binding
	Save       key.Binding
	Cancel     key.Binding
}

// contactForm adds a contact or edits one.
type contactForm struct {
	c         *common
	keys      contactFormKeys
	original  model.Contact
	fields    []formField
	inputs    []textinput.Model
	focus     int
	problem   string // why the last save was refused, shown at the field
	problemAt int
	width     int
	height    int
}

func newContactForm(c *common, contact model.Contact) contactForm {
	f := contactForm{c: c, original: contact, fields: contactFields(), keys: contactFormKeys{
		Next:   key.NewBinding(key.WithKeys("tab", "down"), key.WithHelp("tab", "next field")),
		Prev:   key.NewBinding(key.WithKeys("shift+tab", "up"), key.WithHelp("shift+tab", "previous")),
		Save:   key.NewBinding(key.WithKeys("ctrl+s"), key.WithHelp("ctrl+s", "save")),
		Cancel: key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "cancel")),
	}}
	for _, fld := range f.fields {
		ti := newInput(c.styles, fld.hint)
		ti.SetValue(fld.get(contact))
		f.inputs = append(f.inputs, ti)
	}
	f.inputs[0].Focus()
	return f
}

// contact is the form's current content as a contact.
func (f contactForm) contact() model.Contact {
	c := f.original
	for i, fld := range f.fields {
		fld.set(&c, strings.TrimSpace(f.inputs[i].Value()))
	}
	return c
}

func (f contactForm) changed() bool {
	for i, fld := range f.fields {
		if strings.TrimSpace(f.inputs[i].Value()) != fld.get(f.original) {
			return true
		}
	}
	return false
}

func (f contactForm) update(msg tea.Msg) (screen, tea.Cmd) {
	k, ok := msg.(tea.KeyMsg)
	if !ok {
		return f, nil
	}
	switch {
	case key.Matches(k, f.keys.Save):
		return f.save()
	case k.Type == tea.KeyEnter:
		if f.focus == len(f.inputs)-1 {
			return f.save()
		}
		f.setFocus(f.focus + 1)
		return f, nil
	case key.Matches(k, f.keys.Next):
		f.setFocus((f.focus + 1) % len(f.inputs))
		return f, nil
	case key.Matches(k, f.keys.Prev):
		f.setFocus((f.focus + len(f.inputs) - 1) % len(f.inputs))
		return f, nil
	case key.Matches(k, f.keys.Cancel):
		if f.changed() {
			return f, push(newConfirm(f.c, "Throw away your changes?", "", pop))
		}
		return f, pop
	}
	var cmd tea.Cmd
	f.inputs[f.focus], cmd = f.inputs[f.focus].Update(k)
	return f, cmd
}

func (f *contactForm) setFocus(i int) {
	f.inputs[f.focus].Blur()
	f.focus = i
	f.inputs[i].Focus()
}

func (f contactForm) save() (screen, tea.Cmd) {
	c := f.contact()
	if msg := c.Validate(); msg != "" {
		f.problem, f.problemAt = msg, 0
		f.setFocus(0)
		return f, nil
	}
	return f, tea.Sequence(pop, saveContact(f.c.store, c, f.c.now()))
}

func (f contactForm) view() string {
	st := f.c.styles
	title := "New contact"
	if f.original.ID != 0 {
		title = "Edit " + f.original.Name
	}
	var b strings.Builder
	b.WriteString(st.Title.Render(title) + "\n")
	labelW := 14
	for i, fld := range f.fields {
		marker, label := "  ", st.Label.Render(padRight(fld.label, labelW))
		if i == f.focus {
			marker, label = "▸ ", st.Accent.Render(padRight(fld.label, labelW))
		}
		b.WriteString("\n" + marker + label + inputView(st, f.inputs[i], f.width-2-labelW))
		if f.problem != "" && i == f.problemAt {
			b.WriteString("\n" + strings.Repeat(" ", 2+labelW) + st.Error.Render(f.problem))
		}
	}
	return b.String()
}

func padRight(s string, w int) string {
	return s + strings.Repeat(" ", max(w-cellWidth(s), 0))
}

func (f contactForm) setSize(w, h int) screen { f.width, f.height = w, h; return f }
func (f contactForm) capturing() bool         { return true }
func (f contactForm) help() help.KeyMap {
	k := f.keys
	return keyMap{short: []key.Binding{k.Next, k.Save, k.Cancel}, full: [][]key.Binding{{k.Next, k.Prev, k.Save, k.Cancel}}}
}

// flush saves a form that holds a valid, changed contact when the program
// stops underneath it (ctrl+c, a closed window), so typing is never lost.
func (f contactForm) flush(s *store.Store) error {
	c := f.contact()
	if !f.changed() || c.Validate() != "" {
		return nil
	}
	now := f.c.now()
	if c.ID == 0 {
		c.Created, c.Stage = now, model.ToContact
	}
	c.Updated = now
	_, err := s.PutContact(c)
	return err
}
