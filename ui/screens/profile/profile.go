// Package profile is the user's profile form.
package profile

import (
	"parley/ui/common"
	"parley/ui/components/formkit"
	"strings"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"parley/model"
	"parley/store"
)

func profileFields() []formkit.BoundField[model.Profile] {
	type field = formkit.BoundField[model.Profile]
	text := func(label, hint string, get func(model.Profile) string, set func(*model.Profile, string)) field {
		return formkit.Bind(formkit.FormField{Label: label, Hint: hint}, get, set)
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

// ProfileForm asks for the user's profile: by itself the first time a
// message needs it, and from the compose screen (P) after that.
type ProfileForm struct {
	c        *common.Common
	original model.Profile
	First    bool // shown because a message needs it, not asked for
	fields   []formkit.BoundField[model.Profile]
	form     formkit.Form
	width    int
	height   int
}

func NewProfileForm(c *common.Common, p model.Profile, first bool) ProfileForm {
	fields := profileFields()
	f := ProfileForm{c: c, original: p, First: first, fields: fields,
		form: formkit.NewForm(c.Styles, formkit.FieldSpecs(fields), formkit.FieldValues(fields, p))}
	if first {
		f.form.Keys.Cancel.SetHelp("esc", "not now")
	}
	return f
}

func (f ProfileForm) profile() model.Profile {
	return formkit.ApplyFields(f.fields, f.original, f.form.Values()).Trimmed()
}

func (f ProfileForm) Changed() bool { return f.profile() != f.original.Trimmed() }

func (f ProfileForm) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	k, ok := msg.(tea.KeyMsg)
	if !ok {
		return f, nil
	}
	submit, cmd := f.form.CancelOrKey(f.c, k, formkit.FieldValues(f.fields, f.original), "Throw away your changes?")
	if submit {
		return f, tea.Sequence(common.Pop, common.WithInfo(common.SaveProfile(f.c.Store, f.profile()), "Saved your profile."))
	}
	return f, cmd
}

func (f ProfileForm) View() string {
	st := f.c.Styles
	var b strings.Builder
	if f.First {
		b.WriteString(st.Title.Render("Before your first message: about you") + "\n")
		b.WriteString(st.Muted.Render(ansi.Wrap("Every message introduces you with these. You are asked once; P on the message screen changes them.", max(f.width, 10), "")) + "\n")
	} else {
		b.WriteString(st.Title.Render("Your profile") + "\n")
		b.WriteString(st.Muted.Render("Used by every message template.") + "\n")
	}
	lines, _, _ := f.form.View(f.width)
	b.WriteString("\n" + strings.Join(lines, "\n"))
	if miss := f.profile().Missing(); len(miss) > 0 {
		b.WriteString("\n\n" + st.Muted.Render(ansi.Wrap("Still empty: "+strings.Join(miss, ", ")+". Messages will show a gap there.", max(f.width, 10), "")))
	}
	return b.String()
}

func (f ProfileForm) SetSize(w, h int) common.Screen {
	f.width, f.height = w, h
	f.form.SetWidth(w)
	return f
}
func (f ProfileForm) Capturing() bool { return true }
func (f ProfileForm) Help() help.KeyMap {
	k := f.form.Bindings()
	return common.KeyMap{Short: []key.Binding{k.Next, k.Save, k.Cancel}, Full: [][]key.Binding{{k.Next, k.Prev, k.Save, k.Cancel}}}
}

// Flush saves a changed profile when the program stops under the form.
func (f ProfileForm) Flush(s *store.Store) error {
	if !f.Changed() {
		return nil
	}
	_, err := s.PutProfile(f.profile())
	return err
}

func (f ProfileForm) Load() tea.Cmd           { return nil }
func (f ProfileForm) Watches() common.Watcher { return common.Watching() }

// Unsaved is true while the form holds typed changes.
func (f ProfileForm) Unsaved() bool { return f.Changed() }

// SaveNow is nil: the form closes only by saving, or by the user throwing
// the changes away.
func (f ProfileForm) SaveNow() tea.Cmd { return nil }

// OpenProfileForm opens the profile form.
func OpenProfileForm(c *common.Common, msg tea.Msg) (common.Screen, bool) {
	if m, ok := msg.(common.OpenProfileMsg); ok {
		return NewProfileForm(c, m.Profile, m.First), true
	}
	return nil, false
}
