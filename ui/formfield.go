package ui

import (
	"strings"

	"github.com/charmbracelet/bubbles/textarea"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
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

// formField is one field of a form, whatever record it edits: its label,
// its editor and how it is drawn. Its value is text ("yes"/"" for a
// toggle, the contact ID for a pick).
type formField struct {
	label string
	hint  string
	// kind and options describe the editor; key names the field in the
	// record's field errors (model.Contact.FieldErrors), so its error
	// shows under it.
	kind    fieldKind
	options []string
	free    bool
	key     string
	// limit caps the characters typed (0: none); unit follows the input
	// ("days"); note is a muted line under the field.
	limit int
	unit  string
	note  string
}

// boundField is a form field tied to one kind of record T: how to read
// its text from a record and write it back.
type boundField[T any] struct {
	formField
	get func(T) string
	set func(*T, string)
}

// fieldSpecs are the fields as the form draws and edits them.
func fieldSpecs[T any](fs []boundField[T]) []formField {
	out := make([]formField, len(fs))
	for i, f := range fs {
		out[i] = f.formField
	}
	return out
}

// fieldValues reads every field's text from rec.
func fieldValues[T any](fs []boundField[T], rec T) []string {
	out := make([]string, len(fs))
	for i, f := range fs {
		out[i] = f.get(rec)
	}
	return out
}

// applyFields writes the form's values into a copy of rec.
func applyFields[T any](fs []boundField[T], rec T, values []string) T {
	for i, f := range fs {
		f.set(&rec, values[i])
	}
	return rec
}

// fieldState is a field being edited.
type fieldState struct {
	input textinput.Model
	area  textarea.Model
	on    bool
	// pickID is the contact a pick field names, 0 for none.
	pickID uint64
}

func newFieldState(st *Styles, f formField, v string) fieldState {
	s := fieldState{input: newInput(st, f.hint)}
	s.input.CharLimit = f.limit
	switch f.kind {
	case kindToggle:
		s.on = v != ""
	case kindArea:
		s.area = newArea(st, f.hint)
		s.area.SetHeight(3)
		s.area.FocusedStyle.CursorLine = st.Muted.UnsetForeground()
		s.area.SetValue(v)
	case kindPick:
		s.pickID = parseUint(v)
	default:
		s.input.SetValue(v)
	}
	return s
}

// value is the field's content as text, as boundField.set takes it.
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
