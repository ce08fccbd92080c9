// Package contactform is the form that adds or edits a contact.
package contactform

import (
	"parley/ui/common"
	"parley/ui/components/formkit"
	"parley/ui/safetext"
	"slices"
	"strings"

	"github.com/charmbracelet/bubbles/help"
	tea "github.com/charmbracelet/bubbletea"

	"parley/model"
	"parley/store"
)

// contactForm adds a contact or edits one. Problems are flagged at their
// field once the user has left it, and at every field on a refused save.
type contactForm struct {
	c        *common.Common
	original model.Contact
	fields   []formkit.BoundField[model.Contact]
	form     formkit.Form
	showAll  bool
	// saving is set from a save until its result: the form stays open so
	// a refused write keeps what was typed, and keys wait.
	saving bool
	width  int
	height int
}

// contactPicker finds the contacts "referred by" can name.
type contactPicker struct {
	others []model.Contact
	index  *model.SearchIndex
}

func (p contactPicker) Find(text string) []uint64 {
	var ids []uint64
	q := model.ParseQuery(`name:"` + strings.ReplaceAll(text, `"`, "") + `"`)
	for _, i := range p.index.Filter(q, p.index.All(nil), nil) {
		ids = append(ids, p.others[i].ID)
	}
	return ids
}

func (p contactPicker) Name(id uint64) string {
	for _, c := range p.others {
		if c.ID == id {
			if sub := c.Subtitle(); sub != "" {
				return safetext.Line(c.Name + " (" + sub + ")")
			}
			return safetext.Line(c.Name)
		}
	}
	return ""
}

func NewContactForm(c *common.Common, contact model.Contact) contactForm {
	fields := contactFields()
	return contactForm{c: c, original: contact, fields: fields,
		form: formkit.NewForm(c.Styles, formkit.FieldSpecs(fields), formkit.FieldValues(fields, contact))}
}

// Load reads the contacts "referred by" can name.
func (f contactForm) Load() tea.Cmd { return common.LoadContacts(f.c.Store) }

// contact is the form's current content as a contact.
func (f contactForm) contact() model.Contact {
	return formkit.ApplyFields(f.fields, f.original, f.form.Values())
}

func (f contactForm) Changed() bool { return f.form.Changed(formkit.FieldValues(f.fields, f.original)) }

// errors maps field positions to their problem, for the fields the user
// has left (or all of them after a refused save).
func (f contactForm) errors() map[int]string {
	errs := f.contact().FieldErrors()
	out := map[int]string{}
	for i, fld := range f.fields {
		if !f.showAll && (!f.form.Visited[i] || i == f.form.Focus) {
			continue
		}
		if fld.Key != "" && errs[fld.Key] != "" {
			out[i] = errs[fld.Key]
		}
		st := f.form.States[i]
		if fld.Kind == formkit.KindPick && st.PickID == 0 && strings.TrimSpace(st.Input.Value()) != "" {
			out[i] = "No contact by that name: leave it empty, or add them first."
		}
	}
	return out
}

func (f contactForm) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case common.ContactsLoadedMsg:
		if msg.Err == nil {
			f.setOthers(msg.Contacts)
		}
		return f, nil
	case common.ContactSavedMsg:
		f.saving = false
		switch {
		case msg.Err != nil: // the root shows it; the typing stays here
			return f, nil
		case msg.Created():
			// A new contact's next step is on its page, not back where
			// the form was opened from.
			f.original = msg.Contact
			return f, tea.Sequence(common.Pop, common.Navigate(common.OpenContactMsg{Contact: msg.Contact}))
		}
		f.original = msg.Contact
		return f, common.Pop
	case tea.KeyMsg:
		if f.saving {
			return f, nil
		}
		return f.HandleKey(msg)
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
	f.form.Pick = p
	for i, fld := range f.fields {
		if st := &f.form.States[i]; fld.Kind == formkit.KindPick && st.PickID != 0 {
			for _, c := range p.others {
				if c.ID == st.PickID {
					st.Input.SetValue(safetext.Strip(c.Name))
				}
			}
		}
	}
}

func (f contactForm) HandleKey(k tea.KeyMsg) (common.Screen, tea.Cmd) {
	referrer := f.contact().ReferredBy
	submit, cmd := f.form.CancelOrKey(f.c, k, formkit.FieldValues(f.fields, f.original), "Throw away your changes?")
	if submit {
		return f.Save()
	}
	if now := f.contact().ReferredBy; now != 0 && now != referrer {
		f.foundViaReferral()
	}
	return f, cmd
}

// foundViaReferral says "referral" under Found via once a referrer is
// named, unless the user wrote their own words there.
func (f *contactForm) foundViaReferral() {
	for i, fld := range f.fields {
		if fld.Label != "Found via" {
			continue
		}
		cur := f.form.Value(i)
		if cur == "" || slices.Contains(model.FoundViaSources(), cur) {
			f.form.States[i].Input.SetValue(model.FoundReferral)
		}
	}
}

func (f contactForm) Save() (common.Screen, tea.Cmd) {
	f.showAll = true
	if errs := f.errors(); len(errs) > 0 {
		for i := range f.fields {
			if _, bad := errs[i]; bad {
				f.form.SetFocus(i)
				break
			}
		}
		return f, nil
	}
	f.saving = true
	return f, common.SaveContact(f.c.Store, f.contact(), f.c.Now())
}

func (f contactForm) SetSize(w, h int) common.Screen {
	f.width, f.height = w, h
	f.form.SetWidth(w)
	return f
}
func (f contactForm) Capturing() bool   { return true }
func (f contactForm) Help() help.KeyMap { return f.form.Help() }

// flush saves a form that holds a valid, changed contact when the program
// stops underneath it (ctrl+c, a closed window), so typing is never lost.
// watches nothing: the form edits its own copy.
func (f contactForm) Watches() common.Watcher { return common.Watching() }

// Unsaved is true while the form holds typed changes.
func (f contactForm) Unsaved() bool { return f.Changed() }

// SaveNow is nil: a form closes only by saving, or by the user throwing
// the changes away.
func (f contactForm) SaveNow() tea.Cmd { return nil }

// Flush writes valid typed changes when the program stops with the form
// open (ctrl+c, SIGTERM, SIGHUP).
func (f contactForm) Flush(s *store.Store) error {
	c := f.contact()
	if !f.Changed() || c.Validate() != "" {
		return nil
	}
	now := f.c.Now()
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

// OpenContactForm opens the form on a contact, or on a new one.
func OpenContactForm(c *common.Common, msg tea.Msg) (common.Screen, bool) {
	if m, ok := msg.(common.EditContactMsg); ok {
		return NewContactForm(c, m.Contact), true
	}
	return nil, false
}
