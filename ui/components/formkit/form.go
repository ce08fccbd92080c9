// Package formkit is the one form kit: labelled fields over bubbles'
// textinput and textarea, with each field's problem shown under it.
package formkit

import (
	"parley/ui/common"
	"parley/ui/components/confirm"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"parley/model"
)

// Form is the one form kit: a column of labelled fields (text, choice,
// toggle, pick, area) over bubbles' textinput and textarea, with tab
// between them, ←/→ to choose, ctrl+s to save, esc to leave, and each
// field's problem shown under it. The screens (contact, log, schedule,
// profile, due-date rules) say what the fields mean; the form edits text.
type Form struct {
	st      *common.Styles
	Fields  []FormField
	States  []fieldState
	Focus   int
	Visited []bool
	Errs    map[int]string
	Keys    Keys
	// Pick finds the contacts a pick field's text names; matches are
	// those found for the focused pick, best first.
	Pick    picker
	matches []uint64
	// opened is what each field held when the form opened, from values:
	// a field drops what it cannot hold (escapes, hidden characters), and
	// that is not a change the user made.
	opened, openedFrom []string
	// width is what SetWidth was given: the text areas are sized to it
	// in the form's own state, where their scrolling lives.
	width int
}

// maxAreaRows is the most rows a text area grows to before it scrolls.
const maxAreaRows = 10

// SetWidth sizes the form for width cells. A text area must be sized in
// the form's state, not in a copy at draw time: its scroll position is
// worked out at the width it had when last edited, and a copy drawn wider
// showed only the last line of a long text.
func (f *Form) SetWidth(width int) {
	f.width = width
	for i := range f.States {
		if f.Fields[i].Kind == KindArea {
			f.States[i].fitArea(areaWidth(width))
		}
	}
}

func areaWidth(width int) int { return max(width-2-formLabelW, 8) }

// fitArea gives a text area the room its text needs, from three rows up to
// maxAreaRows, so what was written shows rather than scrolls away.
func (s *fieldState) fitArea(width int) {
	s.area.SetWidth(width)
	rows := 0
	for _, l := range strings.Split(s.area.Value(), "\n") {
		rows += max(len(common.WrapWords(l, width)), 1)
	}
	s.area.SetHeight(min(max(rows+1, 3), maxAreaRows))
	// Moving the cursor makes the area scroll to it at the new size.
	row, col := s.area.Line(), common.TextCursorColumn(s.area)
	s.area.CursorStart()
	common.MoveTextCursor(&s.area, row+1, col)
}

// picker looks contacts up for a pick field.
type picker interface {
	// Find lists the contacts whose name matches text, best first.
	Find(text string) []uint64
	// Name is how a contact is shown beside the field.
	Name(id uint64) string
}

// Keys are the keys of every form.
type Keys struct {
	Next, Prev key.Binding
	Choose     key.Binding
	Save       key.Binding
	Cancel     key.Binding
}

func newKeys() Keys {
	return Keys{
		Next:   key.NewBinding(key.WithKeys("tab", "down"), key.WithHelp("tab", "next field")),
		Prev:   key.NewBinding(key.WithKeys("shift+tab", "up"), key.WithHelp("shift+tab", "previous")),
		Choose: key.NewBinding(key.WithKeys("left", "right"), key.WithHelp("←/→", "choose")),
		Save:   key.NewBinding(key.WithKeys("ctrl+s"), key.WithHelp("ctrl+s", "save")),
		Cancel: key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "cancel")),
	}
}

// NewForm edits fields starting from values, the first field focused.
func NewForm(st *common.Styles, fields []FormField, values []string) Form {
	f := Form{st: st, Fields: fields, Errs: map[int]string{}, Keys: newKeys(),
		Visited: make([]bool, len(fields))}
	for i, fld := range fields {
		f.States = append(f.States, newFieldState(st, fld, values[i]))
	}
	f.opened, f.openedFrom = f.Values(), append([]string(nil), values...)
	f.States[0].focus(fields[0])
	return f
}

func (f Form) Value(i int) string { return f.States[i].Value(f.Fields[i]) }

// Values is every field's text, in order.
func (f Form) Values() []string {
	out := make([]string, len(f.Fields))
	for i := range f.Fields {
		out[i] = f.Value(i)
	}
	return out
}

func (f *Form) SetFocus(i int) {
	f.Visited[f.Focus] = true
	f.States[f.Focus].blur()
	f.Focus = i
	f.States[i].focus(f.Fields[i])
	if f.Fields[i].Kind == KindPick {
		f.findPick()
	}
}

// Choosing reports whether ←/→ choose rather than move the caret: always
// for toggles and fixed choices, and for a free choice or a pick while it
// holds one of the offered values (or nothing).
func (f Form) Choosing() bool {
	fld, s := f.Fields[f.Focus], f.States[f.Focus]
	switch fld.Kind {
	case KindToggle:
		return true
	case KindChoice:
		if !fld.Free || s.Input.Value() == "" {
			return true
		}
		for _, o := range fld.Options {
			if o == s.Input.Value() {
				return true
			}
		}
	case KindPick:
		return len(f.matches) > 1 || s.Input.Value() == ""
	}
	return false
}

// HandleKey moves between fields and edits them. submit is true for
// ctrl+s, or enter on the last one-line field.
func (f *Form) HandleKey(k tea.KeyMsg) (submit bool, cmd tea.Cmd) {
	fld := f.Fields[f.Focus]
	switch {
	case key.Matches(k, f.Keys.Save):
		return true, nil
	case k.Type == tea.KeyEnter && fld.Kind != KindArea:
		if f.Focus == len(f.Fields)-1 {
			return true, nil
		}
		f.SetFocus(f.Focus + 1)
	case key.Matches(k, f.Keys.Next) && !(fld.Kind == KindArea && k.Type == tea.KeyDown):
		f.SetFocus((f.Focus + 1) % len(f.Fields))
	case key.Matches(k, f.Keys.Prev) && !(fld.Kind == KindArea && k.Type == tea.KeyUp):
		f.SetFocus((f.Focus + len(f.Fields) - 1) % len(f.Fields))
	case key.Matches(k, f.Keys.Choose) && f.Choosing():
		delta := 1
		if k.Type == tea.KeyLeft {
			delta = -1
		}
		if fld.Kind == KindPick {
			f.cyclePick(delta)
		} else {
			f.States[f.Focus].cycle(fld, delta)
		}
	default:
		s := &f.States[f.Focus]
		if s.suggestion {
			s.suggestion = false
			if k.Type == tea.KeyRunes || k.Type == tea.KeySpace {
				s.clear(fld)
			}
		}
		before := s.Input.Value()
		if fld.Kind == KindDate {
			before = s.date.Input.Value()
		}
		cmd = s.Update(fld, k)
		if fld.Kind == KindPick && s.Input.Value() != before {
			f.findPick()
		}
		if fld.Kind == KindArea && f.width > 0 {
			s.fitArea(areaWidth(f.width))
		}
		if fld.Kind == KindDate && s.date.Input.Value() != before {
			// The read-back under the field now says what is wrong, if
			// anything: the problem found on saving is out of date.
			delete(f.Errs, f.Focus)
		}
	}
	return false, cmd
}

// CancelOrKey handles a key of a form that started from initial: esc
// leaves (asking first, with question, if anything changed); anything else
// goes to the fields. submit is true when the user asked to save.
func (f *Form) CancelOrKey(c *common.Common, k tea.KeyMsg, initial []string, question string) (submit bool, cmd tea.Cmd) {
	if key.Matches(k, f.Keys.Cancel) {
		if f.Changed(initial) {
			return false, common.Push(confirm.NewConfirm(c, question, "", common.Pop))
		}
		return false, common.Pop
	}
	return f.HandleKey(k)
}

// Changed reports whether any field differs from initial.
func (f Form) Changed(initial []string) bool {
	for i := range f.Fields {
		v := f.Value(i)
		asOpened := i < len(f.opened) && v == f.opened[i] && initial[i] == f.openedFrom[i]
		if v != strings.TrimSpace(initial[i]) && !asOpened {
			return true
		}
	}
	return false
}

// findPick searches for the focused pick field's text. A pick that names
// a contact by ID (as the form opened) keeps it until the text changes.
func (f *Form) findPick() {
	s := &f.States[f.Focus]
	text := strings.TrimSpace(s.Input.Value())
	f.matches = f.matches[:0]
	if text == "" || f.Pick == nil {
		if text == "" {
			s.PickID = 0
		}
		return
	}
	f.matches = append(f.matches, f.Pick.Find(text)...)
	switch {
	case len(f.matches) > 0 && !containsID(f.matches, s.PickID):
		s.PickID = f.matches[0]
	case len(f.matches) == 0:
		s.PickID = 0
	}
}

func containsID(ids []uint64, id uint64) bool {
	for _, x := range ids {
		if x == id {
			return true
		}
	}
	return false
}

// cyclePick offers the next match without changing the typed text.
func (f *Form) cyclePick(delta int) {
	s := &f.States[f.Focus]
	if len(f.matches) == 0 {
		return
	}
	cur := 0
	for i, id := range f.matches {
		if id == s.PickID {
			cur = i
		}
	}
	s.PickID = f.matches[(cur+delta+len(f.matches))%len(f.matches)]
}

// formLabelW is the width of the labels column.
const formLabelW = 15

// View draws the fields in width cells, each problem under its field.
// focusFrom and focusTo are the lines of the focused field, for a screen
// that scrolls.
func (f Form) View(width int) (lines []string, focusFrom, focusTo int) {
	st := f.st
	inputW := areaWidth(width)
	indent := strings.Repeat(" ", 2+formLabelW)
	for i, fld := range f.Fields {
		marker, label := "  ", st.Label.Render(common.PadRight(fld.Label, formLabelW))
		if i == f.Focus {
			marker, label = "▸ ", st.Accent.Render(common.PadRight(fld.Label, formLabelW))
			focusFrom = len(lines)
		}
		s := f.States[i]
		switch fld.Kind {
		case KindToggle:
			box := "[ ] no"
			if s.on {
				box = "[x] yes"
			}
			lines = append(lines, marker+label+box+"  "+st.Muted.Render(common.TruncateCells(fld.Hint, max(inputW-9, 0))))
		case KindArea:
			if f.width != width { // not sized by SetWidth: the best a copy can do
				s.area.SetWidth(inputW)
			}
			for j, l := range strings.Split(s.area.View(), "\n") {
				if j == 0 {
					lines = append(lines, marker+label+l)
				} else {
					lines = append(lines, indent+l)
				}
			}
		default:
			lines = append(lines, f.lineView(i, marker+label, inputW)...)
		}
		if fld.Note != "" {
			lines = append(lines, indent+st.Muted.Render(common.TruncateCells(fld.Note, inputW)))
		}
		if msg, bad := f.Errs[i]; bad {
			for _, l := range common.WrapWords(msg, inputW) {
				lines = append(lines, indent+st.Error.Render(l))
			}
		}
		if i == f.Focus {
			focusTo = len(lines) - 1
		}
	}
	return lines, focusFrom, focusTo
}

// lineView draws a one-line field after its label, with what a pick names
// on the line below.
func (f Form) lineView(i int, head string, inputW int) []string {
	st, fld, s := f.st, f.Fields[i], f.States[i]
	indent := strings.Repeat(" ", 2+formLabelW)
	if fld.Kind == KindDate {
		return f.dateView(i, head, inputW)
	}
	if fld.Unit != "" {
		return []string{head + common.InputView(st, s.Input, min(fld.Limit+2, inputW)) + st.Muted.Render(" "+fld.Unit)}
	}
	line := head + common.InputView(st, s.Input, inputW)
	if fld.Kind == KindChoice && s.Input.Value() == "" && i != f.Focus {
		line = head + st.Muted.Render("—")
	}
	lines := []string{line}
	if fld.Kind == KindChoice && i == f.Focus {
		lines = append(lines, f.optionsView(fld, s.Input.Value(), inputW)...)
	}
	if fld.Kind != KindPick || s.PickID == 0 || f.Pick == nil {
		return lines
	}
	name := f.Pick.Name(s.PickID)
	switch {
	case i == f.Focus:
		hint := "→ " + name
		if len(f.matches) > 1 {
			hint += st.Muted.Render("  (←/→ other matches)")
		}
		lines = append(lines, indent+common.TruncateCells(hint, inputW))
	case name != s.Input.Value() && name != "":
		lines = append(lines, indent+st.Muted.Render(common.TruncateCells("→ "+name, inputW)))
	}
	return lines
}

// optionsView lists a focused choice's options under it, the current one
// marked, so ←/→ does not cycle blind.
func (f Form) optionsView(fld FormField, current string, width int) []string {
	st := f.st
	indent := strings.Repeat(" ", 2+formLabelW)
	var out []string
	line := ""
	for _, o := range fld.Options {
		name := o
		if o == "" {
			name = "none"
		}
		if o == current {
			name = "[" + name + "]"
		}
		// An option is never broken across lines.
		if line != "" && common.CellWidth(line+" · "+name) > width {
			out = append(out, indent+st.Muted.Render(line))
			line = ""
		}
		if line != "" {
			line += " · "
		}
		line += name
	}
	if line != "" {
		out = append(out, indent+st.Muted.Render(common.TruncateCells(line, width)))
	}
	return out
}

// dateView draws a date field after its label, with what it was read as
// on the line below: plain while it has focus, muted after.
func (f Form) dateView(i int, head string, inputW int) []string {
	st, d := f.st, f.States[i].date
	lines := []string{head + d.View(inputW)}
	back := d.ReadBack()
	if _, flagged := f.Errs[i]; back == "" || (flagged && d.Problem() != "") {
		return lines // the problem under it says more
	}
	back = common.TruncateCells(back, inputW)
	if i != f.Focus {
		back = st.Muted.Render(back)
	}
	return append(lines, strings.Repeat(" ", 2+formLabelW)+back)
}

// When reads date field i afresh: what to save, or the problem in plain
// words with an example.
func (f Form) When(i int) (model.When, error) { return f.States[i].date.Read() }

// Help is the key help of a form screen: fields, choosing, save, leave.
func (f Form) Help() common.KeyMap {
	k := f.Bindings()
	return common.KeyMap{Short: []key.Binding{k.Next, k.Choose, k.Save, k.Cancel},
		Full: [][]key.Binding{{k.Next, k.Prev, k.Choose}, {k.Save, k.Cancel}}}
}

// Bindings is the form's keys: ←/→ only where it chooses.
func (f Form) Bindings() Keys {
	k := f.Keys
	k.Choose.SetEnabled(f.Choosing())
	return k
}

// FirstProblem is the problem of the first field that has one.
func FirstProblem(errs map[int]string) string {
	first := -1
	for i := range errs {
		if first < 0 || i < first {
			first = i
		}
	}
	return errs[first]
}
