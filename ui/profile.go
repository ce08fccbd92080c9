package ui

import (
	"strings"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"parley/model"
	"parley/store"
)

func profileFields() []boundField[model.Profile] {
	type field = boundField[model.Profile]
	text := func(label, hint string, get func(model.Profile) string, set func(*model.Profile, string)) field {
		return field{formField{label: label, hint: hint}, get, set}
	}
	return []field{
		text("Your name", "as you sign your messages",
			func(p model.Profile) string { return p.Name }, func(p *model.Profile, v string) { p.Name = v }),
		text("Introduction", "one line, e.g. I am a second-year engineering student at Leeds.",
			func(p model.Profile) string { return p.Intro }, func(p *model.Profile, v string) { p.Intro = v }),
		text("Exploring", "fields you are exploring, e.g. urban planning",
			func(p model.Profile) string { return p.Exploring }, func(p *model.Profile, v string) { p.Exploring = v }),
		text("Reach me at", "email, phone, or both",
			func(p model.Profile) string { return p.Contact }, func(p *model.Profile, v string) { p.Contact = v }),
	}
}

// profileForm asks for the user's profile: by itself the first time a
// message needs it, and from the compose screen (P) after that.
type profileForm struct {
	c        *common
	original model.Profile
	first    bool // shown because a message needs it, not asked for
	fields   []boundField[model.Profile]
	form     form
	width    int
	height   int
}

func newProfileForm(c *common, p model.Profile, first bool) profileForm {
	fields := profileFields()
	f := profileForm{c: c, original: p, first: first, fields: fields,
		form: newForm(c.styles, fieldSpecs(fields), fieldValues(fields, p))}
	if first {
		f.form.keys.Cancel.SetHelp("esc", "not now")
	}
	return f
}

func (f profileForm) profile() model.Profile {
	return applyFields(f.fields, f.original, f.form.values()).Trimmed()
}

func (f profileForm) changed() bool { return f.profile() != f.original.Trimmed() }

func (f profileForm) Update(msg tea.Msg) (screen, tea.Cmd) {
	k, ok := msg.(tea.KeyMsg)
	if !ok {
		return f, nil
	}
	submit, cmd := f.form.cancelOrKey(f.c, k, fieldValues(f.fields, f.original), "Throw away your changes?")
	if submit {
		return f, tea.Sequence(pop, withInfo(saveProfile(f.c.store, f.profile()), "Saved your profile."))
	}
	return f, cmd
}

func (f profileForm) view() string {
	st := f.c.styles
	var b strings.Builder
	if f.first {
		b.WriteString(st.Title.Render("Before your first message: about you") + "\n")
		b.WriteString(st.Muted.Render(ansi.Wrap("Every message introduces you with these. You are asked once; P on the message screen changes them.", max(f.width, 10), "")) + "\n")
	} else {
		b.WriteString(st.Title.Render("Your profile") + "\n")
		b.WriteString(st.Muted.Render("Used by every message template.") + "\n")
	}
	lines, _, _ := f.form.view(f.width)
	b.WriteString("\n" + strings.Join(lines, "\n"))
	if miss := f.profile().Missing(); len(miss) > 0 {
		b.WriteString("\n\n" + st.Muted.Render(ansi.Wrap("Still empty: "+strings.Join(miss, ", ")+". Messages will show a gap there.", max(f.width, 10), "")))
	}
	return b.String()
}

func (f profileForm) setSize(w, h int) screen { f.width, f.height = w, h; return f }
func (f profileForm) capturing() bool         { return true }
func (f profileForm) help() help.KeyMap {
	k := f.form.bindings()
	return keyMap{short: []key.Binding{k.Next, k.Save, k.Cancel}, full: [][]key.Binding{{k.Next, k.Prev, k.Save, k.Cancel}}}
}

// flush saves a changed profile when the program stops under the form.
func (f profileForm) flush(s *store.Store) error {
	if !f.changed() {
		return nil
	}
	_, err := s.PutProfile(f.profile())
	return err
}

func (f profileForm) load() tea.Cmd    { return nil }
func (f profileForm) watches() watcher { return watching() }

// unsaved is true while the form holds typed changes.
func (f profileForm) unsaved() bool { return f.changed() }

// saveNow is nil: the form closes only by saving, or by the user throwing
// the changes away.
func (f profileForm) saveNow() tea.Cmd { return nil }

// openProfileForm opens the profile form.
func openProfileForm(c *common, msg tea.Msg) (screen, bool) {
	if m, ok := msg.(openProfileMsg); ok {
		return newProfileForm(c, m.profile, m.first), true
	}
	return nil, false
}
