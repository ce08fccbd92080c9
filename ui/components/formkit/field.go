package formkit

import (
	"parley/ui/common"
	"parley/ui/safetext"
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
	// KindChoice cycles through options with ←/→. With free set, the user
	// may also type their own words.
	KindChoice
	// KindToggle is yes or no, flipped with space or ←/→.
	KindToggle
	// KindPick names another contact: typing searches, ←/→ cycles matches.
	KindPick
	// KindArea is several lines of text.
	KindArea
	// KindDate is a date as people write it, shown back as it is read
	// (see DateField).
	KindDate
)

// FormField is one field of a form, whatever record it edits: its label,
// its editor and how it is drawn. Its value is text ("yes"/"" for a
// toggle, the contact ID for a pick).
type FormField struct {
	Label string
	Hint  string
	// Kind and options describe the editor; key names the field in the
	// record's field errors (model.Contact.FieldErrors), so its error
	// shows under it.
	Kind    fieldKind
	Options []string
	Free    bool
	Key     string
	// Limit caps the characters typed (0: none); unit follows the input
	// ("days"); note is a muted line under the field.
	Limit int
	Unit  string
	Note  string
	// Suggested: the initial value is a suggestion, not the record's
	// own. The first character typed or pasted replaces it; an arrow or
	// backspace edits it instead.
	Suggested bool
	// dates reads a date field on the user's clock; dateMode says what
	// it asks for.
	dates    *common.Common
	dateMode DateMode
}

// DateField asks for a date, or a date and time, as people write them
// ("tomorrow 3pm", "fri", "2026-12-03 14:30"), read on c's clock and shown
// back under the field as it is typed. Its value is the text as typed;
// Form.When reads it.
func DateField(c *common.Common, label string, mode DateMode) FormField {
	return FormField{Label: label, Kind: KindDate, Hint: dateHint, dates: c, dateMode: mode}
}

// BoundField is a form field tied to one kind of record T: how to read
// its text from a record and write it back.
type BoundField[T any] struct {
	FormField
	Get func(T) string
	Set func(*T, string)
}

// Bind ties field to a record: how to read its text and write it back.
func Bind[T any](field FormField, get func(T) string, set func(*T, string)) BoundField[T] {
	return BoundField[T]{FormField: field, Get: get, Set: set}
}

// FieldSpecs are the fields as the form draws and edits them.
func FieldSpecs[T any](fs []BoundField[T]) []FormField {
	out := make([]FormField, len(fs))
	for i, f := range fs {
		out[i] = f.FormField
	}
	return out
}

// FieldValues reads every field's text from rec.
func FieldValues[T any](fs []BoundField[T], rec T) []string {
	out := make([]string, len(fs))
	for i, f := range fs {
		out[i] = f.Get(rec)
	}
	return out
}

// ApplyFields writes the form's values into a copy of rec.
func ApplyFields[T any](fs []BoundField[T], rec T, values []string) T {
	for i, f := range fs {
		f.Set(&rec, values[i])
	}
	return rec
}

// fieldState is a field being edited.
type fieldState struct {
	Input textinput.Model
	area  textarea.Model
	date  DateInput
	on    bool
	// PickID is the contact a pick field names, 0 for none.
	PickID uint64
	// suggestion: the text is still the field's suggestion (see
	// FormField.Suggested).
	suggestion bool
}

func newFieldState(st *common.Styles, f FormField, v string) fieldState {
	s := fieldState{Input: common.NewInput(st, f.Hint), suggestion: f.Suggested && v != ""}
	s.Input.CharLimit = f.Limit
	switch f.Kind {
	case KindToggle:
		s.on = v != ""
	case KindArea:
		s.area = common.NewArea(st, f.Hint)
		s.area.SetHeight(3)
		s.area.FocusedStyle.CursorLine = st.Muted.UnsetForeground()
		// A field draws its value as it is: what can never be meant
		// (escapes, bidi controls, hidden characters) leaves it first.
		s.area.SetValue(safetext.Strip(v))
	case KindPick:
		s.PickID = ParseUint(v)
	case KindDate:
		s.date = NewDateInput(f.dates, f.dateMode, v)
	default:
		s.Input.SetValue(safetext.Strip(v))
	}
	return s
}

// Value is the field's content as text, as BoundField.set takes it.
func (s fieldState) Value(f FormField) string {
	switch f.Kind {
	case KindToggle:
		if s.on {
			return "yes"
		}
		return ""
	case KindArea:
		return strings.TrimSpace(s.area.Value())
	case KindPick:
		if s.PickID == 0 {
			return ""
		}
		return UintString(s.PickID)
	case KindDate:
		return s.date.Value()
	}
	return strings.TrimSpace(s.Input.Value())
}

// clear empties a text or date field, for what is typed next to replace
// a suggestion.
func (s *fieldState) clear(f FormField) {
	switch f.Kind {
	case KindDate:
		s.date.SetValue("")
	case KindArea:
		s.area.SetValue("")
	default:
		s.Input.SetValue("")
	}
}

func (s *fieldState) focus(f FormField) {
	switch f.Kind {
	case KindArea:
		s.area.Focus()
	case KindDate:
		s.date.Input.Focus()
	case KindToggle:
	default:
		s.Input.Focus()
	}
}

func (s *fieldState) blur() {
	s.area.Blur()
	s.Input.Blur()
	s.date.Input.Blur()
}

// cycle moves a choice or toggle by delta. A choice holding the user's own
// words starts from the first option.
func (s *fieldState) cycle(f FormField, delta int) {
	if f.Kind == KindToggle {
		s.on = !s.on
		return
	}
	cur := -1
	for i, o := range f.Options {
		if o == s.Input.Value() {
			cur = i
		}
	}
	n := len(f.Options)
	next := (cur + delta + n) % n
	if cur < 0 {
		next = 0
	}
	s.Input.SetValue(f.Options[next])
	s.Input.CursorEnd()
}

// Update passes a key to the field's editor.
func (s *fieldState) Update(f FormField, k tea.KeyMsg) tea.Cmd {
	var cmd tea.Cmd
	switch f.Kind {
	case KindToggle:
		if k.String() == " " {
			s.on = !s.on
		}
	case KindArea:
		s.area, cmd = s.area.Update(k)
	case KindDate:
		cmd = s.date.Update(k)
	case KindChoice:
		if !f.Free {
			return nil // only ←/→ change a fixed choice
		}
		s.Input, cmd = s.Input.Update(k)
	default:
		s.Input, cmd = s.Input.Update(k)
	}
	return cmd
}

func UintString(n uint64) string {
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

func ParseUint(s string) uint64 {
	var n uint64
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0
		}
		n = n*10 + uint64(s[i]-'0')
	}
	return n
}
