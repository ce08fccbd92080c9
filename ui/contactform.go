package ui

import (
	"strings"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"parley/model"
	"parley/store"
)

type contactFormKeys struct {
	Next, Prev key.Binding
	Choose     key.Binding
	Save       key.Binding
	Cancel     key.Binding
}

// contactForm adds a contact or edits one. Problems are flagged at their
// field once the user has left it, and at every field on a refused save.
type contactForm struct {
	c        *common
	keys     contactFormKeys
	original model.Contact
	fields   []formField
	states   []fieldState
	focus    int
	visited  []bool
	showAll  bool
	// others are the contacts "referred by" can name; matches are the IDs
	// the pick field's text finds, best first.
	others  []model.Contact
	index   *model.SearchIndex
	matches []uint64
	width   int
	height  int
}

func newContactForm(c *common, contact model.Contact) contactForm {
	f := contactForm{c: c, original: contact, fields: contactFields(), keys: contactFormKeys{
		Next:   key.NewBinding(key.WithKeys("tab", "down"), key.WithHelp("tab", "next field")),
		Prev:   key.NewBinding(key.WithKeys("shift+tab", "up"), key.WithHelp("shift+tab", "previous")),
		Choose: key.NewBinding(key.WithKeys("left", "right"), key.WithHelp("←/→", "choose")),
		Save:   key.NewBinding(key.WithKeys("ctrl+s"), key.WithHelp("ctrl+s", "save")),
		Cancel: key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "cancel")),
	}}
	for _, fld := range f.fields {
		s := newFieldState(c.styles, fld, contact)
		if fld.kind == kindPick {
			s.pickID = parseUint(fld.get(contact))
		}
		f.states = append(f.states, s)
	}
	f.visited = make([]bool, len(f.fields))
	f.states[0].focus(f.fields[0])
	return f
}

// load reads the contacts "referred by" can name.
func (f contactForm) load() tea.Cmd { return loadContacts(f.c.store) }

// contact is the form's current content as a contact.
func (f contactForm) contact() model.Contact {
	c := f.original
	for i, fld := range f.fields {
		fld.set(&c, f.states[i].value(fld))
	}
	return c
}

func (f contactForm) changed() bool {
	for i, fld := range f.fields {
		if f.states[i].value(fld) != fld.get(f.original) {
			return true
		}
	}
	return false
}

// errors maps field positions to their problem, for the fields the user
// has left (or all of them after a refused save).
func (f contactForm) errors() map[int]string {
	errs := f.contact().FieldErrors()
	out := map[int]string{}
	for i, fld := range f.fields {
		if !f.showAll && (!f.visited[i] || i == f.focus) {
			continue
		}
		if fld.key != "" && errs[fld.key] != "" {
			out[i] = errs[fld.key]
		}
		if fld.kind == kindPick && f.states[i].pickID == 0 && strings.TrimSpace(f.states[i].input.Value()) != "" {
			out[i] = "No contact by that name: leave it empty, or add them first."
		}
	}
	return out
}

func (f contactForm) update(msg tea.Msg) (screen, tea.Cmd) {
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

func (f *contactForm) setOthers(cs []model.Contact) {
	f.others = f.others[:0]
	for _, c := range cs {
		if c.ID != f.original.ID || c.ID == 0 {
			f.others = append(f.others, c)
		}
	}
	f.index = model.NewSearchIndex(f.others)
	for i, fld := range f.fields {
		if fld.kind == kindPick && f.states[i].pickID != 0 {
			for _, c := range f.others {
				if c.ID == f.states[i].pickID {
					f.states[i].input.SetValue(c.Name)
				}
			}
		}
	}
}

func (f contactForm) handleKey(k tea.KeyMsg) (screen, tea.Cmd) {
	fld := f.fields[f.focus]
	switch {
	case key.Matches(k, f.keys.Save):
		return f.save()
	case k.Type == tea.KeyEnter && fld.kind != kindArea:
		if f.focus == len(f.fields)-1 {
			return f.save()
		}
		f.setFocus(f.focus + 1)
		return f, nil
	case key.Matches(k, f.keys.Next) && !(fld.kind == kindArea && k.Type == tea.KeyDown):
		f.setFocus((f.focus + 1) % len(f.fields))
		return f, nil
	case key.Matches(k, f.keys.Prev) && !(fld.kind == kindArea && k.Type == tea.KeyUp):
		f.setFocus((f.focus + len(f.fields) - 1) % len(f.fields))
		return f, nil
	case key.Matches(k, f.keys.Cancel):
		if f.changed() {
			return f, push(newConfirm(f.c, "Throw away your changes?", "", pop))
		}
		return f, pop
	case key.Matches(k, f.keys.Choose) && f.choosing():
		delta := 1
		if k.Type == tea.KeyLeft {
			delta = -1
		}
		if fld.kind == kindPick {
			f.cyclePick(delta)
		} else {
			f.states[f.focus].cycle(fld, delta)
		}
		return f, nil
	}
	s := &f.states[f.focus]
	before := s.input.Value()
	cmd := s.update(fld, k)
	if fld.kind == kindPick && s.input.Value() != before {
		f.findPick()
	}
	return f, cmd
}

// choosing reports whether ←/→ choose rather than move the caret: always
// for toggles and fixed choices, and for a free choice or a pick while it
// holds one of the offered values (or nothing).
func (f contactForm) choosing() bool {
	fld, s := f.fields[f.focus], f.states[f.focus]
	switch fld.kind {
	case kindToggle:
		return true
	case kindChoice:
		if !fld.free || s.input.Value() == "" {
			return true
		}
		for _, o := range fld.options {
			if o == s.input.Value() {
				return true
			}
		}
	case kindPick:
		return len(f.matches) > 1 || s.input.Value() == ""
	}
	return false
}

// findPick searches the contacts' names for the pick field's text.
func (f *contactForm) findPick() {
	s := &f.states[f.focus]
	text := strings.TrimSpace(s.input.Value())
	f.matches = f.matches[:0]
	s.pickID = 0
	if text == "" || f.index == nil {
		return
	}
	q := model.ParseQuery(`name:"` + strings.ReplaceAll(text, `"`, "") + `"`)
	for _, p := range f.index.Filter(q, f.index.All(nil), nil) {
		f.matches = append(f.matches, f.others[p].ID)
	}
	if len(f.matches) > 0 {
		s.pickID = f.matches[0]
	}
}

// cyclePick offers the next match without changing the typed text.
func (f *contactForm) cyclePick(delta int) {
	s := &f.states[f.focus]
	if len(f.matches) == 0 {
		return
	}
	cur := 0
	for i, id := range f.matches {
		if id == s.pickID {
			cur = i
		}
	}
	s.pickID = f.matches[(cur+delta+len(f.matches))%len(f.matches)]
}

func (f contactForm) name(id uint64) string {
	for _, c := range f.others {
		if c.ID == id {
			if sub := c.Subtitle(); sub != "" {
				return c.Name + " (" + sub + ")"
			}
			return c.Name
		}
	}
	return ""
}

func (f *contactForm) setFocus(i int) {
	f.visited[f.focus] = true
	f.states[f.focus].blur()
	f.focus = i
	f.states[i].focus(f.fields[i])
	if f.fields[i].kind == kindPick {
		f.findPick()
		if f.states[i].pickID == 0 {
			f.states[i].pickID = parseUint(f.fields[i].get(f.original))
		}
	}
}

func (f contactForm) save() (screen, tea.Cmd) {
	f.showAll = true
	if errs := f.errors(); len(errs) > 0 {
		for i := range f.fields {
			if _, bad := errs[i]; bad {
				f.setFocus(i)
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
	k := f.keys
	k.Choose.SetEnabled(f.choosing())
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
