package ui

import (
	"strings"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"parley/model"
	"parley/store"
)

// contactForm adds a contact or edits one. Problems are flagged at their
// field once the user has left it, and at every field on a refused save.
type contactForm struct {
	c        *common
	original model.Contact
	fields   []boundField[model.Contact]
	form     form
	showAll  bool
	width    int
	height   int
}

// contactPicker finds the contacts "referred by" can name.
type contactPicker struct {
	others []model.Contact
	index  *model.SearchIndex
}

func (p contactPicker) find(text string) []uint64 {
	var ids []uint64
	q := model.ParseQuery(`name:"` + strings.ReplaceAll(text, `"`, "") + `"`)
	for _, i := range p.index.Filter(q, p.index.All(nil), nil) {
		ids = append(ids, p.others[i].ID)
	}
	return ids
}

func (p contactPicker) name(id uint64) string {
	for _, c := range p.others {
		if c.ID == id {
			if sub := c.Subtitle(); sub != "" {
				return c.Name + " (" + sub + ")"
			}
			return c.Name
		}
	}
	return ""
}

func newContactForm(c *common, contact model.Contact) contactForm {
	fields := contactFields()
	return contactForm{c: c, original: contact, fields: fields,
		form: newForm(c.styles, fieldSpecs(fields), fieldValues(fields, contact))}
}

// load reads the contacts "referred by" can name.
func (f contactForm) load() tea.Cmd { return loadContacts(f.c.store) }

// contact is the form's current content as a contact.
func (f contactForm) contact() model.Contact {
	return applyFields(f.fields, f.original, f.form.values())
}

func (f contactForm) changed() bool { return f.form.changed(fieldValues(f.fields, f.original)) }

// errors maps field positions to their problem, for the fields the user
// has left (or all of them after a refused save).
func (f contactForm) errors() map[int]string {
	errs := f.contact().FieldErrors()
	out := map[int]string{}
	for i, fld := range f.fields {
		if !f.showAll && (!f.form.visited[i] || i == f.form.focus) {
			continue
		}
		if fld.key != "" && errs[fld.key] != "" {
			out[i] = errs[fld.key]
		}
		st := f.form.states[i]
		if fld.kind == kindPick && st.pickID == 0 && strings.TrimSpace(st.input.Value()) != "" {
			out[i] = "No contact by that name: leave it empty, or add them first."
		}
	}
	return out
}

func (f contactForm) Update(msg tea.Msg) (screen, tea.Cmd) {
	switch msg := msg.(type) {
	case contactsLoadedMsg:
		if msg.err == nil {
			f.setOthers(msg.contacts)
		}
		return f, nil
	case tea.KeyMsg:
		return f.handleKey(msg)
	}
	return f, nil
}

// setOthers takes the contacts a pick may name (everyone else), and shows
// the name of the one it names already.
func (f *contactForm) setOthers(cs []model.Contact) {
	var p contactPicker
	for _, c := range cs {
		if c.ID != f.original.ID || c.ID == 0 {
			p.others = append(p.others, c)
		}
	}
	p.index = model.NewSearchIndex(p.others)
	f.form.pick = p
	for i, fld := range f.fields {
		if st := &f.form.states[i]; fld.kind == kindPick && st.pickID != 0 {
			for _, c := range p.others {
				if c.ID == st.pickID {
					st.input.SetValue(c.Name)
				}
			}
		}
	}
}

func (f contactForm) handleKey(k tea.KeyMsg) (screen, tea.Cmd) {
	submit, cmd := f.form.cancelOrKey(f.c, k, fieldValues(f.fields, f.original), "Throw away your changes?")
	if submit {
		return f.save()
	}
	return f, cmd
}

func (f contactForm) save() (screen, tea.Cmd) {
	f.showAll = true
	if errs := f.errors(); len(errs) > 0 {
		for i := range f.fields {
			if _, bad := errs[i]; bad {
				f.form.setFocus(i)
				break
			}
		}
		return f, nil
	}
	return f, tea.Sequence(pop, saveContact(f.c.store, f.contact(), f.c.now()))
}

func (f contactForm) setSize(w, h int) screen { f.width, f.height = w, h; return f }
func (f contactForm) capturing() bool         { return true }
func (f contactForm) help() help.KeyMap {
	k := f.form.bindings()
	return keyMap{short: []key.Binding{k.Next, k.Choose, k.Save, k.Cancel},
		full: [][]key.Binding{{k.Next, k.Prev, k.Choose}, {k.Save, k.Cancel}}}
}

// flush saves a form that holds a valid, changed contact when the program
// stops underneath it (ctrl+c, a closed window), so typing is never lost.
// watches nothing: the form edits its own copy.
func (f contactForm) watches() watcher { return watching() }

// unsaved is true while the form holds typed changes.
func (f contactForm) unsaved() bool { return f.changed() }

// saveNow is nil: a form closes only by saving, or by the user throwing
// the changes away.
func (f contactForm) saveNow() tea.Cmd { return nil }

// flush writes valid typed changes when the program stops with the form
// open (ctrl+c, SIGTERM, SIGHUP).
func (f contactForm) flush(s *store.Store) error {
	c := f.contact()
	if !f.changed() || c.Validate() != "" {
		return nil
	}
	now := f.c.now()
	if c.ID == 0 {
		c.Created = now
		if c.Stage == "" {
			c.Stage = model.ToContact
		}
	}
	c.Updated = now
	_, err := s.PutContact(c)
	return err
}

// openContactForm opens the form on a contact, or on a new one.
func openContactForm(c *common, msg tea.Msg) (screen, bool) {
	if m, ok := msg.(editContactMsg); ok {
		return newContactForm(c, m.contact), true
	}
	return nil, false
}
