package ui

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
)

// form is the one form kit: a column of labelled fields (text, choice,
// toggle, pick, area) over bubbles' textinput and textarea, with tab
// between them, ←/→ to choose, ctrl+s to save, esc to leave, and each
// field's problem shown under it. The screens (contact, log, schedule,
// profile, due-date rules) say what the fields mean; the form edits text.
type form struct {
	st      *Styles
	fields  []formField
	states  []fieldState
	focus   int
	visited []bool
	errs    map[int]string
	keys    formKeys
	// pick finds the contacts a pick field's text names; matches are
	// those found for the focused pick, best first.
	pick    picker
	matches []uint64
}

// picker looks contacts up for a pick field.
type picker interface {
	// find lists the contacts whose name matches text, best first.
	find(text string) []uint64
	// name is how a contact is shown beside the field.
	name(id uint64) string
}

// formKeys are the keys of every form.
type formKeys struct {
	Next, Prev key.Binding
	Choose     key.Binding
	Save       key.Binding
	Cancel     key.Binding
}

func newFormKeys() formKeys {
	return formKeys{
		Next:   key.NewBinding(key.WithKeys("tab", "down"), key.WithHelp("tab", "next field")),
		Prev:   key.NewBinding(key.WithKeys("shift+tab", "up"), key.WithHelp("shift+tab", "previous")),
		Choose: key.NewBinding(key.WithKeys("left", "right"), key.WithHelp("←/→", "choose")),
		Save:   key.NewBinding(key.WithKeys("ctrl+s"), key.WithHelp("ctrl+s", "save")),
		Cancel: key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "cancel")),
	}
}

// newForm edits fields starting from values, the first field focused.
func newForm(st *Styles, fields []formField, values []string) form {
	f := form{st: st, fields: fields, errs: map[int]string{}, keys: newFormKeys(),
		visited: make([]bool, len(fields))}
	for i, fld := range fields {
		f.states = append(f.states, newFieldState(st, fld, values[i]))
	}
	f.states[0].focus(fields[0])
	return f
}

func (f form) value(i int) string { return f.states[i].value(f.fields[i]) }

// values is every field's text, in order.
func (f form) values() []string {
	out := make([]string, len(f.fields))
	for i := range f.fields {
		out[i] = f.value(i)
	}
	return out
}

func (f *form) setFocus(i int) {
	f.visited[f.focus] = true
	f.states[f.focus].blur()
	f.focus = i
	f.states[i].focus(f.fields[i])
	if f.fields[i].kind == kindPick {
		f.findPick()
	}
}

// choosing reports whether ←/→ choose rather than move the caret: always
// for toggles and fixed choices, and for a free choice or a pick while it
// holds one of the offered values (or nothing).
func (f form) choosing() bool {
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

// handleKey moves between fields and edits them. submit is true for
// ctrl+s, or enter on the last one-line field.
func (f *form) handleKey(k tea.KeyMsg) (submit bool, cmd tea.Cmd) {
	fld := f.fields[f.focus]
	switch {
	case key.Matches(k, f.keys.Save):
		return true, nil
	case k.Type == tea.KeyEnter && fld.kind != kindArea:
		if f.focus == len(f.fields)-1 {
			return true, nil
		}
		f.setFocus(f.focus + 1)
	case key.Matches(k, f.keys.Next) && !(fld.kind == kindArea && k.Type == tea.KeyDown):
		f.setFocus((f.focus + 1) % len(f.fields))
	case key.Matches(k, f.keys.Prev) && !(fld.kind == kindArea && k.Type == tea.KeyUp):
		f.setFocus((f.focus + len(f.fields) - 1) % len(f.fields))
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
	default:
		s := &f.states[f.focus]
		before := s.input.Value()
		cmd = s.update(fld, k)
		if fld.kind == kindPick && s.input.Value() != before {
			f.findPick()
		}
	}
	return false, cmd
}

// cancelOrKey handles a key of a form that started from initial: esc
// leaves (asking first, with question, if anything changed); anything else
// goes to the fields. submit is true when the user asked to save.
func (f *form) cancelOrKey(c *common, k tea.KeyMsg, initial []string, question string) (submit bool, cmd tea.Cmd) {
	if key.Matches(k, f.keys.Cancel) {
		if f.changed(initial) {
			return false, push(newConfirm(c, question, "", pop))
		}
		return false, pop
	}
	return f.handleKey(k)
}

// changed reports whether any field differs from initial.
func (f form) changed(initial []string) bool {
	for i := range f.fields {
		if f.value(i) != strings.TrimSpace(initial[i]) {
			return true
		}
	}
	return false
}

// findPick searches for the focused pick field's text. A pick that names
// a contact by ID (as the form opened) keeps it until the text changes.
func (f *form) findPick() {
	s := &f.states[f.focus]
	text := strings.TrimSpace(s.input.Value())
	f.matches = f.matches[:0]
	if text == "" || f.pick == nil {
		if text == "" {
			s.pickID = 0
		}
		return
	}
	f.matches = append(f.matches, f.pick.find(text)...)
	switch {
	case len(f.matches) > 0 && !containsID(f.matches, s.pickID):
		s.pickID = f.matches[0]
	case len(f.matches) == 0:
		s.pickID = 0
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
func (f *form) cyclePick(delta int) {
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

// formLabelW is the width of the labels column.
const formLabelW = 15

// view draws the fields in width cells, each problem under its field.
// focusFrom and focusTo are the lines of the focused field, for a screen
// that scrolls.
func (f form) view(width int) (lines []string, focusFrom, focusTo int) {
	st := f.st
	inputW := max(width-2-formLabelW, 8)
	indent := strings.Repeat(" ", 2+formLabelW)
	for i, fld := range f.fields {
		marker, label := "  ", st.Label.Render(padRight(fld.label, formLabelW))
		if i == f.focus {
			marker, label = "▸ ", st.Accent.Render(padRight(fld.label, formLabelW))
			focusFrom = len(lines)
		}
		s := f.states[i]
		switch fld.kind {
		case kindToggle:
			box := "[ ] no"
			if s.on {
				box = "[x] yes"
			}
			lines = append(lines, marker+label+box+"  "+st.Muted.Render(truncateCells(fld.hint, max(inputW-9, 0))))
		case kindArea:
			s.area.SetWidth(inputW)
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
		if fld.note != "" {
			lines = append(lines, indent+st.Muted.Render(truncateCells(fld.note, inputW)))
		}
		if msg, bad := f.errs[i]; bad {
			for _, l := range wrapWords(msg, inputW) {
				lines = append(lines, indent+st.Error.Render(l))
			}
		}
		if i == f.focus {
			focusTo = len(lines) - 1
		}
	}
	return lines, focusFrom, focusTo
}

// lineView draws a one-line field after its label, with what a pick names
// on the line below.
func (f form) lineView(i int, head string, inputW int) []string {
	st, fld, s := f.st, f.fields[i], f.states[i]
	indent := strings.Repeat(" ", 2+formLabelW)
	if fld.unit != "" {
		return []string{head + inputView(st, s.input, min(fld.limit+2, inputW)) + st.Muted.Render(" "+fld.unit)}
	}
	line := head + inputView(st, s.input, inputW)
	if fld.kind == kindChoice && s.input.Value() == "" && i != f.focus {
		line = head + st.Muted.Render("—")
	}
	lines := []string{line}
	if fld.kind != kindPick || s.pickID == 0 || f.pick == nil {
		return lines
	}
	name := f.pick.name(s.pickID)
	switch {
	case i == f.focus:
		hint := "→ " + name
		if len(f.matches) > 1 {
			hint += st.Muted.Render("  (←/→ other matches)")
		}
		lines = append(lines, indent+truncateCells(hint, inputW))
	case name != s.input.Value() && name != "":
		lines = append(lines, indent+st.Muted.Render(truncateCells("→ "+name, inputW)))
	}
	return lines
}

// bindings is the form's help: ←/→ only where it chooses.
func (f form) bindings() formKeys {
	k := f.keys
	k.Choose.SetEnabled(f.choosing())
	return k
}

// firstProblem is the problem of the first field that has one.
func firstProblem(errs map[int]string) string {
	first := -1
	for i := range errs {
		if first < 0 || i < first {
			first = i
		}
	}
	return errs[first]
}
