package ui

import (
	"strings"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"parley/model"
	"parley/store"
)

// profileField is one line of the profile form.
type profileField struct {
	label, hint string
	get         func(model.Profile) string
	set         func(*model.Profile, string)
}

func profileFields() []profileField {
	return []profileField{
		{"Your name", "as you sign your messages",
			func(p model.Profile) string { return p.Name }, func(p *model.Profile, v string) { p.Name = v }},
		{"Introduction", "one line, e.g. I am a second-year engineering student at Leeds.",
			func(p model.Profile) string { return p.Intro }, func(p *model.Profile, v string) { p.Intro = v }},
		{"Exploring", "fields you are exploring, e.g. urban planning",
			func(p model.Profile) string { return p.Exploring }, func(p *model.Profile, v string) { p.Exploring = v }},
		{"Reach me at", "email, phone, or both",
			func(p model.Profile) string { return p.Contact }, func(p *model.Profile, v string) { p.Contact = v }},
	}
}

type profileKeys struct {
	Next, Prev key.Binding
	Save       key.Binding
	Cancel     key.Binding
}

// profileForm asks for the user's profile: by itself the first time a
// message needs it, and from the compose screen (P) after that.
type profileForm struct {
	c        *common
	keys     profileKeys
	original model.Profile
	first    bool // shown because a message needs it, not asked for
	fields   []profileField
	inputs   []textinput.Model
	focus    int
	width    int
	height   int
}

func newProfileForm(c *common, p model.Profile, first bool) profileForm {
	f := profileForm{c: c, original: p, first: first, fields: profileFields(), keys: profileKeys{
		Next:   key.NewBinding(key.WithKeys("tab", "down"), key.WithHelp("tab", "next field")),
		Prev:   key.NewBinding(key.WithKeys("shift+tab", "up"), key.WithHelp("shift+tab", "previous")),
		Save:   key.NewBinding(key.WithKeys("ctrl+s"), key.WithHelp("ctrl+s", "save")),
		Cancel: key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "cancel")),
	}}
	if first {
		f.keys.Cancel.SetHelp("esc", "not now")
	}
	for _, fld := range f.fields {
		ti := newInput(c.styles, fld.hint)
		ti.SetValue(fld.get(p))
		f.inputs = append(f.inputs, ti)
	}
	f.inputs[0].Focus()
	return f
}

func (f profileForm) profile() model.Profile {
	p := f.original
	for i, fld := range f.fields {
		fld.set(&p, f.inputs[i].Value())
	}
	return p.Trimmed()
}

func (f profileForm) changed() bool { return f.profile() != f.original.Trimmed() }

func (f profileForm) update(msg tea.Msg) (screen, tea.Cmd) {
	k, ok := msg.(tea.KeyMsg)
	if !ok {
		return f, nil
	}
	switch {
	case key.Matches(k, f.keys.Save), k.Type == tea.KeyEnter && f.focus == len(f.inputs)-1:
		return f, tea.Sequence(pop, withInfo(saveProfile(f.c.store, f.profile()), "Saved your profile."))
	case k.Type == tea.KeyEnter, key.Matches(k, f.keys.Next):
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

func (f *profileForm) setFocus(i int) {
	f.inputs[f.focus].Blur()
	f.focus = i
	f.inputs[i].Focus()
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
	labelW := 14
	for i, fld := range f.fields {
		marker, label := "  ", st.Label.Render(padRight(fld.label, labelW))
		if i == f.focus {
			marker, label = "▸ ", st.Accent.Render(padRight(fld.label, labelW))
		}
		b.WriteString("\n" + marker + label + inputView(st, f.inputs[i], f.width-2-labelW))
	}
	if miss := f.profile().Missing(); len(miss) > 0 {
		b.WriteString("\n\n" + st.Muted.Render(ansi.Wrap("Still empty: "+strings.Join(miss, ", ")+". Messages will show a gap there.", max(f.width, 10), "")))
	}
	return b.String()
}

func (f profileForm) setSize(w, h int) screen { f.width, f.height = w, h; return f }
func (f profileForm) capturing() bool         { return true }
func (f profileForm) help() help.KeyMap {
	k := f.keys
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
