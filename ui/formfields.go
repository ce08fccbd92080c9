package ui

import (
	"strings"

	"github.com/charmbracelet/bubbles/textarea"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"

	"parley/model"
)

// fieldKind is how a form field is edited.
type fieldKind int

const (
	// kindText is one line of free text.
	kindText fieldKind = iota
	// kindChoice cycles through options with ←/→. With free set, the user
	// may also type their own words.
	kindChoice
	// kindToggle is yes or no, flipped with space or ←/→.
	kindToggle
	// kindPick names another contact: typing searches, ←/→ cycles matches.
	kindPick
	// kindArea is several lines of text.
	kindArea
)

// formField is one editable field of a contact: how to read it from a
// contact and write it back, as text ("yes"/"" for a toggle, the contact
// ID for a pick).
type formField struct {
	label string
	hint  string
	get   func(model.Contact) string
	set   func(*model.Contact, string)
	// kind and options describe the editor; key names the field in
	// model.Contact.FieldErrors, so its error shows under it.
	kind    fieldKind
	options []string
	free    bool
	key     string
}

// fieldState is a field being edited.
type fieldState struct {
	input textinput.Model
	area  textarea.Model
	on    bool
	// pickID is the contact a pick field names, 0 for none.
	pickID uint64
}

func newFieldState(st *Styles, f formField, c model.Contact) fieldState {
	s := fieldState{input: newInput(st, f.hint)}
	v := f.get(c)
	switch f.kind {
	case kindToggle:
		s.on = v != ""
	case kindArea:
		s.area = newArea(st, f.hint)
		s.area.SetHeight(3)
		s.area.FocusedStyle.CursorLine = st.Muted.UnsetForeground()
		s.area.SetValue(v)
	default:
		s.input.SetValue(v)
	}
	return s
}

// value is the field's content in the form formField.set takes.
func (s fieldState) value(f formField) string {
	switch f.kind {
	case kindToggle:
		if s.on {
			return "yes"
		}
		return ""
	case kindArea:
		return strings.TrimSpace(s.area.Value())
	case kindPick:
		if s.pickID == 0 {
			return ""
		}
		return uintString(s.pickID)
	}
	return strings.TrimSpace(s.input.Value())
}

func (s *fieldState) focus(f formField) {
	if f.kind == kindArea {
		s.area.Focus()
	} else if f.kind != kindToggle {
		s.input.Focus()
	}
}

func (s *fieldState) blur() {
	s.area.Blur()
	s.input.Blur()
}

// cycle moves a choice or toggle by delta. A choice holding the user's own
// words starts from the first option.
func (s *fieldState) cycle(f formField, delta int) {
	if f.kind == kindToggle {
		s.on = !s.on
		return
	}
	cur := -1
	for i, o := range f.options {
		if o == s.input.Value() {
			cur = i
		}
	}
	n := len(f.options)
	next := (cur + delta + n) % n
	if cur < 0 {
		next = 0
	}
	s.input.SetValue(f.options[next])
	s.input.CursorEnd()
}

// update passes a key to the field's editor.
func (s *fieldState) update(f formField, k tea.KeyMsg) tea.Cmd {
	var cmd tea.Cmd
	switch f.kind {
	case kindToggle:
		if k.String() == " " {
			s.on = !s.on
		}
	case kindArea:
		s.area, cmd = s.area.Update(k)
	case kindChoice:
		if !f.free {
			return nil // only ←/→ change a fixed choice
		}
		s.input, cmd = s.input.Update(k)
	default:
		s.input, cmd = s.input.Update(k)
	}
	return cmd
}

func uintString(n uint64) string {
	var b [20]byte
	i := len(b)
	for {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
		if n == 0 {
			return string(b[i:])
		}
	}
}

func parseUint(s string) uint64 {
	var n uint64
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0
		}
		n = n*10 + uint64(s[i]-'0')
	}
	return n
}

// splitTags reads "policy, local ,health" as three tags, dropping blanks
// and repeats.
func splitTags(s string) []string {
	var out []string
	seen := map[string]bool{}
	for _, t := range strings.Split(s, ",") {
		t = strings.TrimSpace(t)
		if t != "" && !seen[strings.ToLower(t)] {
			seen[strings.ToLower(t)] = true
			out = append(out, t)
		}
	}
	return out
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return ""
}

// contactFields lists the form's fields in order: who they are, how to
// reach them, how the user found them, then the pipeline and notes.
func contactFields() []formField {
	text := func(label, hint string, get func(model.Contact) string, set func(*model.Contact, string), key string) formField {
		return formField{label: label, hint: hint, get: get, set: set, key: key}
	}
	stages := []string{}
	for _, s := range model.Stages() {
		stages = append(stages, string(s))
	}
	return []formField{
		text("Name", "required", func(c model.Contact) string { return c.Name }, func(c *model.Contact, v string) { c.Name = v }, model.FieldName),
		text("Role", "e.g. Policy analyst", func(c model.Contact) string { return c.Role }, func(c *model.Contact, v string) { c.Role = v }, ""),
		text("Organisation", "", func(c model.Contact) string { return c.Organisation }, func(c *model.Contact, v string) { c.Organisation = v }, ""),
		text("Field", "field or industry", func(c model.Contact) string { return c.Field }, func(c *model.Contact, v string) { c.Field = v }, ""),
		{label: "Career stage", hint: "←/→ to choose", kind: kindChoice, options: []string{"", string(model.EarlyCareer), string(model.MidCareer), string(model.Senior)},
			get: func(c model.Contact) string { return string(c.CareerStage) }, set: func(c *model.Contact, v string) { c.CareerStage = model.CareerStage(v) }, key: model.FieldCareerStage},
		text("Email", "", func(c model.Contact) string { return c.Email }, func(c *model.Contact, v string) { c.Email = v }, model.FieldEmail),
		text("Phone", "", func(c model.Contact) string { return c.Phone }, func(c *model.Contact, v string) { c.Phone = v }, model.FieldPhone),
		text("Profile URL", "", func(c model.Contact) string { return c.ProfileURL }, func(c *model.Contact, v string) { c.ProfileURL = v }, model.FieldProfileURL),
		text("Location", "", func(c model.Contact) string { return c.Location }, func(c *model.Contact, v string) { c.Location = v }, ""),
		{label: "Found via", hint: "←/→ to choose, or type", kind: kindChoice, options: model.FoundViaSources(), free: true,
			get: func(c model.Contact) string { return c.FoundVia }, set: func(c *model.Contact, v string) { c.FoundVia = v }},
		{label: "Referred by", hint: "type a name; ←/→ for other matches", kind: kindPick,
			get: func(c model.Contact) string {
				if c.ReferredBy == 0 {
					return ""
				}
				return uintString(c.ReferredBy)
			}, set: func(c *model.Contact, v string) { c.ReferredBy = parseUint(v) }, key: model.FieldReferredBy},
		text("Tags", "comma separated", func(c model.Contact) string { return strings.Join(c.Tags, ", ") }, func(c *model.Contact, v string) { c.Tags = splitTags(v) }, ""),
		{label: "Stage", hint: "←/→ to choose", kind: kindChoice, options: stages,
			get: func(c model.Contact) string { return string(c.CurrentStage()) }, set: func(c *model.Contact, v string) { c.Stage = model.Stage(v) }, key: model.FieldStage},
		{label: "May mention", hint: "their name, to people they referred you to", kind: kindToggle,
			get: func(c model.Contact) string { return yesNo(c.MayMentionName) }, set: func(c *model.Contact, v string) { c.MayMentionName = v != "" }},
		{label: "Contact again", hint: "they are happy to hear from you again", kind: kindToggle,
			get: func(c model.Contact) string { return yesNo(c.MayContactAgain) }, set: func(c *model.Contact, v string) { c.MayContactAgain = v != "" }},
		{label: "Research", hint: "about the person, the organisation, the industry", kind: kindArea,
			get: func(c model.Contact) string { return c.Notes }, set: func(c *model.Contact, v string) { c.Notes = v }},
	}
}
